// Column definitions of the exceptions grid, sized for a 1440 px window (vertical scrollbar included),
// with room in each header for its filter button; the item takes what is left. Numbers stay numbers (the formatters only display them), so they sort
// and filter as numbers; each column has the filter that fits it, opened from its header.
// A CSV export holds what the grid shows, except that amounts and days are plain numbers and times
// YYYY-MM-DD HH:MM:SS in UTC, with the unit in the header, so a spreadsheet can compute with them.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ExceptionRow, ExceptionStatus } from '../../../shared/api/impact';
import { isoTimeFilter, numberFilter, textFilter } from '../../grid/column-filters';
import { csvCell, csvHeader, csvMoneyHeader, csvTimeColumn } from '../../grid/csv-export';
import { exceptionStatusLabels, exceptionTypeLabels } from '../../format/labels';
import { formatMoney } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { ExceptionStatusCell, ItemCell, SourceDocumentCell, WorstLatenessCell } from './impact-cells';
import { compareForTriage, compareIsoTimes, compareWorstLateness, describeWorstLateness } from './impact-format';

export const getExceptionRowId = (params: GetRowIdParams<ExceptionRow>): string => params.data.id;

const typeLabel = ({ data }: { data?: ExceptionRow | undefined }) => (data ? exceptionTypeLabels[data.type] : '');
const statusLabel = ({ data }: { data?: ExceptionRow | undefined }) => (data ? exceptionStatusLabels[data.status] : '');
/** A search or a filter for "rod seal" finds the item by its description too. */
const itemText = ({ data }: { data?: ExceptionRow | undefined }) => (data ? `${data.itemId} ${data.itemDescription}` : '');

/**
 * What a number filter compares for the worst lateness: its days, and for an exception whose orders all
 * lost their supply, later than any number of days (as the column sorts it).
 */
export function worstLatenessForFilter(row: Pick<ExceptionRow, 'worstDaysLate' | 'unfulfilled'> | undefined): number | null {
  if (!row) return null;
  return row.worstDaysLate ?? (row.unfulfilled > 0 ? Number.POSITIVE_INFINITY : null);
}

export const exceptionDefaultColDef: ColDef<ExceptionRow> = {
  sortable: true,
  resizable: true,
  filter: false,
  // The column menu (pin, autosize) buys little in a grid this size; its button costs every header an icon's room.
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

export const exceptionColumns: ColDef<ExceptionRow>[] = [
  {
    colId: 'type',
    headerName: 'Type',
    field: 'type',
    width: 124,
    minWidth: 120,
    valueFormatter: typeLabel,
    getQuickFilterText: typeLabel,
    filterValueGetter: typeLabel,
    ...textFilter,
  },
  {
    colId: 'item',
    headerName: 'Item',
    field: 'itemId',
    flex: 1,
    minWidth: 150,
    cellRenderer: ItemCell,
    // Shown by the renderer; the text is what a CSV export holds.
    valueFormatter: ({ data }) => (data ? `${data.itemId} — ${data.itemDescription}` : ''),
    getQuickFilterText: itemText,
    filterValueGetter: itemText,
    ...textFilter,
  },
  { colId: 'plant', headerName: 'Plant', field: 'plant', width: 84, minWidth: 80, ...textFilter },
  {
    colId: 'sourceDocument',
    headerName: 'Source document',
    headerTooltip: 'What carried the disruption: a PO schedule line over the ASN that moved it, a blocked lot over its inspection lot, or a stopped line over its stoppage',
    field: 'sourceDocument',
    width: 148,
    minWidth: 140,
    cellRenderer: SourceDocumentCell,
    ...textFilter,
  },
  {
    colId: 'detectedAt',
    ...csvTimeColumn('Detected'),
    field: 'detectedAt',
    width: 164,
    minWidth: 156,
    comparator: compareIsoTimes,
    valueFormatter: ({ value }) => (value ? formatDateTime(value) : ''),
    ...isoTimeFilter,
  },
  {
    colId: 'ordersHit',
    headerName: 'Orders hit',
    headerTooltip: 'Production and customer orders later because of this disruption',
    field: 'ordersHit',
    width: 100,
    minWidth: 96,
    type: 'rightAligned',
    ...numberFilter,
  },
  {
    colId: 'revenueAtRisk',
    ...csvMoneyHeader('Revenue at risk'),
    headerTooltip: 'The value of the customer orders it makes later, in the company currency',
    field: 'revenueAtRisk',
    // "EUR 14,152,720" in bold.
    width: 156,
    minWidth: 148,
    type: 'rightAligned',
    // A cellClass of its own replaces the type's: keep the right alignment.
    cellClass: ['ag-right-aligned-cell', 'cell-strong'],
    valueFormatter: ({ value }) => formatMoney(value ?? 0),
    ...numberFilter,
  },
  {
    colId: 'worstLateness',
    ...csvHeader('Worst lateness', 'Worst lateness (days)'),
    headerTooltip: 'The most days late of any order hit; unfulfilled: supply no longer covers an order at all',
    field: 'worstDaysLate',
    width: 128,
    minWidth: 124,
    type: 'rightAligned',
    comparator: (_a: number | null, _b: number | null, nodeA, nodeB) => compareWorstLateness(nodeA.data, nodeB.data),
    cellRenderer: WorstLatenessCell,
    valueFormatter: ({ data }) => (data ? describeWorstLateness(data) : ''),
    // The days as a number; the orders that lost their supply are a column of their own.
    ...csvCell<ExceptionRow>((_value, row) => row.worstDaysLate),
    filterValueGetter: ({ data }) => worstLatenessForFilter(data),
    ...numberFilter,
  },
  // Shown under the worst lateness; a column of its own in a CSV export.
  { colId: 'unfulfilled', headerName: 'Unfulfilled orders', field: 'unfulfilled', hide: true },
  {
    colId: 'status',
    headerName: 'Status',
    field: 'status',
    // Room for the longest status, "awaiting approval".
    width: 164,
    minWidth: 156,
    // Triage order: open first, then the biggest revenue at risk.
    comparator: (_a: ExceptionStatus, _b: ExceptionStatus, nodeA, nodeB) => compareForTriage(nodeA.data, nodeB.data),
    sort: 'asc',
    cellRenderer: ExceptionStatusCell,
    valueFormatter: statusLabel,
    getQuickFilterText: statusLabel,
    filterValueGetter: statusLabel,
    ...textFilter,
  },
];
