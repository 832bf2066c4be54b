// What a workstation knows of itself: its client id at the gateway, the gateway's public key that
// session tokens are verified with offline, and who signed in last (to fill in the sign-in screen).
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`CREATE TABLE workstation (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);`);
}
