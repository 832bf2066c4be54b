// A lot blocked for containment is held with a task of its own: the hold names the failed lot it was made from.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec('ALTER TABLE lot_holds ADD COLUMN contained_by TEXT');
}
