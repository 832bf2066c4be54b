// What became of a dead letter: replayed once its cause was fixed, or discarded with a reason; who and
// when. An unresolved one is what Monitor lists first.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`ALTER TABLE dead_letters ADD COLUMN resolution TEXT;
    ALTER TABLE dead_letters ADD COLUMN resolved_by TEXT;
    ALTER TABLE dead_letters ADD COLUMN resolved_at TEXT;
    ALTER TABLE dead_letters ADD COLUMN resolution_note TEXT;
    CREATE INDEX dead_letters_open ON dead_letters (resolution, id);`);
}
