// Opens the local SQLite cache: WAL, integrity check, forward-only numbered migrations.
import Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations';

export interface Store {
  readonly db: Database.Database;
  readonly path: string;
  /** Runs fn in one transaction with synchronous=NORMAL: for what may be lost on power loss (dead letters, reads). */
  transaction<T>(fn: () => T): T;
  /**
   * Runs fn in one transaction flushed with synchronous=FULL: for anything that writes decisions or the
   * outbox, which exist nowhere else. A command must never reach the gateway before its row is on disk:
   * after a power loss a re-run would mint a new commandId and the gateway would apply it twice.
   */
  durableTransaction<T>(fn: () => T): T;
  /**
   * fn as a function that runs in a transaction of its own, or in a savepoint when called inside one,
   * so that one failing call rolls back only itself. Made once, it costs little per call.
   */
  savepointed<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
  close(): void;
}

export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export function openStore(path: string, migrations: readonly Migration[] = allMigrations): Store {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreOpenError(`${path}: quick_check failed: ${String(check)}`);
    migrate(db, path, migrations);
  } catch (error) {
    db.close();
    throw error;
  }

  function transaction<T>(fn: () => T): T {
    return db.transaction(fn)();
  }

  return {
    db,
    path,
    transaction,
    durableTransaction<T>(fn: () => T): T {
      db.pragma('synchronous = FULL');
      try {
        return transaction(fn);
      } finally {
        db.pragma('synchronous = NORMAL');
      }
    },
    savepointed: (fn) => db.transaction(fn),
    close: () => db.close(),
  };
}

export function migrate(db: Database.Database, path: string, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StoreOpenError(
      `${path}: database schema version ${current} is newer than this app knows (${latest}); update the app`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
