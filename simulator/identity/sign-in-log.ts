// Every sign-in the gateway answered, good or refused: who, when, and which rule refused it.
import type Database from 'better-sqlite3';

export interface SignInEntry {
  at: string;
  user: string;
  outcome: 'signed-in' | 'invalid' | 'unknown-user' | 'wrong-password' | 'disabled' | 'locked';
  reason: string | null;
}

export class SignInLog {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    db.exec('CREATE TABLE IF NOT EXISTS sign_ins (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_name TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT)');
  }

  record(entry: SignInEntry): void {
    this.db.prepare('INSERT INTO sign_ins (at, user_name, outcome, reason) VALUES (?, ?, ?, ?)').run(entry.at, entry.user, entry.outcome, entry.reason);
  }

  /** The latest first. */
  recent(limit = 100): SignInEntry[] {
    return this.db
      .prepare<[number], { at: string; user_name: string; outcome: SignInEntry['outcome']; reason: string | null }>('SELECT at, user_name, outcome, reason FROM sign_ins ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map((row) => ({ at: row.at, user: row.user_name, outcome: row.outcome, reason: row.reason }));
  }
}
