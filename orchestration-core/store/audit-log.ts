// Append-only audit trail. Each entry carries the hash of the previous one, so an edit or a
// deletion anywhere breaks the chain and verifyChain finds it.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

const genesis = '0'.repeat(64);

function hashOf(prevHash: string, entry: { at: string; actor: string; action: string; subject: string; detail: string }): string {
  return createHash('sha256')
    .update([prevHash, entry.at, entry.actor, entry.action, entry.subject, entry.detail].join('\u001f'))
    .digest('hex');
}

export function createAuditLog(db: Database.Database) {
  const last = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id');
  return {
    append(entry: AuditEntry): void {
      const prevHash = last.get()?.hash ?? genesis;
      const detail = JSON.stringify(entry.detail);
      insert.run(entry.at, entry.actor, entry.action, entry.subject, detail, prevHash, hashOf(prevHash, { ...entry, detail }));
    },
    /** The id of the first entry whose chain is broken, or null when the log is intact. */
    verifyChain(): number | null {
      let prevHash = genesis;
      for (const row of all.iterate()) {
        if (row.prev_hash !== prevHash || hashOf(prevHash, row) !== row.hash) return row.id;
        prevHash = row.hash;
      }
      return null;
    },
    entries: () => all.all().map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> })),
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
