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
  /** ISO time of the last disable: a token signed before it stays void after the user is enabled again. */
  tokensFrom: string | null;
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
  tokens_from: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
}

const userNamePattern = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** A user name as people type it, lower case so `QE.Sara` and `qe.sara` are one person: letters, digits and . _ - @. */
export function userNameOf(raw: string): string {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`user: ${describeZodError(parsed.error)}`);
  const name = parsed.data.toLowerCase();
  if (!userNamePattern.test(name)) throw new Error(`user: "${parsed.data}" is not a user name: up to 64 letters, digits and . _ - @, starting with a letter or digit`);
  return name;
}

/** Roles per plant, each plant one this gateway has (when it knows its plants). */
export function checkRoles(roles: unknown, knownPlants: readonly string[] = []): PlantRoles {
  const parsed = plantRolesSchema.safeParse(roles);
  if (!parsed.success) throw new Error(`roles: ${describeZodError(parsed.error)}`);
  if (Object.keys(parsed.data).length === 0) throw new Error('roles: a user needs a role at one plant at least');
  const unknown = knownPlants.length === 0 ? [] : Object.keys(parsed.data).filter((plant) => !knownPlants.includes(plant));
  if (unknown.length > 0) throw new Error(`roles: no plant ${unknown.join(', ')} at this gateway (its plants: ${knownPlants.join(', ')})`);
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
    // Files from before tokens were voided at a disable get the column.
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(users)').all();
    if (!columns.some((column) => column.name === 'tokens_from')) db.exec('ALTER TABLE users ADD COLUMN tokens_from TEXT');
  }

  /** The plants this gateway has (its planning data's), to check roles against; none known: any. */
  private knownPlants(): string[] {
    const table = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plants'").get();
    return table ? this.db.prepare<[], string>('SELECT plant_id FROM plants ORDER BY plant_id').pluck().all() : [];
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
      .run(name, user.displayName.trim() || name, user.passwordHash, JSON.stringify(checkRoles(user.roles, this.knownPlants())), at);
  }

  setRoles(name: string, roles: PlantRoles, at: string): void {
    this.change(name, 'UPDATE users SET roles = ?, changed_at = ? WHERE user_name = ?', JSON.stringify(checkRoles(roles, this.knownPlants())), at);
  }

  setPassword(name: string, passwordHash: string, at: string): void {
    this.change(name, 'UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL, changed_at = ? WHERE user_name = ?', passwordHash, at);
  }

  /** No sign-in, and every token signed until now is void, also once the user is enabled again. */
  disable(name: string, at: string): void {
    this.change(name, 'UPDATE users SET disabled_at = coalesce(disabled_at, ?), tokens_from = ?, changed_at = ? WHERE user_name = ?', at, at, at);
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
    tokensFrom: row.tokens_from,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
  };
}
