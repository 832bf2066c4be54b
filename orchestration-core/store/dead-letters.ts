// Messages a connector could not accept, kept with the reason so they can be inspected and replayed.
import type Database from 'better-sqlite3';
import type { DeadLetterRow } from '../../shared/api/monitor';

/** As stored, the raw message whole (Monitor's rows show its first 4,000 characters). */
export type DeadLetter = DeadLetterRow;

export function createDeadLetters(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO dead_letters (connector, stream, seq, event_id, reason, raw, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const columns = `id, connector, stream, seq, event_id AS eventId, reason, raw, received_at AS receivedAt,
     resolution, resolved_by AS resolvedBy, resolved_at AS resolvedAt, resolution_note AS resolutionNote`;
  const list = db.prepare<[], DeadLetter>(`SELECT ${columns} FROM dead_letters ORDER BY id`);
  const one = db.prepare<[number], DeadLetter>(`SELECT ${columns} FROM dead_letters WHERE id = ?`);
  const openOfReason = db.prepare<[string], DeadLetter>(`SELECT ${columns} FROM dead_letters WHERE resolution IS NULL AND reason = ? ORDER BY id`);
  const openOfConnector = db.prepare<[string], DeadLetter>(`SELECT ${columns} FROM dead_letters WHERE resolution IS NULL AND connector = ? AND stream IS NOT NULL ORDER BY id`);
  const resolve = db.prepare('UPDATE dead_letters SET resolution = ?, resolved_by = ?, resolved_at = ?, resolution_note = ? WHERE id = ? AND resolution IS NULL');
  const setReason = db.prepare('UPDATE dead_letters SET reason = ? WHERE id = ?');
  return {
    record(entry: Pick<DeadLetter, 'connector' | 'stream' | 'seq' | 'eventId' | 'reason' | 'receivedAt'> & { raw: unknown }): void {
      insert.run(entry.connector, entry.stream, entry.seq, entry.eventId, entry.reason, safeStringify(entry.raw), entry.receivedAt);
    },
    list: (): DeadLetter[] => list.all(),
    get: (id: number): DeadLetter | undefined => one.get(id),
    /** The open ones with this reason, oldest first: "replay all of a reason". */
    openWithReason: (reason: string): DeadLetter[] => openOfReason.all(reason),
    /** The open ones a connector's streams brought, oldest first: those a fix on that connector may cure. */
    openOfConnector: (connector: string): DeadLetter[] => openOfConnector.all(connector),
    /** False when it was resolved already. */
    resolve(id: number, resolution: 'replayed' | 'discarded', by: string, at: string, note: string | null): boolean {
      return resolve.run(resolution, by, at, note, id).changes === 1;
    },
    /** A replay that failed again: the reason it fails for now. */
    setReason(id: number, reason: string): void {
      setReason.run(reason, id);
    },
  };
}
export type DeadLetters = ReturnType<typeof createDeadLetters>;

function safeStringify(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}
