// The gateway's users: a password hash each, roles per plant, and whether they may sign in. Nothing
// here trusts a workstation; a session token is only signed from what this table says.
import type Database from 'better-sqlite3';
import { plantRolesSchema, type PlantRoles } from '../../shared/auth/session-claims';
import { idSchema } from '../../shared/domain';
import { describeZodError } from '../../shared/describe-error';

export interface UserRecord {
  name: string;
  displayName: string;
  passwordHash: string;
  roles: PlantRoles;
  /** ISO time; set: no sign-in, and no token of theirs is honoured any more. */
  disabledAt: string | null;
  /** Wrong passwords in a row since the last good one. */
  failedSignIns: number;
  lockedUntil: string | null;
}

interface UserRow {
  user_name: string;
  display_name: string;
  password_hash: string;
  roles: string;
  disabled_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
}

/** A user name as people type it: an id, lower case so `QE.Sara` and `qe.sara` are one person. */
export function userNameOf(raw: string): string {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`user: ${describeZodError(parsed.error)}`);
  return parsed.data.toLowerCase();
}

export function checkRoles(roles: unknown): PlantRoles {
  const parsed = plantRolesSchema.safeParse(roles);
  if (!parsed.success) throw new Error(`roles: ${describeZodError(parsed.error)}`);
  if (Object.keys(parsed.data).length === 0) throw new Error('roles: a user needs a role at one plant at least');
  return parsed.data;
}

export class UserBook {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS users (
      user_name TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      roles TEXT NOT NULL,
      disabled_at TEXT,
      failed_sign_ins INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      changed_at TEXT NOT NULL
    )`);
  }

  get(name: string): UserRecord | undefined {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE user_name = ?').get(name.toLowerCase());
    return row && toRecord(row);
  }

  list(): UserRecord[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY user_name').all().map(toRecord);
  }

  add(user: { name: string; displayName: string; passwordHash: string; roles: PlantRoles }, at: string): void {
    const name = userNameOf(user.name);
    if (this.get(name)) throw new Error(`user: ${name} exists already`);
    this.db
      .prepare('INSERT INTO users (user_name, display_name, password_hash, roles, changed_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, user.displayName.trim() || name, user.passwordHash, JSON.stringify(checkRoles(user.roles)), at);
  }

  setRoles(name: string, roles: PlantRoles, at: string): void {
    this.change(name, 'UPDATE users SET roles = ?, changed_at = ? WHERE user_name = ?', JSON.stringify(checkRoles(roles)), at);
  }

  setPassword(name: string, passwordHash: string, at: string): void {
    this.change(name, 'UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL, changed_at = ? WHERE user_name = ?', passwordHash, at);
  }

  disable(name: string, at: string): void {
    this.change(name, 'UPDATE users SET disabled_at = coalesce(disabled_at, ?), changed_at = ? WHERE user_name = ?', at, at);
  }

  enable(name: string, at: string): void {
    this.change(name, 'UPDATE users SET disabled_at = NULL, failed_sign_ins = 0, locked_until = NULL, changed_at = ? WHERE user_name = ?', at);
  }

  /** A wrong password: counted, and the user locked until `lockUntil` when given. */
  signInFailed(name: string, lockUntil: string | null): void {
    this.db.prepare('UPDATE users SET failed_sign_ins = failed_sign_ins + 1, locked_until = coalesce(?, locked_until) WHERE user_name = ?').run(lockUntil, name);
  }

  signedIn(name: string): void {
    this.db.prepare('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE user_name = ?').run(name);
  }

  private change(name: string, sql: string, ...values: string[]): void {
    const key = userNameOf(name);
    if (this.db.prepare(sql).run(...values, key).changes !== 1) throw new Error(`user: no user ${key}`);
  }
}

function toRecord(row: UserRow): UserRecord {
  return {
    name: row.user_name,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: plantRolesSchema.parse(JSON.parse(row.roles)),
    disabledAt: row.disabled_at,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
  };
}
