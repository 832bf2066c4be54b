// Append-only audit trail. Each entry carries the hash of the previous one, so an edit or a
// deletion anywhere breaks the chain and audit-verify.ts names it.
import type Database from 'better-sqlite3';
import { chainHash, genesisHash, verifyChainRows, type ChainRow } from './audit-verify';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

export function createAuditLog(db: Database.Database) {
  const last = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], ChainRow>('SELECT * FROM audit_log ORDER BY id');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');
  const newest = db.prepare<[number], ChainRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  return {
    append(entry: AuditEntry): void {
      const prevHash = last.get()?.hash ?? genesisHash;
      const detail = JSON.stringify(entry.detail);
      insert.run(entry.at, entry.actor, entry.action, entry.subject, detail, prevHash, chainHash(prevHash, { ...entry, detail }));
    },
    /** The id of the first entry whose chain is broken, or null when the log is intact. */
    verifyChain(): number | null {
      return verifyChainRows(all.all()).broken?.entryId ?? null;
    },
    /** The newest `limit` entries, newest first, as stored. */
    newest: (limit: number): ChainRow[] => newest.all(limit),
    /** The whole chain's verdict: intact, or where it breaks first. */
    verify: () => verifyChainRows(all.all()),
    /** The chain's head and length: what the gateway is told with every batch of commands. */
    head: (): { head: string; entries: number } => ({ head: last.get()?.hash ?? genesisHash, entries: count.get()?.n ?? 0 }),
    entries: () => all.all().map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> })),
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
