// Columns of the stock/requirements grid, as MD04 lays them out: date, MRP element, document, partner,
// status, receipt or requirement quantity, available quantity (red where the day goes short), and the
// pegging in a line. Numbers stay numbers and dates ISO, so they sort and filter as such.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import { numberFilter, planDateFilter, textFilter } from '../../grid/column-filters';
import { formatQuantity } from '../../format/numbers';
import { formatPlanDate } from '../../format/time';
import type { StockGridRow } from '../../state/stock-slice';
import { isReceipt, peggingSummary, stockKindLabels } from './stock-format';

export const getStockRowId = (params: GetRowIdParams<StockGridRow>): string => params.data.id;

export const stockDefaultColDef: ColDef<StockGridRow> = {
  sortable: false,
  resizable: true,
  filter: false,
  floatingFilter: false,
  suppressHeaderMenuButton: true,
};

/** With the pegging panel open, the grid keeps what a row is and its quantities; the panel says the rest. */
export function stockColumns(unit: string, panelOpen = false): ColDef<StockGridRow>[] {
  const quantity = (value: number | null | undefined) => (value === null || value === undefined ? '' : formatQuantity(value, unit));
  return [
    { colId: 'date', headerName: 'Date', field: 'date', width: 116, valueFormatter: ({ value }: { value?: string | null }) => (value ? formatPlanDate(value) : ''), ...planDateFilter },
    { colId: 'kind', headerName: 'MRP element', field: 'kind', width: 150, valueFormatter: ({ value }: { value?: StockGridRow['kind'] }) => (value ? stockKindLabels[value] : ''), filterValueGetter: ({ data }) => (data ? stockKindLabels[data.kind] : ''), ...textFilter },
    { colId: 'document', headerName: 'Document', field: 'document', width: 150, cellClass: 'cell-strong', tooltipField: 'document', ...textFilter },
    { colId: 'partner', headerName: 'For / from', field: 'partner', width: 160, hide: panelOpen, tooltipField: 'partner', ...textFilter },
    { colId: 'status', headerName: 'Status', field: 'status', width: 150, hide: panelOpen, tooltipField: 'status', valueFormatter: ({ value }: { value?: string }) => (value ?? '').replace(/ \(due [^)]*\)$/, ''), cellClassRules: { 'stock-status--late': ({ data }) => (data?.pegged?.daysLate ?? 0) > 0 || data?.pegged?.daysLate === null || data?.status.startsWith('late') === true }, ...textFilter },
    {
      // As MD04's "Rec./reqd qty": receipts positive, requirements negative, in one column.
      colId: 'quantity',
      headerName: 'Rec./reqd',
      headerTooltip: `Receipt (+) or requirement (−) quantity, in ${unit || 'the item’s unit'}`,
      field: 'quantity',
      type: 'numericColumn',
      width: 118,
      valueFormatter: ({ value, data }: { value?: number | null; data?: StockGridRow }) =>
        value === null || value === undefined ? '' : data && (isReceipt(data.kind) || data.kind === 'stock') ? quantity(value) : `−${quantity(-value)}`,
      ...numberFilter,
    },
    {
      colId: 'available',
      headerName: 'Available',
      headerTooltip: 'Available after the row: stock and receipts less requirements and safety stock',
      field: 'available',
      type: 'numericColumn',
      width: 120,
      valueFormatter: ({ value }: { value?: number | null }) => quantity(value),
      cellClass: ['ag-right-aligned-cell', 'cell-strong'],
      cellClassRules: { 'stock-available--short': ({ data }) => data?.short === true, 'stock-available--safety': ({ data }) => data?.belowSafetyStock === true },
      ...numberFilter,
    },
    { colId: 'pegging', headerName: 'Pegging', flex: 1, minWidth: 220, hide: panelOpen, valueGetter: ({ data }) => (data ? peggingSummary(data, unit) : ''), tooltipValueGetter: ({ value }) => String(value ?? '') },
  ];
}

/** A red edge on rows after which the item goes short, an amber one where it eats into the safety stock. */
export const stockRowClassRules = {
  'stock-row--short': (params: { data?: StockGridRow }) => params.data?.short === true,
  'stock-row--safety': (params: { data?: StockGridRow }) => params.data?.belowSafetyStock === true,
};
