// What the app's CSV exports write, through AG Grid's processCellCallback: numbers a spreadsheet reads as
// numbers ("10", "1234.5", never "+10 d" or "1,234"), plan dates YYYY-MM-DD, times in UTC, words as
// shown, and the unit in the header.
import type { ColDef } from 'ag-grid-community';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExceptionRow, HeldUpOrder } from '../../shared/api/impact';
import { csvExportParams, csvText, csvTime } from '../../renderer/grid/csv-export';
import { useMasterStore } from '../../renderer/state/master-slice';
import { customerOrderColumns } from '../../renderer/views/order-impact/impacted-order-columns';
import { approvalColumns } from '../../renderer/views/approvals/approval-columns';
import { exceptionColumns } from '../../renderer/views/order-impact/exception-columns';
import { heldUpOrderColumns } from '../../renderer/views/order-impact/held-up-order-columns';
import { columnOf, csvHeaderOf, csvOf } from '../helpers/grid-columns';

const delay: ExceptionRow = {
  id: 'E1',
  type: 'supplier-delay',
  itemId: 'RM-001532',
  itemDescription: 'Rod seal PU, 10 mm',
  plant: 'P2',
  sourceDocument: 'PO-0003065/10 (ASN-0003065)',
  detectedAt: '2026-11-22T09:05:30.250Z',
  ordersHit: 20,
  revenueAtRisk: 1234.5,
  worstDaysLate: 10,
  unfulfilled: 0,
  status: 'open',
  taskId: 't-1',
  remaining: null,
};

/** The exported line of a row, by header, as a spreadsheet would get it. */
const exported = <Row>(columns: ColDef<Row>[], row: Row) => Object.fromEntries(columns.map((column) => [csvHeaderOf(column), csvOf(column, row)]));

afterEach(() => useMasterStore.setState({ currency: null }));

describe('CSV cells', () => {
  it('writes an exception’s days late and money as plain numbers, its time in UTC, under headers with the unit', () => {
    expect(exported(exceptionColumns, delay)).toEqual({
      Type: 'Supplier delay',
      Item: 'RM-001532 — Rod seal PU, 10 mm',
      Plant: 'P2',
      'Source document': 'PO-0003065/10 (ASN-0003065)',
      'Detected (UTC)': '2026-11-22 09:05:30',
      'Orders hit': '20',
      'Revenue at risk': '1234.5',
      'Worst lateness (days)': '10',
      'Unfulfilled orders': '0',
      Status: 'open',
    });
  });

  it('writes a held-up order’s quantity under its unit and each date of its spans in a column of its own', () => {
    const order: HeldUpOrder = {
      productionOrderId: 'MO-1',
      itemId: 'FG-1',
      quantity: 1320,
      startDate: '2026-12-03',
      dueDate: '2026-12-05',
      waitingStartDate: '2026-12-06',
      waitingDueDate: '2026-12-08',
      alternates: [],
      alternatesEvaluated: true,
      rerouted: null,
    };
    expect(exported(heldUpOrderColumns, order)).toMatchObject({
      Order: 'MO-1',
      Item: 'FG-1',
      'Quantity (EA)': '1320',
      'Planned start': '2026-12-03',
      'Planned due': '2026-12-05',
      'Start if it waits': '2026-12-06',
      'Due if it waits': '2026-12-08',
    });
    // On screen the headers stay short.
    expect(columnOf(heldUpOrderColumns, 'quantity').headerName).toBe('Quantity');
  });

  it('names the company currency in the money headers once the core said it, and keeps the amounts plain', () => {
    useMasterStore.setState({ currency: 'EUR' });
    // An approval request's amounts say which they are: the risk if approved, and the risk now beside it.
    const moneyColumns: [ColDef[], string, string][] = [
      [exceptionColumns as ColDef[], 'revenueAtRisk', 'Revenue at risk'],
      [customerOrderColumns as ColDef[], 'revenueAtRisk', 'Revenue at risk'],
      [approvalColumns as ColDef[], 'revenueAtRisk', 'At risk if approved'],
      [approvalColumns as ColDef[], 'revenueAtRiskNow', 'At risk now'],
    ];
    for (const [columns, colId, header] of moneyColumns) {
      const money = columnOf(columns, colId);
      expect(csvHeaderOf(money)).toBe(`${header} (EUR)`);
      expect(money.headerName).toBe(header);
    }
    expect(csvOf(columnOf(exceptionColumns, 'revenueAtRisk'), delay)).toBe('1234.5');
    expect(csvOf(columnOf(exceptionColumns, 'revenueAtRisk'), delay)).not.toContain('EUR');
  });

  it('writes numbers without separators or float noise, nothing for no value, yes or no for a flag', () => {
    expect(csvText(1234567.5)).toBe('1234567.5');
    expect(csvText(0.1 + 0.2)).toBe('0.3');
    expect(csvText(-3)).toBe('-3');
    expect(csvText(Number.NaN)).toBe('');
    expect(csvText(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvText(null)).toBe('');
    expect(csvText(true)).toBe('yes');
    expect(csvTime('2026-11-22T23:59:59.999+01:00')).toBe('2026-11-22 22:59:59');
    expect(csvTime('yesterday')).toBe('');
  });

  it('hands AG Grid the app’s cell callback with the file name and its own options', () => {
    const params = csvExportParams('approvals.csv', { allColumns: true });
    expect(params).toMatchObject({ fileName: 'approvals.csv', allColumns: true });
    expect(typeof params.processCellCallback).toBe('function');
  });
});
