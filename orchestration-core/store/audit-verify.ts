// Reads an audit trail's hash chain and names the first place it was tampered with: an entry edited
// (its content no longer gives its hash, or its hash was recomputed and the next entry no longer
// follows it), one deleted (an id missing where the chain breaks), entries reordered (an entry follows
// one that stands after it), or the tail cut off (the head the gateway last heard is not in the file).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export interface ChainRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

export function chainHash(prevHash: string, entry: Pick<ChainRow, 'at' | 'actor' | 'action' | 'subject' | 'detail'>): string {
  return createHash('sha256').update([prevHash, entry.at, entry.actor, entry.action, entry.subject, entry.detail].join('\u001f')).digest('hex');
}

export type AuditBreakKind = 'edited' | 'deleted' | 'reordered' | 'cut-off';

export interface AuditBreak {
  kind: AuditBreakKind;
  /** The entry the break is found at (for a cut-off tail, the last one left); null in an empty file. */
  entryId: number | null;
  message: string;
}

export interface AuditVerdict {
  entries: number;
  /** The hash of the last entry: what the gateway is told as the chain's head. */
  head: string;
  broken: AuditBreak | null;
}

/** A chain head as somebody else last heard it: its hash. */
export interface KnownHead {
  hash: string;
  /** Who heard it, for the message ("the gateway"). */
  heardBy: string;
}

const describe = (row: ChainRow): string => `entry ${row.id} (${row.at} ${row.actor}: ${row.action} ${row.subject})`;

export function verifyChainRows(rows: readonly ChainRow[], known?: KnownHead): AuditVerdict {
  const position = new Map(rows.map((row, index) => [row.hash, index]));
  let prevHash = genesisHash;
  let broken: AuditBreak | null = null;
  for (const [index, row] of rows.entries()) {
    const before = rows[index - 1];
    if (chainHash(row.prev_hash, row) !== row.hash) {
      broken = { kind: 'edited', entryId: row.id, message: `${describe(row)} was edited: its content no longer gives its hash` };
    } else if (row.prev_hash !== prevHash) {
      const follows = position.get(row.prev_hash);
      if (follows !== undefined) {
        const other = rows[follows]!;
        broken = { kind: 'reordered', entryId: row.id, message: `${describe(row)} was written after entry ${other.id}, but stands ${follows > index ? 'before' : 'apart from'} it: the entries were reordered` };
      } else if (row.id !== (before?.id ?? 0) + 1) {
        const from = (before?.id ?? 0) + 1;
        const missing = row.id - 1 === from ? `entry ${from} is` : `entries ${from} to ${row.id - 1} are`;
        broken = { kind: 'deleted', entryId: row.id, message: `${missing} missing before ${describe(row)}: deleted` };
      } else {
        broken = before
          ? { kind: 'edited', entryId: before.id, message: `${describe(before)} was edited and its hash recomputed: ${describe(row)} no longer follows it` }
          : { kind: 'deleted', entryId: row.id, message: `${describe(row)} is the first left, but the chain does not start with it: the entries before were deleted` };
      }
    }
    if (broken) break;
    prevHash = row.hash;
  }
  const last = rows.at(-1);
  if (!broken && known && known.hash !== prevHash && !position.has(known.hash)) {
    broken = {
      kind: 'cut-off',
      entryId: last?.id ?? null,
      message: `the tail was cut off: ${known.heardBy} last heard of head ${known.hash.slice(0, 12)}…, which is not in this file (it ends at ${last ? describe(last) : 'no entry'})`,
    };
  }
  return { entries: rows.length, head: prevHash, broken };
}

/** Reads a workstation's SQLite file without changing it (no migration, read-only) and verifies its chain. */
export function verifyAuditFile(databasePath: string, known?: KnownHead): AuditVerdict {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return verifyChainRows(db.prepare<[], ChainRow>('SELECT id, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY id').all(), known);
  } finally {
    db.close();
  }
}
