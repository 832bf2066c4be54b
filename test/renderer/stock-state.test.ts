// The Stock/requirements view's state: rows keep their id and their object across reloads that did not
// change them, so a reload after a plan change reaches the grid as the rows that changed; a reload for
// an item no longer open is dropped; the pegging reads in a line.
import { beforeEach, describe, expect, it } from 'vitest';
import type { StockRequirementRow, StockRequirementsList } from '../../shared/api/stock-requirements';
import { diffRowsById } from '../../renderer/grid/row-delta';
import { keyRows, useStockStore } from '../../renderer/state/stock-slice';
import { peggingSummary } from '../../renderer/views/stock/stock-format';

const row = (over: Partial<StockRequirementRow>): StockRequirementRow => ({ date: '2026-12-05', kind: 'po-line', document: 'PO-1/10', quantity: 10, status: 'confirmed', partner: 'S-1', available: 10, short: false, belowSafetyStock: false, ...over });
const list = (rows: StockRequirementRow[]): StockRequirementsList => ({ itemId: 'RM-1', plant: 'P1', description: 'Steel bar', unit: 'M', today: '2026-12-01', stock: { unrestricted: 0, 'quality-inspection': 0, blocked: 0, restricted: 0, 'in-transit': 0 }, lots: [], safetyStock: 0, rows });

describe('stock/requirements rows', () => {
  beforeEach(() => useStockStore.setState(useStockStore.getInitialState(), true));

  it('names rows by kind and document, the second of the same by its count, and keeps unchanged ones', () => {
    const first = keyRows([row({}), row({ kind: 'component', document: 'MO-1', quantity: -4 }), row({ kind: 'component', document: 'MO-1', quantity: -2 })], {});
    expect(Object.keys(first)).toEqual(['po-line:PO-1/10', 'component:MO-1', 'component:MO-1#1']);
    // The PO line moved: it and the running quantity after it change, nothing else.
    const second = keyRows([row({ date: '2026-12-20' }), row({ kind: 'component', document: 'MO-1', quantity: -4 }), row({ kind: 'component', document: 'MO-1', quantity: -2 })], first);
    expect(second['component:MO-1']).toBe(first['component:MO-1']);
    expect(diffRowsById(first, second)).toEqual({ add: [], update: [second['po-line:PO-1/10']], remove: [] });
  });

  it('drops a list that arrives for an item no longer open, and keeps the chosen row while it is listed', () => {
    const store = useStockStore.getState();
    store.open({ itemId: 'RM-1', plant: 'P1' });
    useStockStore.getState().listLoaded({ itemId: 'RM-1', plant: 'P1' }, list([row({})]));
    useStockStore.getState().select('po-line:PO-1/10');
    useStockStore.getState().open({ itemId: 'RM-2', plant: 'P1' });
    useStockStore.getState().listLoaded({ itemId: 'RM-1', plant: 'P1' }, list([row({})]));
    expect(useStockStore.getState()).toMatchObject({ target: { itemId: 'RM-2' }, list: null, rows: {}, selectedId: null });
    useStockStore.getState().listLoaded({ itemId: 'RM-2', plant: 'P1' }, list([row({ document: 'PO-2/10' })]));
    useStockStore.getState().select('po-line:PO-2/10');
    useStockStore.getState().listLoaded({ itemId: 'RM-2', plant: 'P1' }, list([row({ document: 'PO-3/10' })]));
    expect(useStockStore.getState().selectedId).toBeNull();
  });

  it('says in a line who covers a requirement and when, and what a receipt covers', () => {
    expect(peggingSummary({ pegged: { from: [{ kind: 'stock', document: 'L-1', date: '2026-12-01', quantity: 5 }, { kind: 'po-line', document: 'PO-2/10', date: '2026-12-20', quantity: 5 }], coveredDate: '2026-12-20', daysLate: 12 } }, 'M')).toBe('covered 20 Dec 2026: L-1 5 M · PO-2/10 5 M');
    expect(peggingSummary({ pegged: { from: [], coveredDate: null, daysLate: null } }, 'M')).toBe('never covered');
    expect(peggingSummary({ covers: [] }, 'M')).toBe('covers nothing yet');
  });

  it('chooses the document a chain step asked for once its list is loaded, or at once when it is open', () => {
    const target = { itemId: 'RM-1', plant: 'P1' };
    useStockStore.getState().open(target, 'MO-1');
    expect(useStockStore.getState().selectedId).toBeNull();
    useStockStore.getState().listLoaded(target, list([row({}), row({ kind: 'component', document: 'MO-1', quantity: -4 })]));
    expect(useStockStore.getState().selectedId).toBe('component:MO-1');
    useStockStore.getState().open(target, 'PO-1/10');
    expect(useStockStore.getState().selectedId).toBe('po-line:PO-1/10');
    // A document the list does not have chooses nothing, and is not chosen later by a reload that lacks it.
    useStockStore.getState().open({ itemId: 'RM-2', plant: 'P1' }, 'PO-9/10');
    useStockStore.getState().listLoaded({ itemId: 'RM-2', plant: 'P1' }, list([row({})]));
    expect(useStockStore.getState().selectedId).toBeNull();
  });
});
