// The disruptions a planner weighs, kept beside the stream: ASN delays, line stops and restarts as
// their events were published. A snapshot carries those of the planning horizon, so a workstation
// that joins late (or whose cursor fell out of retention) weighs the same exceptions under the same
// ids as every other, instead of none.
import type Database from 'better-sqlite3';
import type { EventEnvelope } from '../shared/events';
import { dateOf, dayOf } from '../shared/plan-days';

export const disruptionTypes: ReadonlySet<string> = new Set(['asn.delayed', 'line.stopped', 'line.restarted']);

/** Days back a disruption is still worth weighing: the planning horizon. */
export const disruptionHorizonDays = 28;

export class DisruptionLog {
  private readonly insert: Database.Statement;
  private readonly since: Database.Statement<[string, string], { body: string }>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS disruptions (
      event_id TEXT PRIMARY KEY,
      stream TEXT NOT NULL,
      seq INTEGER NOT NULL,
      occurred_at TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS disruptions_stream ON disruptions (stream, occurred_at);`);
    this.insert = db.prepare('INSERT OR IGNORE INTO disruptions (event_id, stream, seq, occurred_at, body) VALUES (?, ?, ?, ?, ?)');
    this.since = db.prepare('SELECT body FROM disruptions WHERE stream = ? AND occurred_at >= ? ORDER BY seq');
  }

  /** Keeps the event when it is a disruption; call in the transaction that appends it. */
  note(envelope: EventEnvelope): void {
    if (disruptionTypes.has(envelope.type)) this.insert.run(envelope.id, envelope.stream, envelope.seq, envelope.occurredAt, JSON.stringify(envelope));
  }

  /** The disruptions of the streams within the horizon before `today`, in each stream's order. */
  recent(streams: readonly string[], today: string): EventEnvelope[] {
    const from = dateOf(dayOf(today) - disruptionHorizonDays);
    return streams.flatMap((stream) => this.since.all(stream, from).map((row) => JSON.parse(row.body) as EventEnvelope));
  }
}
