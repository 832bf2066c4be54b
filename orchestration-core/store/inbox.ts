// Inbox (dedupe by event id) and per-stream cursors; both change in the transaction that applies an event.
import type Database from 'better-sqlite3';

export type InboxOutcome = 'applied' | 'dead-lettered';

export function createInbox(db: Database.Database) {
  const has = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM inbox WHERE event_id = ?');
  const insert = db.prepare(
    'INSERT INTO inbox (event_id, stream, seq, type, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const claim = db.prepare(
    'INSERT OR IGNORE INTO inbox (event_id, stream, seq, type, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const setOutcome = db.prepare('UPDATE inbox SET outcome = ? WHERE event_id = ?');
  const outcomeOf = db.prepare<[string], InboxOutcome>('SELECT outcome FROM inbox WHERE event_id = ?').pluck();
  const cursorsAll = db.prepare<[], { stream: string; seq: number }>('SELECT stream, seq FROM cursors');
  const upsertCursor = db.prepare(
    `INSERT INTO cursors (stream, seq, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(stream) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at`,
  );
  const forgetAfter = db.prepare('DELETE FROM inbox WHERE stream = ? AND seq > ?');
  const epochOf = db.prepare<[string], string>('SELECT epoch FROM connector_epochs WHERE connector = ?');
  const upsertEpoch = db.prepare(
    `INSERT INTO connector_epochs (connector, epoch, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(connector) DO UPDATE SET epoch = excluded.epoch, updated_at = excluded.updated_at`,
  );
  return {
    /** The gateway epoch the connector last took a snapshot from. */
    epoch: (connector: string): string | undefined => epochOf.pluck().get(connector),
    setEpoch(connector: string, epoch: string, at: string): void {
      upsertEpoch.run(connector, epoch, at);
    },
    hasEvent: (eventId: string): boolean => has.get(eventId) !== undefined,
    /** How the event was taken in, or undefined when it never was. */
    outcome: (eventId: string): InboxOutcome | undefined => outcomeOf.get(eventId),
    /** Records the event unless its id is there already; false: a duplicate, apply nothing. */
    claim(entry: { eventId: string; stream: string; seq: number; type: string; outcome: InboxOutcome; at: string }): boolean {
      return claim.run(entry.eventId, entry.stream, entry.seq, entry.type, entry.outcome, entry.at).changes === 1;
    },
    setOutcome(eventId: string, outcome: InboxOutcome): void {
      setOutcome.run(outcome, eventId);
    },
    record(entry: { eventId: string; stream: string; seq: number; type: string; outcome: InboxOutcome; at: string }): void {
      insert.run(entry.eventId, entry.stream, entry.seq, entry.type, entry.outcome, entry.at);
    },
    cursors(): Map<string, number> {
      return new Map(cursorsAll.all().map((row) => [row.stream, row.seq]));
    },
    /** Drops inbox rows of a stream past seq: they belong to a log the gateway no longer has. */
    forgetAfter(stream: string, seq: number): void {
      forgetAfter.run(stream, seq);
    },
    advanceCursor(stream: string, seq: number, at: string): void {
      upsertCursor.run(stream, seq, at);
    },
  };
}
export type Inbox = ReturnType<typeof createInbox>;
