// Column definitions of the exceptions grid, sized for a 1440 px window (vertical scrollbar included);
// the item takes what is left.
// A CSV export holds what the grid shows, except that amounts stay plain numbers and times ISO, so a
// spreadsheet can compute with them.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ExceptionRow, ExceptionStatus } from '../../../shared/api/impact';
import { exceptionStatusLabels, exceptionTypeLabels } from '../../format/labels';
import { formatMoney } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { ExceptionStatusCell, ItemCell, SourceDocumentCell, WorstLatenessCell } from './impact-cells';
import { compareForTriage, compareIsoTimes, compareWorstLateness, describeWorstLateness } from './impact-format';

export const getExceptionRowId = (params: GetRowIdParams<ExceptionRow>): string => params.data.id;

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
    width: 132,
    minWidth: 124,
    valueFormatter: ({ data }) => (data ? exceptionTypeLabels[data.type] : ''),
  },
  {
    colId: 'item',
    headerName: 'Item',
    field: 'itemId',
    flex: 1,
    minWidth: 180,
    cellRenderer: ItemCell,
    // Shown by the renderer; the text is what a CSV export holds.
    valueFormatter: ({ data }) => (data ? `${data.itemId} — ${data.itemDescription}` : ''),
  },
  { colId: 'plant', headerName: 'Plant', field: 'plant', width: 72, minWidth: 68 },
  {
    colId: 'sourceDocument',
    headerName: 'Source document',
    headerTooltip: 'What carried the disruption: a PO schedule line over the ASN that moved it, a blocked lot over its inspection lot, or a stopped line over its stoppage',
    field: 'sourceDocument',
    width: 152,
    minWidth: 140,
    cellRenderer: SourceDocumentCell,
  },
  {
    colId: 'detectedAt',
    headerName: 'Detected',
    field: 'detectedAt',
    width: 164,
    minWidth: 150,
    comparator: compareIsoTimes,
    valueFormatter: ({ value }) => (value ? formatDateTime(value) : ''),
    useValueFormatterForExport: false,
  },
  {
    colId: 'ordersHit',
    headerName: 'Orders hit',
    headerTooltip: 'Production and customer orders later because of this disruption',
    field: 'ordersHit',
    width: 100,
    minWidth: 96,
    type: 'rightAligned',
  },
  {
    colId: 'revenueAtRisk',
    headerName: 'Revenue at risk',
    headerTooltip: 'The value of the customer orders it makes later, in the company currency',
    field: 'revenueAtRisk',
    width: 136,
    minWidth: 128,
    type: 'rightAligned',
    // A cellClass of its own replaces the type's: keep the right alignment.
    cellClass: ['ag-right-aligned-cell', 'cell-strong'],
    valueFormatter: ({ value }) => formatMoney(value ?? 0),
    useValueFormatterForExport: false,
  },
  {
    colId: 'worstLateness',
    headerName: 'Worst lateness',
    headerTooltip: 'The most days late of any order hit; unfulfilled: supply no longer covers an order at all',
    field: 'worstDaysLate',
    width: 136,
    minWidth: 128,
    type: 'rightAligned',
    comparator: (_a: number | null, _b: number | null, nodeA, nodeB) => compareWorstLateness(nodeA.data, nodeB.data),
    cellRenderer: WorstLatenessCell,
    valueFormatter: ({ data }) => (data ? describeWorstLateness(data) : ''),
  },
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
    valueFormatter: ({ data }) => (data ? exceptionStatusLabels[data.status] : ''),
  },
];
