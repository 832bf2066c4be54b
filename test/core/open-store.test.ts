import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openStore, StoreOpenError } from '../../orchestration-core/store/open-store';
import { migrations } from '../../orchestration-core/store/migrations';
import { makeTempDir } from '../helpers/temp-dir';

describe('openStore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('creates a WAL database at the latest schema version and reopens it', () => {
    const file = temp.file('core.sqlite');
    const store = openStore(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    store.db.prepare("INSERT INTO plants (id, name) VALUES ('P1', 'Plant 1')").run();
    store.close();
    const reopened = openStore(file);
    expect(reopened.db.prepare('SELECT name FROM plants').pluck().get()).toBe('Plant 1');
    reopened.close();
  });

  it('refuses a database from a newer version of the app, naming both versions', () => {
    const file = temp.file('newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openStore(file)).toThrow(StoreOpenError);
    expect(() => openStore(file)).toThrow(new RegExp(`version 99 is newer than this app knows \\(${migrations.length}\\)`));
  });

  it('runs only the migrations above the current version, each in its own transaction', () => {
    const db = new Database(temp.file('partial.sqlite'));
    const applied: number[] = [];
    const steps = [
      { version: 1, name: 'one', up: (d: Database.Database) => { d.exec('CREATE TABLE a (x)'); applied.push(1); } },
      { version: 2, name: 'two', up: (d: Database.Database) => { d.exec('CREATE TABLE b (x)'); applied.push(2); } },
    ];
    migrate(db, 'partial', steps.slice(0, 1));
    migrate(db, 'partial', steps);
    expect(applied).toEqual([1, 2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const failing = [...steps, { version: 3, name: 'bad', up: (d: Database.Database) => { d.exec('CREATE TABLE c (x)'); throw new Error('boom'); } }];
    expect(() => migrate(db, 'partial', failing)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
    db.close();
  });

  it('durableTransaction flushes with synchronous=FULL and returns to NORMAL', () => {
    const store = openStore(temp.file('sync.sqlite'));
    let inside = -1;
    store.durableTransaction(() => {
      inside = store.db.pragma('synchronous', { simple: true }) as number;
    });
    expect(inside).toBe(2);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    store.close();
  });
});
