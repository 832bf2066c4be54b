// Every numeric column of the Order impact, Rebalancing and Approvals grids holds a number (the value
// formatter only displays it), so AG Grid sorts it as a number (9, 10, 100, not "10", "100", "9") and
// its number filter compares numbers; dates filter as dates, words as text.
import type { ColDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import type { ApprovalRow } from '../../shared/api/approvals';
import type { ExceptionRow, HeldUpOrder, ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../shared/api/impact';
import type { RebalancingProposal } from '../../shared/api/rebalancing';
import { comparePlanDateToFilter } from '../../renderer/grid/column-filters';
import { approvalColumns } from '../../renderer/views/approvals/approval-columns';
import { exceptionColumns, worstLatenessForFilter } from '../../renderer/views/order-impact/exception-columns';
import { heldUpOrderColumns } from '../../renderer/views/order-impact/held-up-order-columns';
import { customerOrderColumns, productionOrderColumns } from '../../renderer/views/order-impact/impacted-order-columns';
import { proposalColumns } from '../../renderer/views/rebalancing/rebalancing-columns';
import { columnOf, sortBy, valueOf } from '../helpers/grid-columns';
import { proposalRow } from '../helpers/proposal-row';

/** Three rows whose numbers sort differently as numbers and as text. */
const threeRows = <Row>(make: (n: number) => Row): Row[] => [9, 100, 10].map(make);

/** A grid's numeric column: its values are numbers, sort as numbers both ways, and it filters as numbers. */
function expectNumeric<Row>(columns: ColDef<Row>[], colId: string, rows: Row[], numberOf: (row: Row) => number) {
  const column = columnOf(columns, colId);
  for (const row of rows) expect(typeof valueOf(column, row), `${colId} holds a number`).toBe('number');
  expect(sortBy(columns, colId, rows).map(numberOf), `${colId} ascending`).toEqual([9, 10, 100]);
  expect(sortBy(columns, colId, rows, 'desc').map(numberOf), `${colId} descending`).toEqual([100, 10, 9]);
  expect(column.filter, `${colId} filter`).toBe('agNumberColumnFilter');
}

const exception = (n: number): ExceptionRow => ({
  id: `E${n}`,
  type: 'supplier-delay',
  itemId: 'RM-1',
  itemDescription: 'Rod seal',
  plant: 'P1',
  sourceDocument: 'PO-1/10 (ASN-1)',
  detectedAt: '2026-11-22T09:00:00.000Z',
  ordersHit: n,
  revenueAtRisk: n * 1.5,
  worstDaysLate: n,
  unfulfilled: 0,
  status: 'open',
  taskId: null,
  remaining: null,
});

const customerOrder = (n: number): ImpactedCustomerOrderRow => ({
  id: `CO-${n}`,
  customerId: 'C-1',
  itemId: 'FG-1',
  itemDescription: 'Cylinder',
  plant: 'P1',
  quantity: n,
  shipDate: '2026-12-18',
  value: n,
  priority: n,
  daysLate: n,
  addedDaysLate: n,
  unfulfilled: false,
  revenueAtRisk: n,
});

const productionOrder = (n: number): ImpactedProductionOrderRow => ({
  id: `MO-${n}`,
  itemId: 'FG-1',
  itemDescription: 'Cylinder',
  plant: 'P1',
  quantity: n,
  line: 'L1',
  startDate: '2026-12-14',
  dueDate: '2026-12-17',
  daysLate: n,
  addedDaysLate: n,
  unfulfilled: false,
});

const heldUp = (n: number): HeldUpOrder => ({
  productionOrderId: `MO-${n}`,
  itemId: 'FG-1',
  quantity: n,
  startDate: '2026-12-03',
  dueDate: '2026-12-05',
  waitingStartDate: '2026-12-06',
  waitingDueDate: '2026-12-08',
  alternates: [],
  alternatesEvaluated: true,
  rerouted: null,
});

const proposal = (n: number): RebalancingProposal =>
  proposalRow(`RB-${n}`, { itemDescription: 'Cylinder', quantity: n, unitCost: n, cost: n, shortageCovered: n, revenueProtected: n });

const substitution = (n: number): ApprovalRow => ({
  id: `A${n}`,
  kind: 'substitution',
  subject: 'Substitute RM-2 for RM-1',
  status: 'pending',
  requestedBy: 'pl.omar',
  requestedAt: '2026-11-22T09:00:00.000Z',
  dueAt: '2026-11-22T13:00:00.000Z',
  escalatedAt: null,
  plant: 'P2',
  substitution: { productionOrderIds: Array.from({ length: n }, (_, i) => `MO-${i}`), fromItemId: 'RM-1', toItemId: 'RM-2', plant: 'P2', reason: 'Supplier delay' },
  deviation: null,
  transfer: null,
  adjustment: null,
  fromItemDescription: 'Rod seal PU',
  toItemDescription: 'Rod seal NBR',
  exceptionId: null,
  projected: { ordersHit: 1, revenueAtRisk: n, worstDaysLate: 1, unfulfilled: 0 },
  baseline: null,
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  pendingDecision: null,
  refusedUpstream: null,
  canDecide: true,
  cannotDecideReason: null,
});

describe('numeric columns sort and filter as numbers', () => {
  it('in the exceptions grid', () => {
    const rows = threeRows(exception);
    expectNumeric(exceptionColumns, 'ordersHit', rows, (row) => row.ordersHit);
    expectNumeric(exceptionColumns, 'revenueAtRisk', rows, (row) => row.revenueAtRisk / 1.5);
    expectNumeric(exceptionColumns, 'worstLateness', rows, (row) => row.worstDaysLate!);
  });

  it('in the grids of orders made later', () => {
    for (const colId of ['quantity', 'priority', 'daysLate', 'addedDaysLate', 'revenueAtRisk']) expectNumeric(customerOrderColumns, colId, threeRows(customerOrder), (row) => row.quantity);
    for (const colId of ['quantity', 'daysLate', 'addedDaysLate']) expectNumeric(productionOrderColumns, colId, threeRows(productionOrder), (row) => row.quantity);
  });

  it('in a line stop’s held-up orders and in rebalancing', () => {
    expect(typeof valueOf(columnOf(heldUpOrderColumns, 'quantity'), heldUp(9))).toBe('number');
    expect(sortBy(heldUpOrderColumns, 'quantity', threeRows(heldUp)).map((row) => row.quantity)).toEqual([9, 10, 100]);
    for (const colId of ['quantity', 'unitCost', 'cost', 'shortageCovered', 'revenueProtected']) expectNumeric(proposalColumns, colId, threeRows(proposal), (row) => row.quantity);
  });

  it('in the approvals grid', () => {
    expectNumeric(approvalColumns, 'productionOrders', threeRows(substitution), (row) => row.substitution!.productionOrderIds.length);
    expectNumeric(approvalColumns, 'revenueAtRisk', threeRows(substitution), (row) => row.projected!.revenueAtRisk);
  });

  it('counts an order that lost its supply as later than any number of days, in the sort and in the filter', () => {
    const [lost, late] = [{ ...customerOrder(1), daysLate: null, addedDaysLate: null, unfulfilled: true }, customerOrder(30)];
    expect(sortBy(customerOrderColumns, 'daysLate', [lost, late], 'desc').map((row) => row.id)).toEqual(['CO-1', 'CO-30']);
    const filterValue = (row: ImpactedCustomerOrderRow) => {
      const getter = columnOf(customerOrderColumns, 'daysLate').filterValueGetter;
      return typeof getter === 'function' ? getter({ data: row } as never) : undefined;
    };
    expect(filterValue(lost)).toBe(Number.POSITIVE_INFINITY);
    expect(filterValue(late)).toBe(30);
    expect(worstLatenessForFilter({ worstDaysLate: null, unfulfilled: 2 })).toBe(Number.POSITIVE_INFINITY);
    expect(worstLatenessForFilter({ worstDaysLate: 12, unfulfilled: 2 })).toBe(12);
    expect(worstLatenessForFilter({ worstDaysLate: null, unfulfilled: 0 })).toBeNull();
  });
});

describe('dates and words filter as such', () => {
  it('offers date filters on plan dates and times, text filters on ids and words', () => {
    const filters = (columns: ColDef<never>[]) => Object.fromEntries(columns.map((column) => [column.colId ?? column.field, column.filter]));
    expect(filters(customerOrderColumns as ColDef<never>[])).toMatchObject({ id: 'agTextColumnFilter', customerId: 'agTextColumnFilter', item: 'agTextColumnFilter', shipDate: 'agDateColumnFilter' });
    expect(filters(productionOrderColumns as ColDef<never>[])).toMatchObject({ line: 'agTextColumnFilter', startDate: 'agDateColumnFilter', dueDate: 'agDateColumnFilter' });
    expect(filters(exceptionColumns as ColDef<never>[])).toMatchObject({ type: 'agTextColumnFilter', item: 'agTextColumnFilter', plant: 'agTextColumnFilter', sourceDocument: 'agTextColumnFilter', detectedAt: 'agDateColumnFilter', status: 'agTextColumnFilter' });
    expect(filters(approvalColumns as ColDef<never>[])).toMatchObject({ status: 'agTextColumnFilter', kind: 'agTextColumnFilter', fromItem: 'agTextColumnFilter', toItem: 'agTextColumnFilter', requestedBy: 'agTextColumnFilter', due: 'agDateColumnFilter', decidedBy: 'agTextColumnFilter' });
  });

  it('compares a plan date with the filter’s day, in no time zone', () => {
    const day = new Date(2026, 11, 18);
    expect(comparePlanDateToFilter(day, '2026-12-18')).toBe(0);
    expect(comparePlanDateToFilter(day, '2026-12-17')).toBe(-1);
    expect(comparePlanDateToFilter(day, '2027-01-02')).toBe(1);
    expect(comparePlanDateToFilter(day, 'soon')).toBe(-1);
  });

  it('filters the exceptions’ type and status by the word shown', () => {
    const value = (colId: string, row: ExceptionRow) => {
      const getter = columnOf(exceptionColumns, colId).filterValueGetter;
      return typeof getter === 'function' ? getter({ data: row } as never) : undefined;
    };
    const row = { ...exception(1), type: 'line-stop', status: 'awaiting-approval' } as const;
    expect(value('type', row)).toBe('Line stopped');
    expect(value('status', row)).toBe('awaiting approval');
  });
});
