// Escalations as the gateway holds them: one per subject (an approval, an inspection lot), the first
// that came; a snapshot carries them, so a supervisor's workstation that joins late shows them too.
import type Database from 'better-sqlite3';
import type { EventPayload } from '../shared/events';

export type Escalation = EventPayload<'escalation.raised'>;

export class EscalationBook {
  private readonly insert: Database.Statement;
  private readonly one: Database.Statement<[string], { body: string; command_id: string }>;
  private readonly all: Database.Statement<[], { body: string }>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS escalations (
      subject_id TEXT PRIMARY KEY,
      command_id TEXT NOT NULL,
      raised_at TEXT NOT NULL,
      body TEXT NOT NULL
    )`);
    this.insert = db.prepare('INSERT INTO escalations (subject_id, command_id, raised_at, body) VALUES (?, ?, ?, ?)');
    this.one = db.prepare('SELECT body, command_id FROM escalations WHERE subject_id = ?');
    this.all = db.prepare('SELECT body FROM escalations ORDER BY raised_at');
  }

  /** The escalation of this subject and the command that raised it, when there was one. */
  of(subjectId: string): { escalation: Escalation; commandId: string } | undefined {
    const row = this.one.get(subjectId);
    return row && { escalation: JSON.parse(row.body) as Escalation, commandId: row.command_id };
  }

  raise(escalation: Escalation, commandId: string): void {
    this.insert.run(escalation.subjectId, commandId, escalation.raisedAt, JSON.stringify(escalation));
  }

  list(): Escalation[] {
    return this.all.all().map((row) => JSON.parse(row.body) as Escalation);
  }
}
