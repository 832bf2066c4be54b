// Append-only audit trail. Each entry carries the hash of the previous one, so an edit or a
// deletion anywhere breaks the chain and audit-verify.ts names it.
import type Database from 'better-sqlite3';
import type { CanonicalCommand } from '../../shared/commands';
import { chainHash, genesisHash, verifyChainRows, type ChainRow } from './audit-verify';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  /**
   * What ties the entry to the others of one flow on every workstation (the approval a request, its
   * decision and the substitution share, or the lot); by default the detail's approvalId, else the subject.
   */
  correlationId?: string;
}

/** The one flow an entry belongs to, as the Audit view groups it. */
function correlationOf(entry: AuditEntry): string {
  const { approvalId } = entry.detail as { approvalId?: unknown };
  return entry.correlationId ?? (typeof approvalId === 'string' ? approvalId : entry.subject);
}

/** What a command's entries (sent, replied) are grouped under: the approval it asks, decides or carries out, else its entity. */
export function commandCorrelation(command: CanonicalCommand, entityId: string | null): string {
  const { approvalId } = command.payload as { approvalId?: unknown };
  return typeof approvalId === 'string' ? approvalId : (entityId ?? command.type);
}

export function createAuditLog(db: Database.Database) {
  const last = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], ChainRow>('SELECT * FROM audit_log ORDER BY id');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');
  const newest = db.prepare<[number], ChainRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  // The role the actor acts in here, when they are the one signed in (the host says; a reply or `system` has none).
  let roleOf: (actor: string) => string | null = () => null;
  return {
    /** How the log learns the signed-in person's role, recorded with each of their entries. */
    knowRoles(resolve: (actor: string) => string | null): void {
      roleOf = resolve;
    },
    append(entry: AuditEntry): void {
      const prevHash = last.get()?.hash ?? genesisHash;
      const role = (entry.detail as { role?: unknown }).role ?? roleOf(entry.actor);
      const detail = JSON.stringify({ ...entry.detail, correlationId: correlationOf(entry), ...(role ? { role } : {}) });
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
