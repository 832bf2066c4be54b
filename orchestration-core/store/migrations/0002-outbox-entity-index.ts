// The inspection-failed workflow counts a lot's commands still on their way upstream for every
// decision; without an index that count scans the whole outbox, which only grows.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`CREATE INDEX outbox_pending_entity ON outbox(entity_id) WHERE status = 'pending';`);
}
