// Human tasks escalated past their due time, as the gateway published them: one per subject (the
// approval, or the inspection lot a disposition is for).
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`CREATE TABLE escalations (
    subject_id TEXT PRIMARY KEY,
    task_type TEXT NOT NULL,
    subject TEXT NOT NULL,
    plant TEXT,
    due_at TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    auto_action TEXT
  )`);
}
