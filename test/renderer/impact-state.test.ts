// The Order Impact view's slice, its detail loader, and what the planner reads: triage order, summary,
// lateness, money and dates, and the cells and CSV values the column definitions produce.
import type { ColDef } from 'ag-grid-community';
import { confirmationNeeded } from '../../renderer/views/order-impact/response-format';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../renderer/format/numbers';
import { daysBetween, formatPlanDate } from '../../renderer/format/time';
import { diffRowsById, isEmptyDelta, rowsByIdKeepingUnchanged } from '../../renderer/grid/row-delta';
import { followSelectedException } from '../../renderer/state/exception-detail-loader';
import {
  createImpactStore,
  detailToLoad,
  initialImpactData,
  selectNothingLater,
  selectSelectedException,
  withDetailFailed,
  withDetailLoaded,
  withDetailRequested,
  withExceptionChanged,
  withExceptionsLoaded,
  withSelection,
  type ImpactData,
} from '../../renderer/state/impact-slice';
import { exceptionColumns } from '../../renderer/views/order-impact/exception-columns';
import { columnOf, csvHeaderOf, csvOf, shownOf } from '../helpers/grid-columns';
import {
  compareForTriage,
  compareOrderLateness,
  compareWorstLateness,
  csvFileName,
  describeWorstLateness,
  formatOpenCount,
  formatOrderLateness,
  formatReceiptMove,
  formatWorstLateness,
  orderLateness,
  splitSourceDocument,
  summarizeExceptions,
} from '../../renderer/views/order-impact/impact-format';
import { customerOrderColumns, productionOrderColumns } from '../../renderer/views/order-impact/impacted-order-columns';
import type { ExceptionDetail, ExceptionRow, ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../shared/api/impact';

function exception(id: string, overrides: Partial<ExceptionRow> = {}): ExceptionRow {
  return {
    id,
    type: 'supplier-delay',
    itemId: 'RM-001532',
    itemDescription: 'Rod seal PU, 10 mm',
    plant: 'P2',
    sourceDocument: `PO-${id}/10 (ASN-${id})`,
    detectedAt: '2026-11-22T09:00:00.000Z',
    ordersHit: 3,
    revenueAtRisk: 1000,
    worstDaysLate: 12,
    unfulfilled: 0,
    status: 'open',
    taskId: `t-${id}`,
    remaining: null,
    ...overrides,
  };
}

function customerOrder(id: string, overrides: Partial<ImpactedCustomerOrderRow> = {}): ImpactedCustomerOrderRow {
  return {
    id,
    customerId: 'C-00238',
    itemId: 'FG-000098',
    itemDescription: 'Linear actuator 40/98',
    plant: 'P2',
    quantity: 4,
    shipDate: '2026-12-18',
    value: 87836,
    priority: 1,
    daysLate: 41,
    addedDaysLate: 41,
    unfulfilled: false,
    revenueAtRisk: 87836,
    ...overrides,
  };
}

function productionOrder(id: string, overrides: Partial<ImpactedProductionOrderRow> = {}): ImpactedProductionOrderRow {
  return {
    id,
    itemId: 'FG-000098',
    itemDescription: 'Linear actuator 40/98',
    plant: 'P2',
    quantity: 2,
    line: 'L3',
    startDate: '2026-12-14',
    dueDate: '2026-12-17',
    daysLate: 42,
    addedDaysLate: 42,
    unfulfilled: false,
    ...overrides,
  };
}

function detailOf(row: ExceptionRow, orders: { customer?: ImpactedCustomerOrderRow[]; production?: ImpactedProductionOrderRow[] } = {}): ExceptionDetail {
  return {
    exception: row,
    detail: { poLineId: `PO-${row.id}/10`, asnId: `ASN-${row.id}`, supplierId: 'S-0161', quantity: 98, previousDate: '2026-12-10', newDate: '2027-01-24', reason: null },
    weighedAt: row.detectedAt,
    productionOrders: orders.production ?? [],
    customerOrders: orders.customer ?? [],
    responses: [],
    chosenResponse: null,
    choice: null,
    approval: null,
    refusedAnswer: null,
  };
}

const loadedWith = (...rows: ExceptionRow[]): ImpactData => withExceptionsLoaded(initialImpactData, rows);

describe('impact slice reducers', () => {
  it('keys exceptions by id and keeps the objects of rows a reload did not change', () => {
    const first = loadedWith(exception('E1'), exception('E2'));
    expect(first.loaded).toBe(true);
    expect(Object.keys(first.exceptionsById)).toEqual(['E1', 'E2']);
    const reloaded = withExceptionsLoaded({ ...first, loadError: 'socket closed' }, [exception('E1'), exception('E2', { status: 'resolved' })]);
    expect(reloaded.loadError).toBeNull();
    expect(reloaded.exceptionsById['E1']).toBe(first.exceptionsById['E1']);
    expect(reloaded.exceptionsById['E2']).not.toBe(first.exceptionsById['E2']);
    const delta = diffRowsById(first.exceptionsById, reloaded.exceptionsById);
    expect(delta.update.map((row) => row.id)).toEqual(['E2']);
    expect(delta.add).toEqual([]);
  });

  it('applies a pushed row, and changes nothing when the push repeats what is shown', () => {
    const data = loadedWith(exception('E1'));
    const pushed = withExceptionChanged(data, exception('E1', { ordersHit: 5, revenueAtRisk: 2500 }));
    expect(pushed.exceptionsById['E1']).toMatchObject({ ordersHit: 5, revenueAtRisk: 2500 });
    expect(withExceptionChanged(pushed, exception('E1', { ordersHit: 5, revenueAtRisk: 2500 }))).toBe(pushed);
    expect(Object.keys(withExceptionChanged(pushed, exception('E2')).exceptionsById)).toEqual(['E1', 'E2']);
  });

  it('drops the previous exception’s orders at once when another is selected', () => {
    const row = exception('E1');
    const selected = withDetailLoaded(withSelection(loadedWith(row), 'E1'), detailOf(row, { customer: [customerOrder('CO-1')] }));
    expect(Object.keys(selected.customerOrdersById)).toEqual(['CO-1']);
    const other = withSelection(selected, 'E2');
    expect(other).toMatchObject({ selectedExceptionId: 'E2', detail: null, customerOrdersById: {}, productionOrdersById: {}, detailLoading: true, detailError: null });
    expect(withSelection(other, 'E2')).toBe(other);
    expect(withSelection(other, null)).toMatchObject({ selectedExceptionId: null, detailLoading: false });
  });

  it('ignores a detail that arrives for an exception no longer selected', () => {
    const data = withSelection(loadedWith(exception('E1'), exception('E2')), 'E2');
    expect(withDetailLoaded(data, detailOf(exception('E1')))).toBe(data);
    expect(withDetailFailed(data, 'E1', 'not found')).toBe(data);
    expect(withDetailRequested(data, 'E1')).toBe(data);
  });

  it('keeps unchanged order rows on a reload of the same exception, so the grids update only what changed', () => {
    const row = exception('E1');
    const first = withDetailLoaded(withSelection(loadedWith(row), 'E1'), detailOf(row, { customer: [customerOrder('CO-1'), customerOrder('CO-2')], production: [productionOrder('MO-1')] }));
    const again = withDetailLoaded(
      withDetailRequested(first, 'E1'),
      detailOf(row, { customer: [customerOrder('CO-1'), customerOrder('CO-2', { daysLate: 50, addedDaysLate: 50 })], production: [productionOrder('MO-1')] }),
    );
    expect(again.detailLoading).toBe(false);
    expect(again.customerOrdersById['CO-1']).toBe(first.customerOrdersById['CO-1']);
    expect(again.customerOrdersById['CO-2']?.daysLate).toBe(50);
    expect(isEmptyDelta(diffRowsById(first.productionOrdersById, again.productionOrdersById))).toBe(true);
    expect(diffRowsById(first.customerOrdersById, again.customerOrdersById).update.map((order) => order.id)).toEqual(['CO-2']);
  });

  it('keeps what was shown when a reload fails, with the error beside it', () => {
    const row = exception('E1');
    const shown = withDetailLoaded(withSelection(loadedWith(row), 'E1'), detailOf(row, { customer: [customerOrder('CO-1')] }));
    const failed = withDetailFailed(withDetailRequested(shown, 'E1'), 'E1', 'host unreachable');
    expect(failed).toMatchObject({ detailLoading: false, detailError: 'host unreachable' });
    expect(failed.detail).toBe(shown.detail);
    expect(failed.customerOrdersById).toBe(shown.customerOrdersById);
  });

  it('says which detail to load: a new selection or a pushed change of the selected exception', () => {
    const data = loadedWith(exception('E1'), exception('E2'));
    const selected = withSelection(data, 'E1');
    expect(detailToLoad(data, selected)).toBe('E1');
    expect(detailToLoad(selected, withDetailRequested(selected, 'E1'))).toBeNull();
    expect(detailToLoad(selected, withExceptionChanged(selected, exception('E2', { status: 'resolved' })))).toBeNull();
    expect(detailToLoad(selected, withExceptionChanged(selected, exception('E1', { status: 'resolved' })))).toBe('E1');
    expect(detailToLoad(selected, withSelection(selected, null))).toBeNull();
  });

  it('selects the live row over the loaded detail’s copy, and tells a delay that makes nothing later', () => {
    const row = exception('E1', { status: 'no-impact', ordersHit: 0, revenueAtRisk: 0, worstDaysLate: null });
    const selected = withSelection(loadedWith(row), 'E1');
    expect(selectNothingLater(selected)).toBe(false);
    const loaded = withDetailLoaded(selected, detailOf(row));
    expect(selectNothingLater(loaded)).toBe(true);
    const pushed = withExceptionChanged(loaded, { ...row, status: 'resolved' });
    expect(selectSelectedException(pushed)?.status).toBe('resolved');
    expect(selectSelectedException(withSelection(pushed, null))).toBeNull();
    expect(selectNothingLater(withDetailLoaded(selected, detailOf(row, { production: [productionOrder('MO-1')] })))).toBe(false);
  });
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function loaderSetup() {
  const store = createImpactStore();
  const calls: { id: string; answer: ReturnType<typeof deferred<ExceptionDetail>> }[] = [];
  const client = {
    invoke: ((method: string, args: { id: string }) => {
      expect(method).toBe('impact.exception');
      const answer = deferred<ExceptionDetail>();
      calls.push({ id: args.id, answer });
      return answer.promise;
    }) as never,
  };
  const followed = followSelectedException(client, store);
  return { store, calls, followed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('selected exception detail loader', () => {
  it('loads on selection and again when the core pushes a change of the selected exception', async () => {
    const { store, calls, followed } = loaderSetup();
    store.getState().exceptionsLoaded([exception('E1'), exception('E2')]);
    expect(calls).toHaveLength(0);
    store.getState().select('E1');
    expect(calls.map((call) => call.id)).toEqual(['E1']);
    calls[0]!.answer.resolve(detailOf(exception('E1'), { customer: [customerOrder('CO-1')] }));
    await settle();
    expect(store.getState().detail?.exception.id).toBe('E1');
    expect(Object.keys(store.getState().customerOrdersById)).toEqual(['CO-1']);

    store.getState().exceptionChanged(exception('E2', { status: 'resolved' }));
    expect(calls).toHaveLength(1);
    store.getState().exceptionChanged(exception('E1', { ordersHit: 4 }));
    expect(calls.map((call) => call.id)).toEqual(['E1', 'E1']);
    followed.reload();
    expect(calls).toHaveLength(3);
    followed.stop();
  });

  it('applies only the newest answer: a slow answer for an earlier selection is dropped', async () => {
    const { store, calls, followed } = loaderSetup();
    store.getState().exceptionsLoaded([exception('E1'), exception('E2')]);
    store.getState().select('E1');
    store.getState().select('E2');
    calls[1]!.answer.resolve(detailOf(exception('E2'), { production: [productionOrder('MO-2')] }));
    calls[0]!.answer.resolve(detailOf(exception('E1'), { production: [productionOrder('MO-1')] }));
    await settle();
    expect(store.getState().detail?.exception.id).toBe('E2');
    expect(Object.keys(store.getState().productionOrdersById)).toEqual(['MO-2']);

    // Two loads of the same exception: the older one's answer, arriving last, does not win.
    store.getState().exceptionChanged(exception('E2', { ordersHit: 9 }));
    store.getState().exceptionChanged(exception('E2', { ordersHit: 10 }));
    calls[3]!.answer.resolve(detailOf(exception('E2', { ordersHit: 10 }), { production: [productionOrder('MO-2'), productionOrder('MO-3')] }));
    calls[2]!.answer.resolve(detailOf(exception('E2', { ordersHit: 9 }), { production: [productionOrder('MO-2')] }));
    await settle();
    expect(Object.keys(store.getState().productionOrdersById)).toEqual(['MO-2', 'MO-3']);
    followed.stop();
  });

  it('reports a failed load for the selected exception and forgets loads once the selection is cleared', async () => {
    const { store, calls, followed } = loaderSetup();
    store.getState().exceptionsLoaded([exception('E1')]);
    store.getState().select('E1');
    calls[0]!.answer.reject(new Error('id: no exception E1'));
    await settle();
    expect(store.getState()).toMatchObject({ detailLoading: false, detailError: 'id: no exception E1' });

    store.getState().exceptionChanged(exception('E1', { status: 'resolved' }));
    store.getState().select(null);
    calls[1]!.answer.resolve(detailOf(exception('E1')));
    await settle();
    expect(store.getState()).toMatchObject({ selectedExceptionId: null, detail: null, detailLoading: false });
    followed.reload();
    expect(calls).toHaveLength(2);
    followed.stop();
    store.getState().select('E1');
    expect(calls).toHaveLength(2);
  });
});

describe('exception triage and summary', () => {
  it('puts open exceptions first, then the biggest revenue at risk, then the newest', () => {
    const rows = [
      exception('resolved-big', { status: 'resolved', revenueAtRisk: 9_000_000 }),
      exception('open-small', { revenueAtRisk: 1_000 }),
      exception('no-impact', { status: 'no-impact', revenueAtRisk: 0, ordersHit: 0 }),
      exception('open-big', { revenueAtRisk: 500_000 }),
      exception('open-small-newer', { revenueAtRisk: 1_000, detectedAt: '2026-11-22T10:00:00.000Z' }),
    ];
    expect([...rows].sort(compareForTriage).map((row) => row.id)).toEqual(['open-big', 'open-small-newer', 'open-small', 'resolved-big', 'no-impact']);
  });

  it('counts open exceptions and sums their revenue at risk, with what answered ones leave late and all of what awaits approval; resolved apart', () => {
    const summary = summarizeExceptions([
      exception('a', { revenueAtRisk: 220_886 }),
      exception('b', { revenueAtRisk: 1_000.4 }),
      exception('c', { status: 'resolved', revenueAtRisk: 50_000, remaining: { ordersHit: 0, revenueAtRisk: 0, worstDaysLate: null, unfulfilled: 0 } }),
      exception('d', { status: 'no-impact', revenueAtRisk: 0 }),
      // Until a supervisor approves, the plan is as it was: all of it is still at risk.
      exception('e', { status: 'awaiting-approval', revenueAtRisk: 70_000 }),
      // Answered, but 496 orders are still late: they count, with what they still risk.
      exception('f', { status: 'answered', revenueAtRisk: 900_000, remaining: { ordersHit: 496, revenueAtRisk: 300_000, worstDaysLate: 15, unfulfilled: 0 } }),
    ]);
    expect(summary).toEqual({ total: 6, open: 2, openRevenueAtRisk: 591_886.4, answered: 1, answeredOrdersLate: 496, noImpact: 1, awaitingApproval: 1 });
    expect(formatMoney(summary.openRevenueAtRisk)).toBe('591,886');
    expect(formatOpenCount(1)).toBe('1 open exception');
    expect(formatOpenCount(0)).toBe('0 open exceptions');
  });
});

describe('lateness', () => {
  it('shows the worst lateness, and "unfulfilled" when no order hit has a date any more', () => {
    expect(formatWorstLateness({ worstDaysLate: 12, unfulfilled: 0 })).toBe('+12 d');
    expect(formatWorstLateness({ worstDaysLate: null, unfulfilled: 3 })).toBe('unfulfilled');
    expect(formatWorstLateness({ worstDaysLate: null, unfulfilled: 0 })).toBe('—');
    expect(describeWorstLateness({ worstDaysLate: 12, unfulfilled: 2 })).toBe('+12 d · 2 unfulfilled');
    expect(describeWorstLateness({ worstDaysLate: null, unfulfilled: 2 })).toBe('unfulfilled');
  });

  it('sorts exceptions with unfulfilled orders as the latest', () => {
    const rows = [
      { id: 'none', worstDaysLate: null, unfulfilled: 0 },
      { id: 'forty', worstDaysLate: 40, unfulfilled: 0 },
      { id: 'five-and-lost', worstDaysLate: 5, unfulfilled: 1 },
      { id: 'all-lost', worstDaysLate: null, unfulfilled: 2 },
      { id: 'ten', worstDaysLate: 10, unfulfilled: 0 },
    ];
    expect([...rows].sort(compareWorstLateness).map((row) => row.id)).toEqual(['none', 'ten', 'forty', 'all-lost', 'five-and-lost']);
  });

  it('reads an order’s lateness as days or "unfulfilled", and sorts unfulfilled last', () => {
    expect(orderLateness({ daysLate: 7, unfulfilled: false })).toBe(7);
    expect(orderLateness({ daysLate: null, unfulfilled: true })).toBe('unfulfilled');
    expect(formatOrderLateness(7)).toBe('+7 d');
    expect(formatOrderLateness('unfulfilled')).toBe('unfulfilled');
    expect(formatOrderLateness(null)).toBe('—');
    expect([3, 'unfulfilled' as const, null, 40].sort(compareOrderLateness)).toEqual([null, 3, 40, 'unfulfilled']);
  });
});

describe('delay facts, money and dates', () => {
  it('shows plan dates as they are, in any time zone, and the shift in days', () => {
    expect(formatPlanDate('2026-12-10')).toBe('10 Dec 2026');
    expect(formatPlanDate('not a date')).toBe('not a date');
    expect(daysBetween('2026-12-10', '2027-01-24')).toBe(45);
    expect(daysBetween('2026-03-20', '2026-03-30')).toBe(10);
    expect(daysBetween('2026-12-10', 'soon')).toBeNull();
    expect(formatReceiptMove({ previousDate: '2026-12-10', newDate: '2027-01-24' })).toBe('10 Dec 2026 → 24 Jan 2027 (+45 d)');
    expect(formatReceiptMove({ previousDate: '2026-12-10', newDate: '2026-12-07' })).toBe('10 Dec 2026 → 07 Dec 2026 (−3 d)');
  });

  it('shows money in whole units with thousands separators', () => {
    expect(formatMoney(220886)).toBe('220,886');
    expect(formatMoney(2431371.6)).toBe('2,431,372');
    expect(formatMoney(0)).toBe('0');
    expect(formatMoney(-0.4)).toBe('0');
  });

  it('splits a supplier delay’s source into the PO line and its ASN', () => {
    expect(splitSourceDocument('PO-0003065/10 (ASN-0003065)')).toEqual({ document: 'PO-0003065/10', carrier: 'ASN-0003065' });
    expect(splitSourceDocument('Line stop L3')).toBeNull();
  });

  it('names CSV files so every file system takes them', () => {
    expect(csvFileName('customer-orders-later', 'PO-0003065/10')).toBe('customer-orders-later-PO-0003065-10.csv');
    expect(csvFileName('order-impact-exceptions')).toBe('order-impact-exceptions.csv');
    expect(csvFileName('///')).toBe('export.csv');
  });
});

/** What a column shows for a row, and what AG Grid writes for it in a CSV (through the app's export callback). */
function cell<Row>(columns: ColDef<Row>[], colId: string, data: Row): { shown: unknown; csv: string } {
  const column = columnOf(columns, colId);
  return { shown: shownOf(column, data), csv: csvOf(column, data) };
}

describe('grid columns', () => {
  it('shows an exception’s money, lateness and status, and exports numbers as plain numbers under headers with their unit', () => {
    const row = exception('E1', { revenueAtRisk: 887041.5, worstDaysLate: 42, unfulfilled: 1 });
    expect(cell(exceptionColumns, 'revenueAtRisk', row)).toEqual({ shown: '887,042', csv: '887041.5' });
    expect(cell(exceptionColumns, 'worstLateness', row)).toEqual({ shown: '+42 d · 1 unfulfilled', csv: '42' });
    expect(csvHeaderOf(columnOf(exceptionColumns, 'worstLateness'))).toBe('Worst lateness (days)');
    expect(cell(exceptionColumns, 'unfulfilled', row).csv).toBe('1');
    expect(cell(exceptionColumns, 'ordersHit', row).csv).toBe('3');
    expect(cell(exceptionColumns, 'type', row)).toEqual({ shown: 'Supplier delay', csv: 'Supplier delay' });
    expect(cell(exceptionColumns, 'status', exception('E2', { status: 'no-impact' }))).toEqual({ shown: 'no impact', csv: 'no impact' });
    expect(cell(exceptionColumns, 'item', row).csv).toBe('RM-001532 — Rod seal PU, 10 mm');
    expect(cell(exceptionColumns, 'detectedAt', row).csv).toBe('2026-11-22 09:00:00');
    expect(csvHeaderOf(columnOf(exceptionColumns, 'detectedAt'))).toBe('Detected (UTC)');
    // All orders lost their supply: no days to write; the unfulfilled count says it.
    expect(cell(exceptionColumns, 'worstLateness', exception('E3', { worstDaysLate: null, unfulfilled: 2 }))).toEqual({ shown: 'unfulfilled', csv: '' });
  });

  it('shows an unfulfilled customer order clearly, and exports the days as numbers with the unfulfilled in a column of their own', () => {
    const lost = customerOrder('CO-9', { daysLate: null, addedDaysLate: null, unfulfilled: true, revenueAtRisk: 43918 });
    expect(cell(customerOrderColumns, 'daysLate', lost)).toEqual({ shown: 'unfulfilled', csv: '' });
    expect(cell(customerOrderColumns, 'unfulfilled', lost).csv).toBe('yes');
    expect(cell(customerOrderColumns, 'addedDaysLate', lost)).toEqual({ shown: '—', csv: '' });
    expect(cell(customerOrderColumns, 'revenueAtRisk', lost)).toEqual({ shown: '43,918', csv: '43918' });
    const late = customerOrder('CO-1', { daysLate: 41, addedDaysLate: 30 });
    expect(cell(customerOrderColumns, 'daysLate', late)).toEqual({ shown: '+41 d', csv: '41' });
    expect(cell(customerOrderColumns, 'unfulfilled', late).csv).toBe('no');
    expect(cell(customerOrderColumns, 'addedDaysLate', late)).toEqual({ shown: '+30 d', csv: '30' });
    expect(cell(customerOrderColumns, 'shipDate', late)).toEqual({ shown: '18 Dec 2026', csv: '2026-12-18' });
    expect(csvHeaderOf(columnOf(customerOrderColumns, 'daysLate'))).toBe('Days late');
  });

  it('gives both order grids the same lateness columns, sorted latest first', () => {
    const order = productionOrder('MO-1', { quantity: 1320 });
    expect(cell(productionOrderColumns, 'quantity', order)).toEqual({ shown: '1,320', csv: '1320' });
    expect(cell(productionOrderColumns, 'dueDate', order).shown).toBe('17 Dec 2026');
    expect(productionOrderColumns.find((column) => column.colId === 'daysLate')?.sort).toBe('desc');
    expect(customerOrderColumns.find((column) => column.colId === 'daysLate')?.sort).toBe('desc');
    expect(exceptionColumns.find((column) => column.colId === 'status')?.sort).toBe('asc');
  });

  it('keys a reloaded list by id, reusing equal rows', () => {
    const previous = { a: { id: 'a', n: 1 }, b: { id: 'b', n: 2 } };
    const next = rowsByIdKeepingUnchanged([{ id: 'a', n: 1 }, { id: 'b', n: 3 }, { id: 'c', n: 4 }], (row) => row.id, previous);
    expect(next['a']).toBe(previous.a);
    expect(next['b']).toEqual({ id: 'b', n: 3 });
    expect(Object.keys(next)).toEqual(['a', 'b', 'c']);
  });
});

describe('asking before a response is applied', () => {
  const now = { ordersHit: 15, revenueAtRisk: 100_000, worstDaysLate: 9, unfulfilled: 0 };
  const base = { label: 'Inter-plant transfer', needsApproval: false, commandCount: 1, worseThanDoingNothing: false, projected: now };

  it('asks when a response leaves things worse than doing nothing, naming both figures', () => {
    const worse = confirmationNeeded({ ...base, worseThanDoingNothing: true, projected: { ...now, ordersHit: 50, revenueAtRisk: 180_000 } }, now);
    expect(worse).toBe('“Inter-plant transfer” leaves things worse than doing nothing (50 orders hit instead of 15, 180,000 at risk instead of 100,000). Apply it anyway?');
  });

  it('asks when one Apply sends many commands, and not for one', () => {
    expect(confirmationNeeded({ ...base, label: 'Reschedule', commandCount: 212 }, now)).toBe('“Reschedule”: It sends 212 commands to the ERP. Apply it?');
    expect(confirmationNeeded(base, now)).toBeNull();
    // A supervisor's approval comes first: nothing is sent by this click.
    expect(confirmationNeeded({ ...base, needsApproval: true, commandCount: 3 }, now)).toBeNull();
  });
});

