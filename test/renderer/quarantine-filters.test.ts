// The Quarantine view's filters, the scan field's lookup and its wording, and the window's density.
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../renderer/api/client';
import { createDensityStore, densityStorageKey, effectiveDensity, type DensityStorage } from '../../renderer/state/density-slice';
import { scanLot } from '../../renderer/state/quarantine-actions';
import { filterOptions, filtersHiding, inHouseSupplier, isFiltering, lotMatchesFilters, noFilters, withoutFilters } from '../../renderer/state/quarantine-filters';
import { createQuarantineStore } from '../../renderer/state/quarantine-slice';
import { describeScan, describeShown } from '../../renderer/views/quarantine/quarantine-format';
import type { LotLookup } from '../../shared/api/quarantine';
import { quarantineRow } from '../helpers/quarantine-row';

const now = Date.parse('2026-11-22T12:00:00.000Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

const rows = [
  quarantineRow('L-1', { plant: 'P1', itemId: 'M-1', itemDescription: 'Bolt', supplierId: 'S-1', holdSince: hoursAgo(2) }),
  quarantineRow('L-2', { plant: 'P2', itemId: 'M-2', itemDescription: 'Nut', supplierId: 'S-2', holdSince: hoursAgo(5) }),
  quarantineRow('L-3', { plant: 'P1', itemId: 'M-2', itemDescription: 'Nut', supplierId: null, holdSince: hoursAgo(30) }),
  quarantineRow('L-4', { plant: 'P2', itemId: 'M-1', itemDescription: 'Bolt', supplierId: 'S-1', holdSince: hoursAgo(100) }),
];
const shown = (filters: typeof noFilters) => rows.filter((row) => lotMatchesFilters(row, filters, now)).map((row) => row.lotId);

describe('filters', () => {
  it('shows every lot without filters', () => {
    expect(isFiltering(noFilters)).toBe(false);
    expect(shown(noFilters)).toEqual(['L-1', 'L-2', 'L-3', 'L-4']);
  });

  it('narrows by plant, item and supplier, together', () => {
    expect(shown({ ...noFilters, plant: 'P1' })).toEqual(['L-1', 'L-3']);
    expect(shown({ ...noFilters, itemId: 'M-1' })).toEqual(['L-1', 'L-4']);
    expect(shown({ ...noFilters, plant: 'P2', itemId: 'M-1' })).toEqual(['L-4']);
    expect(shown({ ...noFilters, supplierId: 'S-1' })).toEqual(['L-1', 'L-4']);
    expect(shown({ ...noFilters, supplierId: inHouseSupplier })).toEqual(['L-3']);
  });

  it('narrows by time on hold, longer than the threshold', () => {
    expect(shown({ ...noFilters, age: 'over-4h' })).toEqual(['L-2', 'L-3', 'L-4']);
    expect(shown({ ...noFilters, age: 'over-24h' })).toEqual(['L-3', 'L-4']);
    expect(shown({ ...noFilters, age: 'over-3d' })).toEqual(['L-4']);
    expect(lotMatchesFilters({ ...rows[0]!, holdSince: 'not a time' }, { ...noFilters, age: 'over-4h' }, now)).toBe(false);
  });

  it('names the filters that hide a lot, and clears just those', () => {
    const filters = { plant: 'P2', itemId: 'M-1', supplierId: null, age: 'over-24h' as const };
    expect(filtersHiding(rows[0]!, filters, now)).toEqual(['plant', 'age']);
    expect(withoutFilters(filters, ['plant', 'age'])).toEqual({ plant: null, itemId: 'M-1', supplierId: null, age: 'any' });
  });

  it('offers the plants, items and suppliers of the lots listed, sorted, and keeps a chosen one no lot has', () => {
    const options = filterOptions(rows, { ...noFilters, plant: 'P9' });
    expect(options.plants.map((o) => o.value)).toEqual(['P1', 'P2', 'P9']);
    expect(options.items).toEqual([
      { value: 'M-1', label: 'M-1 — Bolt' },
      { value: 'M-2', label: 'M-2 — Nut' },
    ]);
    expect(options.suppliers).toEqual([
      { value: inHouseSupplier, label: 'In-house production' },
      { value: 'S-1', label: 'S-1' },
      { value: 'S-2', label: 'S-2' },
    ]);
  });

  it('says how many lots are shown', () => {
    expect(describeShown(4, 4)).toBe('4 lots');
    expect(describeShown(1, 4)).toBe('1 of 4 lots shown');
  });
});

describe('the scan field', () => {
  const client = (lookup: LotLookup | Error) => ({
    invoke: vi.fn(async () => {
      if (lookup instanceof Error) throw lookup;
      return lookup;
    }) as unknown as ApiClient['invoke'],
  });

  it('opens a lot on hold, whatever the case, and clears the filters that hid it', async () => {
    const store = createQuarantineStore();
    store.getState().rowsLoaded(rows);
    store.getState().filtersChanged({ ...noFilters, plant: 'P2', age: 'over-4h' });
    const lookup = client(new Error('not called'));
    expect(await scanLot(' l-1 ', lookup, store, now)).toBe(true);
    expect(lookup.invoke).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ selectedLotId: 'L-1', filters: noFilters, scan: { kind: 'on-hold', lotId: 'L-1', clearedFilters: ['plant', 'age'] } });
    expect(describeScan(store.getState().scan)?.text).toBe('L-1 is on hold — opened (cleared the plant, time on hold filters that hid it)');
  });

  it('looks up a lot not on hold and says what it is', async () => {
    const store = createQuarantineStore();
    store.getState().rowsLoaded(rows);
    const lookup: LotLookup = { lotId: 'L-77', onHold: false, lot: { itemId: 'M-1', itemDescription: 'Bolt', plant: 'P1', quantity: 500, unit: 'KG', stockType: 'unrestricted' }, decision: null };
    expect(await scanLot('L-77', client(lookup), store, now)).toBe(false);
    expect(store.getState().selectedLotId).toBeNull();
    expect(describeScan(store.getState().scan)).toEqual({ text: 'L-77 is unrestricted, 500 KG at P1 — not on hold', tone: 'warning' });
  });

  it('says when a lot is unknown, or the lookup failed', async () => {
    const store = createQuarantineStore();
    await scanLot('L-404', client({ lotId: 'L-404', onHold: false, lot: null, decision: null }), store, now);
    expect(describeScan(store.getState().scan)?.text).toBe('L-404 — unknown lot: this workstation has not heard of it');
    await scanLot('L-405', client(new Error('host unreachable')), store, now);
    expect(describeScan(store.getState().scan)).toEqual({ text: 'Could not look up L-405: host unreachable', tone: 'danger' });
    await scanLot('   ', client(new Error('not called')), store, now);
    expect(store.getState().scan).toBeNull();
  });

  it('closes the panel of the lot scanned before when the next scan is not on hold here', async () => {
    const store = createQuarantineStore();
    store.getState().rowsLoaded(rows);
    await scanLot('L-1', client(new Error('not called')), store, now);
    expect(store.getState().selectedLotId).toBe('L-1');
    await scanLot('L-404', client({ lotId: 'L-404', onHold: false, lot: null, decision: null }), store, now);
    expect(store.getState().selectedLotId).toBeNull();
  });

  it('says plainly that a 500-character scan is no lot id, without asking the host, and closes the open panel', async () => {
    const store = createQuarantineStore();
    store.getState().rowsLoaded(rows);
    await scanLot('L-1', client(new Error('not called')), store, now);
    await scanLot('X'.repeat(500), client(new Error('must not be called')), store, now);
    expect(store.getState().selectedLotId).toBeNull();
    expect(describeScan(store.getState().scan)).toEqual({ text: "That is not a lot id: 500 characters were scanned, and a lot id has at most 80. Scan the lot's label again.", tone: 'danger' });
  });

  it('says who decided a scanned lot, and which lot a sub-lot was split off', async () => {
    const store = createQuarantineStore();
    const decidedAt = '2026-11-22T09:15:00.000Z';
    store.getState().rowsLoaded([quarantineRow('L-9', { taskState: 'decided', decidedBy: 'qe.maria', decidedAt, decisionCode: 'R9' })]);
    await scanLot('L-9', client(new Error('not called')), store, now);
    expect(describeScan(store.getState().scan)?.text).toMatch(/^L-9 was decided by qe\.maria at 22 Nov 2026, \d\d:15 \(R9\) — opened$/);
    const subLot: LotLookup = { lotId: 'L-9-3.1', onHold: false, lot: { itemId: 'M-1', itemDescription: 'Bolt', plant: 'P1', quantity: 300, unit: 'EA', stockType: 'blocked' }, decision: { decidedBy: 'qe.maria', decidedAt, code: 'R9', inspectionLotId: 'IL-9', parentLotId: 'L-9' } };
    await scanLot('L-9-3.1', client(subLot), store, now);
    expect(describeScan(store.getState().scan)?.text).toMatch(/^L-9-3\.1 is blocked, 300 EA at P1, split off L-9 by the usage decision — decided by qe\.maria at 22 Nov 2026, \d\d:15 \(R9\)$/);
  });
});

describe('density', () => {
  const memoryStorage = (): DensityStorage & { items: Map<string, string> } => {
    const items = new Map<string, string>();
    return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
  };

  it("follows the settings until the engineer switches it in this window, and keeps that switch", () => {
    expect(effectiveDensity(null, undefined)).toBe('compact');
    expect(effectiveDensity(null, 'touch')).toBe('touch');
    const storage = memoryStorage();
    const store = createDensityStore(storage);
    expect(store.getState().override).toBeNull();
    store.getState().chosen('touch');
    expect(storage.items.get(densityStorageKey)).toBe('touch');
    expect(effectiveDensity(store.getState().override, 'compact')).toBe('touch');
    // The window reloads: it starts with the choice.
    expect(createDensityStore(storage).getState().override).toBe('touch');
    storage.items.set(densityStorageKey, 'huge');
    expect(createDensityStore(storage).getState().override).toBeNull();
  });
});
