// An answer heard from another workstation keeps the response's label as its planner read it: a
// workstation that joined later may list no responses to find it by.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec('ALTER TABLE exceptions ADD COLUMN chosen_label TEXT');
}
