import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayStore } from '../../simulator/gateway-store';
import { closeAll, onCleanup, tempDatabasePath } from './harness';

afterEach(closeAll);

function openStore(path: string, seed = 1): GatewayStore {
  const store = new GatewayStore(path, seed, undefined);
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
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });

  it('refuses a database from a newer simulator, and a file that is not one', () => {
    const newer = tempDatabasePath();
    openStore(newer).close();
    const raw = new Database(newer);
    raw.pragma('user_version = 7');
    raw.close();
    expect(() => new GatewayStore(newer, 1, undefined)).toThrow(/schema version 7/);

    const foreign = tempDatabasePath();
    const other = new Database(foreign);
    other.exec('CREATE TABLE lots (x TEXT)');
    other.close();
    expect(() => new GatewayStore(foreign, 1, undefined)).toThrow(/not a simulator database/);
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
