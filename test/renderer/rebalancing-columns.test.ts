// The rebalancing grid's columns: the order proposals are listed in (accepted ones on their way above
// the open ones), sorting by status, the filters and search reading the status's word, and numeric
// columns that sort as numbers.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProposalStatus, RebalancingProposal } from '../../shared/api/rebalancing';
import { proposalColumns, proposalDefaultColDef } from '../../renderer/views/rebalancing/rebalancing-columns';
import { useMasterStore } from '../../renderer/state/master-slice';
import { columnOf, csvHeaderOf, shownOf, sortBy, valueOf } from '../helpers/grid-columns';
import { proposalRow } from '../helpers/proposal-row';


const statuses = (rows: RebalancingProposal[]) => rows.map((row) => row.status);

afterEach(() => useMasterStore.setState({ currency: null }));

describe('rebalancing columns', () => {
  const mixed: RebalancingProposal[] = (['rejected', 'proposed', 'received', 'in-transit', 'proposed', 'accepted', 'awaiting-approval'] as ProposalStatus[]).map((status, n) =>
    proposalRow(`RB-${n}`, { status, revenueProtected: 1_000 * n }),
  );

  it('lists what was accepted and is on its way above the open proposals, and what is done below', () => {
    const status = columnOf(proposalColumns, 'status');
    expect(status.sort).toBe('asc');
    expect(statuses(sortBy(proposalColumns, 'status', mixed))).toEqual(['awaiting-approval', 'accepted', 'in-transit', 'proposed', 'proposed', 'received', 'rejected']);
  });

  it('sorts by status both ways, the open proposals by revenue protected, most first', () => {
    const ascending = sortBy(proposalColumns, 'status', mixed);
    expect(ascending.filter((row) => row.status === 'proposed').map((row) => row.id)).toEqual(['RB-4', 'RB-1']);
    const descending = sortBy(proposalColumns, 'status', mixed, 'desc');
    expect(statuses(descending)).toEqual(['rejected', 'received', 'proposed', 'proposed', 'in-transit', 'accepted', 'awaiting-approval']);
    // Equal statuses and amounts still come in one order, whatever order the rows arrived in.
    const twins = [proposalRow('RB-b'), proposalRow('RB-a')];
    expect(sortBy(proposalColumns, 'status', twins).map((row) => row.id)).toEqual(['RB-a', 'RB-b']);
  });

  it('searches and filters the item by its id and its description', () => {
    const item = columnOf(proposalColumns, 'itemId');
    const row = proposalRow('RB-1');
    expect(typeof item.filterValueGetter === 'function' && item.filterValueGetter({ data: row } as never)).toBe('FG-1 Hydraulic cylinder');
    expect(typeof item.getQuickFilterText === 'function' && item.getQuickFilterText({ data: row, value: row.itemId } as never)).toBe('FG-1 Hydraulic cylinder');
  });

  it('searches and filters the status by the word shown', () => {
    const status = columnOf(proposalColumns, 'status');
    const row = proposalRow('RB-1', { status: 'awaiting-approval' });
    expect(shownOf(status, row)).toBe('Awaiting approval');
    expect(typeof status.getQuickFilterText === 'function' && status.getQuickFilterText({ data: row, value: row.status } as never)).toBe('Awaiting approval');
    expect(typeof status.filterValueGetter === 'function' && status.filterValueGetter({ data: row } as never)).toBe('Awaiting approval');
  });

  it('offers a text filter on item and plants, number filters on the amounts, date filters on the dates', () => {
    const filterOf = (colId: string) => columnOf(proposalColumns, colId).filter;
    for (const colId of ['status', 'itemId', 'fromPlant', 'toPlant']) expect(filterOf(colId), colId).toBe('agTextColumnFilter');
    for (const colId of ['quantity', 'unitCost', 'cost', 'shortageCovered', 'revenueProtected']) expect(filterOf(colId), colId).toBe('agNumberColumnFilter');
    for (const colId of ['arrivalDate', 'needDate']) expect(filterOf(colId), colId).toBe('agDateColumnFilter');
    expect(proposalDefaultColDef.floatingFilter).toBe(true);
  });

  it('keeps numbers as numbers, so they sort as numbers and only the formatter adds separators and units', () => {
    const rows = [proposalRow('RB-a', { quantity: 9, cost: 1_200, revenueProtected: 95 }), proposalRow('RB-b', { quantity: 100, cost: 80, revenueProtected: 10_000 }), proposalRow('RB-c', { quantity: 10, cost: 999, revenueProtected: 1_000 })];
    for (const colId of ['quantity', 'unitCost', 'cost', 'shortageCovered', 'revenueProtected']) {
      for (const row of rows) expect(typeof valueOf(columnOf(proposalColumns, colId), row), colId).toBe('number');
    }
    expect(sortBy(proposalColumns, 'quantity', rows).map((row) => row.quantity)).toEqual([9, 10, 100]);
    expect(sortBy(proposalColumns, 'cost', rows, 'desc').map((row) => row.cost)).toEqual([1_200, 999, 80]);
    expect(sortBy(proposalColumns, 'revenueProtected', rows).map((row) => row.revenueProtected)).toEqual([95, 1_000, 10_000]);
    expect(shownOf(columnOf(proposalColumns, 'quantity'), rows[1]!)).toBe('100 EA');
    expect(shownOf(columnOf(proposalColumns, 'revenueProtected'), rows[1]!)).toBe('10,000');
  });

  it('shows every money figure with the company currency, the unit cost to the cent, and names it in the CSV header', () => {
    useMasterStore.setState({ currency: 'EUR' });
    const row = proposalRow('RB-1', { unitCost: 2.345, cost: 140.7, revenueProtected: 10_000 });
    expect(shownOf(columnOf(proposalColumns, 'unitCost'), row)).toBe('EUR 2.35');
    expect(shownOf(columnOf(proposalColumns, 'cost'), row)).toBe('EUR 141');
    expect(shownOf(columnOf(proposalColumns, 'revenueProtected'), row)).toBe('EUR 10,000');
    for (const [colId, header] of [['unitCost', 'Unit cost'], ['cost', 'Cost'], ['revenueProtected', 'Revenue protected']] as const) {
      expect(columnOf(proposalColumns, colId).headerName).toBe(header);
      expect(csvHeaderOf(columnOf(proposalColumns, colId))).toBe(`${header} (EUR)`);
    }
  });
});
