// What a queued command is about for its audit trail, apart from the entity whose version it changes:
// a move task or a supplier case names its lot without counting as a change of the lot pending upstream.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`ALTER TABLE outbox ADD COLUMN subject TEXT;
    UPDATE outbox SET subject = entity_id;`);
}
