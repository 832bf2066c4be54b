// A planner's saved what-ifs, kept with the figures they had when saved so that opening one again
// can say what changed since.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`CREATE TABLE scenarios (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    steps TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_figures TEXT NOT NULL,
    saved_customer_orders TEXT NOT NULL,
    applied_by TEXT,
    applied_at TEXT,
    applied_command_ids TEXT
  );`);
}
