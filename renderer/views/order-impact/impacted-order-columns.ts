// Column definitions of the two grids of orders an exception makes later, sized for a 1440 px window
// (vertical scrollbar included), with room in each header for its filter button.
// Unfulfilled orders (supply no longer covers them at all) sort as the latest and read "unfulfilled".
// Numbers stay numbers and dates ISO (the formatters only display them), so they sort and filter as
// such; a CSV export keeps them plain, with the unit in the header, and says in a column of its own
// which orders are unfulfilled.
import type { ColDef } from 'ag-grid-community';
import type { ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../../shared/api/impact';
import { numberFilter, planDateFilter, textFilter } from '../../grid/column-filters';
import { csvMoneyHeader } from '../../grid/csv-export';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatPlanDate } from '../../format/time';
import { ItemLineCell, OrderExplainCell } from './impact-cells';
import { compareOrderLateness, formatDaysLate, formatOrderLateness, orderLateness } from './impact-format';

type ImpactedOrder = ImpactedCustomerOrderRow | ImpactedProductionOrderRow;
/** What both kinds of order have; the shared columns are built for either grid's row type. */
type OrderFields = Pick<ImpactedOrder, 'id' | 'itemId' | 'itemDescription' | 'plant' | 'quantity' | 'daysLate' | 'addedDaysLate' | 'unfulfilled'>;

export const getImpactedOrderRowId = (params: { data: { id: string } }): string => params.data.id;

export const impactedOrderDefaultColDef = {
  sortable: true,
  resizable: true,
  filter: false,
  // The column menu (pin, autosize) buys little in a grid this size; its button costs every header an icon's room.
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
} as const satisfies ColDef;

/** A red edge on orders that lost their supply, so they stand out in a long list. */
export const impactedOrderRowClassRules = {
  'row--unfulfilled': (params: { data?: { unfulfilled: boolean } }) => params.data?.unfulfilled === true,
};

// Value getters rather than `field`: a field name cannot be checked against a row type left generic.
function sharedColumns<Row extends OrderFields>() {
  const order: ColDef<Row, string> = {
    colId: 'id',
    headerName: 'Order',
    valueGetter: ({ data }) => data?.id ?? '',
    width: 128,
    minWidth: 120,
    cellClass: 'cell-strong',
    cellRenderer: OrderExplainCell,
    ...textFilter,
  };
  const item: ColDef<Row, string> = {
    colId: 'item',
    headerName: 'Item',
    valueGetter: ({ data }) => data?.itemId ?? '',
    flex: 1,
    minWidth: 150,
    cellRenderer: ItemLineCell,
    // Shown by the renderer; the text is what a CSV export holds.
    valueFormatter: ({ data }) => (data ? `${data.itemId} — ${data.itemDescription}` : ''),
    getQuickFilterText: ({ data }) => (data ? `${data.itemId} ${data.itemDescription}` : ''),
    filterValueGetter: ({ data }) => (data ? `${data.itemId} ${data.itemDescription}` : ''),
    ...textFilter,
  };
  const plant: ColDef<Row, string> = { colId: 'plant', headerName: 'Plant', valueGetter: ({ data }) => data?.plant ?? '', width: 84, minWidth: 80, ...textFilter };
  const quantity: ColDef<Row, number | null> = {
    colId: 'quantity',
    headerName: 'Quantity',
    valueGetter: ({ data }) => data?.quantity ?? null,
    width: 104,
    minWidth: 100,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatQuantity(value, '') : ''),
    ...numberFilter,
  };
  // The days as a number (none when unfulfilled); the row says whether supply covers the order at all.
  const daysLate: ColDef<Row, number | null> = {
    colId: 'daysLate',
    headerName: 'Days late',
    headerTooltip: 'Days late after the delay; unfulfilled: supply no longer covers the order at all',
    valueGetter: ({ data }) => data?.daysLate ?? null,
    width: 124,
    minWidth: 116,
    type: 'rightAligned',
    comparator: (_a, _b, nodeA, nodeB) => compareOrderLateness(nodeA.data ? orderLateness(nodeA.data) : null, nodeB.data ? orderLateness(nodeB.data) : null),
    sort: 'desc',
    valueFormatter: ({ data }) => formatOrderLateness(data ? orderLateness(data) : null),
    cellClassRules: { 'lateness--unfulfilled': ({ data }) => data?.unfulfilled === true },
    // "At least 10 days late" takes in the unfulfilled orders, as the column sorts them after every date.
    filterValueGetter: ({ data }) => (data?.unfulfilled ? Number.POSITIVE_INFINITY : (data?.daysLate ?? null)),
    ...numberFilter,
  };
  // Shown as "unfulfilled" in the days; a column of its own in a CSV export.
  const unfulfilled: ColDef<Row, boolean> = { colId: 'unfulfilled', headerName: 'Unfulfilled', valueGetter: ({ data }) => data?.unfulfilled ?? false, hide: true };
  const addedDaysLate: ColDef<Row, number | null> = {
    colId: 'addedDaysLate',
    headerName: 'Added days late',
    headerTooltip: 'How many days later than before the delay',
    valueGetter: ({ data }) => data?.addedDaysLate ?? null,
    width: 148,
    minWidth: 136,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatDaysLate(value) : '—'),
    ...numberFilter,
  };
  return { order, item, plant, quantity, daysLate, unfulfilled, addedDaysLate };
}

function planDateColumn<Row>(colId: string, headerName: string, date: (row: Row) => string): ColDef<Row, string> {
  return {
    colId,
    headerName,
    valueGetter: ({ data }) => (data ? date(data) : ''),
    width: 116,
    minWidth: 112,
    valueFormatter: ({ value }) => (value ? formatPlanDate(value) : ''),
    useValueFormatterForExport: false,
    ...planDateFilter,
  };
}

const customer = sharedColumns<ImpactedCustomerOrderRow>();
const production = sharedColumns<ImpactedProductionOrderRow>();

export const customerOrderColumns: ColDef<ImpactedCustomerOrderRow>[] = [
  customer.order,
  { colId: 'customerId', headerName: 'Customer', field: 'customerId', width: 112, minWidth: 108, ...textFilter },
  customer.item,
  customer.plant,
  customer.quantity,
  planDateColumn<ImpactedCustomerOrderRow>('shipDate', 'Ship date', (order) => order.shipDate),
  {
    colId: 'priority',
    headerName: 'Priority',
    headerTooltip: 'A higher priority is served first',
    field: 'priority',
    width: 96,
    minWidth: 92,
    type: 'rightAligned',
    ...numberFilter,
  },
  customer.daysLate,
  customer.unfulfilled,
  customer.addedDaysLate,
  {
    colId: 'revenueAtRisk',
    ...csvMoneyHeader('Revenue at risk'),
    headerTooltip: 'The order value, in the company currency: at risk once the order is later than before',
    field: 'revenueAtRisk',
    width: 144,
    minWidth: 132,
    type: 'rightAligned',
    // A cellClass of its own replaces the type's: keep the right alignment.
    cellClass: ['ag-right-aligned-cell', 'cell-strong'],
    valueFormatter: ({ value }) => formatMoney(value ?? 0),
    ...numberFilter,
  },
];

export const productionOrderColumns: ColDef<ImpactedProductionOrderRow>[] = [
  production.order,
  production.item,
  production.plant,
  { colId: 'line', headerName: 'Line', field: 'line', width: 80, minWidth: 76, ...textFilter },
  production.quantity,
  planDateColumn<ImpactedProductionOrderRow>('startDate', 'Start', (order) => order.startDate),
  planDateColumn<ImpactedProductionOrderRow>('dueDate', 'Due', (order) => order.dueDate),
  production.daysLate,
  production.unfulfilled,
  production.addedDaysLate,
];
