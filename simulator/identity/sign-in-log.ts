// Every sign-in the gateway answered, good or refused: who, when, and which rule refused it.
import type Database from 'better-sqlite3';

export interface SignInEntry {
  at: string;
  user: string;
  outcome: 'signed-in' | 'invalid' | 'unknown-user' | 'wrong-password' | 'disabled' | 'locked';
  reason: string | null;
}

export class SignInLog {
  private readonly insert: Database.Statement<[string, string, string, string | null]>;
  private readonly latest: Database.Statement<[number], { at: string; user_name: string; outcome: SignInEntry['outcome']; reason: string | null }>;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS sign_ins (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_name TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT)');
    this.insert = db.prepare('INSERT INTO sign_ins (at, user_name, outcome, reason) VALUES (?, ?, ?, ?)');
    this.latest = db.prepare('SELECT at, user_name, outcome, reason FROM sign_ins ORDER BY id DESC LIMIT ?');
  }

  record(entry: SignInEntry): void {
    this.insert.run(entry.at, entry.user, entry.outcome, entry.reason);
  }

  /** The latest first. */
  recent(limit = 100): SignInEntry[] {
    return this.latest
      .all(limit)
      .map((row) => ({ at: row.at, user: row.user_name, outcome: row.outcome, reason: row.reason }));
  }
}
