// Column definitions of the two grids of orders an exception makes later, sized for a 1440 px window
// (vertical scrollbar included).
// Unfulfilled orders (supply no longer covers them at all) sort as the latest and read "unfulfilled".
// A CSV export keeps amounts, days and dates as plain values a spreadsheet can compute with.
import type { ColDef } from 'ag-grid-community';
import type { ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../../shared/api/impact';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatPlanDate } from '../../format/time';
import { ItemLineCell } from './impact-cells';
import { compareOrderLateness, formatDaysLate, formatOrderLateness, orderLateness, type OrderLateness } from './impact-format';

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
  };
  const item: ColDef<Row, string> = {
    colId: 'item',
    headerName: 'Item',
    valueGetter: ({ data }) => data?.itemId ?? '',
    flex: 1,
    minWidth: 180,
    cellRenderer: ItemLineCell,
    // Shown by the renderer; the text is what a CSV export holds.
    valueFormatter: ({ data }) => (data ? `${data.itemId} — ${data.itemDescription}` : ''),
  };
  const plant: ColDef<Row, string> = { colId: 'plant', headerName: 'Plant', valueGetter: ({ data }) => data?.plant ?? '', width: 68, minWidth: 64 };
  const quantity: ColDef<Row, number | null> = {
    colId: 'quantity',
    headerName: 'Quantity',
    valueGetter: ({ data }) => data?.quantity ?? null,
    width: 90,
    minWidth: 84,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatQuantity(value, '') : ''),
    useValueFormatterForExport: false,
  };
  const daysLate: ColDef<Row, OrderLateness> = {
    colId: 'daysLate',
    headerName: 'Days late',
    headerTooltip: 'Days late after the delay; unfulfilled: supply no longer covers the order at all',
    valueGetter: ({ data }) => (data ? orderLateness(data) : null),
    width: 124,
    minWidth: 116,
    type: 'rightAligned',
    comparator: compareOrderLateness,
    sort: 'desc',
    valueFormatter: ({ value }) => formatOrderLateness(value),
    useValueFormatterForExport: false,
    cellClassRules: { 'lateness--unfulfilled': ({ value }) => value === 'unfulfilled' },
  };
  const addedDaysLate: ColDef<Row, number | null> = {
    colId: 'addedDaysLate',
    headerName: 'Added days late',
    headerTooltip: 'How many days later than before the delay',
    valueGetter: ({ data }) => data?.addedDaysLate ?? null,
    width: 148,
    minWidth: 136,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatDaysLate(value) : '—'),
    useValueFormatterForExport: false,
  };
  return { order, item, plant, quantity, daysLate, addedDaysLate };
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
  };
}

const customer = sharedColumns<ImpactedCustomerOrderRow>();
const production = sharedColumns<ImpactedProductionOrderRow>();

export const customerOrderColumns: ColDef<ImpactedCustomerOrderRow>[] = [
  customer.order,
  { colId: 'customerId', headerName: 'Customer', field: 'customerId', width: 96, minWidth: 88 },
  customer.item,
  customer.plant,
  customer.quantity,
  planDateColumn<ImpactedCustomerOrderRow>('shipDate', 'Ship date', (order) => order.shipDate),
  {
    colId: 'priority',
    headerName: 'Priority',
    headerTooltip: 'A higher priority is served first',
    field: 'priority',
    width: 80,
    minWidth: 76,
    type: 'rightAligned',
  },
  customer.daysLate,
  customer.addedDaysLate,
  {
    colId: 'revenueAtRisk',
    headerName: 'Revenue at risk',
    headerTooltip: 'The order value, in the company currency: at risk once the order is later than before',
    field: 'revenueAtRisk',
    width: 144,
    minWidth: 132,
    type: 'rightAligned',
    // A cellClass of its own replaces the type's: keep the right alignment.
    cellClass: ['ag-right-aligned-cell', 'cell-strong'],
    valueFormatter: ({ value }) => formatMoney(value ?? 0),
    useValueFormatterForExport: false,
  },
];

export const productionOrderColumns: ColDef<ImpactedProductionOrderRow>[] = [
  production.order,
  production.item,
  production.plant,
  { colId: 'line', headerName: 'Line', field: 'line', width: 72, minWidth: 64 },
  production.quantity,
  planDateColumn<ImpactedProductionOrderRow>('startDate', 'Start', (order) => order.startDate),
  planDateColumn<ImpactedProductionOrderRow>('dueDate', 'Due', (order) => order.dueDate),
  production.daysLate,
  production.addedDaysLate,
];
