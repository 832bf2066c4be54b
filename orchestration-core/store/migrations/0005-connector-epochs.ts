// The gateway epoch each connector last took a snapshot from: sent back on subscribe, so a
// reconnect to the same gateway replays from the cursors instead of downloading a snapshot again.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec('CREATE TABLE connector_epochs (connector TEXT PRIMARY KEY, epoch TEXT NOT NULL, updated_at TEXT NOT NULL);');
}
