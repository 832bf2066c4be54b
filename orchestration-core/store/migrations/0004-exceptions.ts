// Exceptions: disruptions the planner must look at, each with the impact computed when it arrived.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE exceptions (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('supplier-delay')),
      item_id TEXT NOT NULL,
      plant TEXT NOT NULL,
      source_document TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      orders_hit INTEGER NOT NULL,
      revenue_at_risk REAL NOT NULL,
      worst_days_late INTEGER,
      unfulfilled INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'no-impact', 'accepted', 'resolved')),
      detail TEXT NOT NULL,
      impact TEXT NOT NULL,
      -- The responses proposed, each with its projected effect (JSON array).
      responses TEXT NOT NULL DEFAULT '[]',
      chosen_response TEXT,
      instance_id TEXT NOT NULL,
      task_id TEXT
    );
    CREATE INDEX exceptions_detected ON exceptions(detected_at);
  `);
}
