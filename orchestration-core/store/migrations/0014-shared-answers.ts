// An exception's answer is shared through the gateway: the exception names the exception.answer this
// workstation sent, so the answer heard back from the stream is known as its own.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec('ALTER TABLE exceptions ADD COLUMN answer_command_id TEXT');
}
