import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayStore } from '../../simulator/gateway-store';
import { closeAll, onCleanup, tempDatabasePath } from './harness';

afterEach(closeAll);

const open = (databasePath: string, seed = 1) => new GatewayStore({ databasePath, seed, planningScale: 0, clock: () => new Date('2026-12-06T08:00:00Z') });

function openStore(path: string, seed = 1): GatewayStore {
  const store = open(path, seed);
  // close() twice is harmless in better-sqlite3, so tests may also close early to reopen.
  onCleanup(() => store.close());
  return store;
}

describe('simulator database', () => {
  it('is WAL, seeded once, and keeps changes when reopened with another seed', () => {
    const path = tempDatabasePath();
    const first = openStore(path);
    const seeded = first.lots();
    first.transaction(() => first.updateLot(seeded[0]?.lotId ?? '', { stockType: 'blocked', version: 9 }));
    first.close();

    const second = openStore(path, 2);
    expect(second.lots()).toHaveLength(seeded.length);
    expect(second.lot(seeded[0]?.lotId ?? '')).toMatchObject({ stockType: 'blocked', version: 9 });
    expect(second.lots().slice(1)).toEqual(seeded.slice(1));
    second.close();

    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
  });

  it('refuses a database from a newer simulator, and a file that is not one', () => {
    const newer = tempDatabasePath();
    openStore(newer).close();
    const raw = new Database(newer);
    raw.pragma('user_version = 7');
    raw.close();
    expect(() => open(newer)).toThrow(/schema version 7/);

    const foreign = tempDatabasePath();
    const other = new Database(foreign);
    other.exec('CREATE TABLE lots (x TEXT)');
    other.close();
    expect(() => open(foreign)).toThrow(/not a simulator database/);
  });

  it('sets a database from an older simulator aside, under another name, and starts a new world', () => {
    const path = tempDatabasePath();
    const older = new Database(path);
    older.exec("CREATE TABLE lots (lot_id TEXT PRIMARY KEY, item_id TEXT); INSERT INTO lots VALUES ('L-000101', 'M-1001')");
    older.pragma('user_version = 1');
    older.close();
    const store = openStore(path);
    expect(store.lot('L-000101')?.itemId).not.toBe('M-1001');
    expect(store.items().some((item) => item.id.startsWith('RM-'))).toBe(true);
    const aside = readdirSync(dirname(path)).filter((name) => name.startsWith(`${basename(path)}.v1-`));
    expect(aside).toHaveLength(1);
    const kept = new Database(join(dirname(path), aside[0]!), { readonly: true });
    expect(kept.prepare('SELECT item_id FROM lots').pluck().get()).toBe('M-1001');
    kept.close();
  });

  it('rolls back events and state together when a transaction fails', () => {
    const store = openStore(tempDatabasePath());
    expect(() =>
      store.transaction(() => {
        store.appendEvent({ stream: 'erp', type: 'x', correlationId: 'c', payload: {} }, new Date());
        store.updateLot('L-000101', { stockType: 'blocked', version: 5 });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.streamHead('erp')).toBe(0);
    expect(store.allEvents('erp')).toEqual([]);
    expect(store.lot('L-000101')?.version).toBe(1);
  });
});
