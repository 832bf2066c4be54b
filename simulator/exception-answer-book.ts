// Planners' answers to Order Impact exceptions, one standing answer per exception: a second is refused
// naming who answered first. An answer waiting for a supervisor stands until the supervisor rejects it
// (or the ERP refuses what was approved); then the exception may be answered again. Snapshots carry
// the standing answers, so a workstation that missed the events shows them answered.
import type Database from 'better-sqlite3';
import type { EventPayload } from '../shared/events';

export type ExceptionAnswerRecord = EventPayload<'exception.answered'>;

export class ExceptionAnswerBook {
  private readonly insert: Database.Statement;
  private readonly standingFor: Database.Statement<[string], { body: string }>;
  private readonly voidFor: Database.Statement<[string]>;
  private readonly standingAll: Database.Statement<[], { body: string }>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS exception_answers (
      command_id TEXT PRIMARY KEY,
      exception_id TEXT NOT NULL,
      approval_id TEXT,
      standing INTEGER NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS exception_answers_exception ON exception_answers (exception_id, standing);`);
    this.insert = db.prepare('INSERT INTO exception_answers (command_id, exception_id, approval_id, standing, body) VALUES (?, ?, ?, 1, ?)');
    this.standingFor = db.prepare('SELECT body FROM exception_answers WHERE exception_id = ? AND standing = 1');
    this.voidFor = db.prepare('UPDATE exception_answers SET standing = 0 WHERE approval_id = ?');
    this.standingAll = db.prepare('SELECT body FROM exception_answers WHERE standing = 1 ORDER BY exception_id');
  }

  /** The answer that stands for the exception, if any. */
  standing(exceptionId: string): ExceptionAnswerRecord | undefined {
    const row = this.standingFor.get(exceptionId);
    return row && (JSON.parse(row.body) as ExceptionAnswerRecord);
  }

  record(answer: ExceptionAnswerRecord): void {
    this.insert.run(answer.commandId, answer.exceptionId, answer.approvalId ?? null, JSON.stringify(answer));
  }

  /** The approval an answer waited for was rejected, or what it approved was refused: the answer no longer stands. */
  voidByApproval(approvalId: string): void {
    this.voidFor.run(approvalId);
  }

  all(): ExceptionAnswerRecord[] {
    return this.standingAll.all().map((row) => JSON.parse(row.body) as ExceptionAnswerRecord);
  }
}
