// Messages a connector could not accept, kept with the reason so they can be inspected and replayed.
import type Database from 'better-sqlite3';

export interface DeadLetter {
  id: number;
  connector: string;
  stream: string | null;
  seq: number | null;
  eventId: string | null;
  reason: string;
  raw: string;
  receivedAt: string;
}

export function createDeadLetters(db: Database.Database) {
  const insert = db.prepare(
    'INSERT INTO dead_letters (connector, stream, seq, event_id, reason, raw, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const list = db.prepare<[], DeadLetter>(
    `SELECT id, connector, stream, seq, event_id AS eventId, reason, raw, received_at AS receivedAt
     FROM dead_letters ORDER BY id`,
  );
  return {
    record(entry: Omit<DeadLetter, 'id' | 'raw'> & { raw: unknown }): void {
      insert.run(entry.connector, entry.stream, entry.seq, entry.eventId, entry.reason, safeStringify(entry.raw), entry.receivedAt);
    },
    list: (): DeadLetter[] => list.all(),
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
