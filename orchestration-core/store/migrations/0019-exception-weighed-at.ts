// When an exception's impact was last computed against the plan: the detail says so, so a planner
// knows the figures are the present plan's (they are weighed again whenever the plan moves).
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`ALTER TABLE exceptions ADD COLUMN weighed_at TEXT;
    UPDATE exceptions SET weighed_at = detected_at;`);
}
