// Column definitions of a line stop's held-up orders grid, sized for a 1440 px window (vertical
// scrollbar included); the alternate line takes what is left. A CSV export holds the text shown, with
// quantities as plain numbers (the unit in the header) and dates as plain ISO dates a spreadsheet can
// compute with, each date of a span in a column of its own.
import type { ColDef, GetRowIdParams, SuppressKeyboardEventParams } from 'ag-grid-community';
import { waitsForTheLine, type HeldUpOrder } from '../../../shared/api/impact';
import { csvHeader } from '../../grid/csv-export';
import { formatQuantity } from '../../format/numbers';
import { lineKey } from '../../state/impact-reroutes';
import { AlternateCell, OrderItemCell, RerouteCell } from './held-up-cells';
import { alternateSortKey, chosenAlternate, describeRerouted, formatPlannedDates, formatWaitingDates, lineOutputUnit, noAlternateText, withoutAlternateText } from './held-up-format';

export const getHeldUpOrderRowId = (params: GetRowIdParams<HeldUpOrder>): string => params.data.productionOrderId;

export const heldUpOrderDefaultColDef = {
  sortable: true,
  resizable: true,
  filter: false,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
} as const satisfies ColDef;

/** A rerouted order has left the line: a green edge, as a resolved exception's pill. */
export const heldUpOrderRowClassRules = {
  'row--rerouted': (params: { data?: HeldUpOrder }) => params.data !== undefined && !waitsForTheLine(params.data),
  'row--reroute-refused': (params: { data?: HeldUpOrder }) => params.data?.rerouted?.upstream.state === 'refused',
};

/** Keys typed in a cell's select or button are theirs, not the grid's (no arrow-key navigation away). */
const keysStayInControls = ({ event }: SuppressKeyboardEventParams<HeldUpOrder>) => event.target instanceof HTMLSelectElement || event.target instanceof HTMLButtonElement;

export const heldUpOrderColumns: ColDef<HeldUpOrder>[] = [
  {
    colId: 'productionOrderId',
    headerName: 'Order · item',
    // A CSV has the item in a column of its own.
    headerValueGetter: ({ location }) => (location === 'csv' ? 'Order' : 'Order · item'),
    field: 'productionOrderId',
    width: 132,
    minWidth: 124,
    cellRenderer: OrderItemCell,
  },
  // Shown under the order; a column of its own in a CSV export (exported with the hidden columns).
  { colId: 'itemId', headerName: 'Item', field: 'itemId', hide: true },
  {
    colId: 'quantity',
    ...csvHeader('Quantity', `Quantity (${lineOutputUnit})`),
    field: 'quantity',
    width: 92,
    minWidth: 88,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatQuantity(value, lineOutputUnit) : ''),
    useValueFormatterForExport: false,
  },
  {
    colId: 'planned',
    ...csvHeader('Planned', 'Planned start'),
    headerTooltip: 'Start and due date in the plan before the stoppage',
    field: 'startDate',
    width: 146,
    minWidth: 140,
    valueFormatter: ({ data }) => (data ? formatPlannedDates(data) : ''),
    useValueFormatterForExport: false,
  },
  { colId: 'dueDate', headerName: 'Planned due', field: 'dueDate', hide: true },
  {
    colId: 'waiting',
    ...csvHeader('If it waits', 'Start if it waits'),
    headerTooltip: 'Start and due date if the order waits for the line to run again, and how much later it is due',
    field: 'waitingStartDate',
    width: 184,
    minWidth: 176,
    valueFormatter: ({ data }) => (data ? formatWaitingDates(data) : ''),
    useValueFormatterForExport: false,
  },
  { colId: 'waitingDueDate', headerName: 'Due if it waits', field: 'waitingDueDate', hide: true },
  {
    colId: 'alternate',
    headerName: 'Best alternate line',
    headerTooltip: 'Another line that makes the item and has room every day of the order’s window: the capacity it keeps free, and the orders hit if this order moves there and the others wait',
    flex: 1,
    minWidth: 300,
    valueGetter: ({ data }) => (data ? alternateSortKey(data) : null),
    sort: 'asc',
    // A refusal shows under the line it was about: the row grows to show it whole.
    autoHeight: true,
    wrapText: true,
    cellRenderer: AlternateCell,
    suppressKeyboardEvent: keysStayInControls,
    // Shown by the renderer; the text is what a CSV export holds.
    valueFormatter: ({ data }) => {
      const best = data ? chosenAlternate(data, data.rerouted ? lineKey(data.rerouted) : null) : null;
      return best ? lineKey(best) : data ? withoutAlternateText(data, false) : noAlternateText;
    },
  },
  {
    colId: 'reroute',
    headerName: 'Reroute',
    width: 184,
    minWidth: 176,
    sortable: false,
    cellRenderer: RerouteCell,
    suppressKeyboardEvent: keysStayInControls,
    valueGetter: ({ data }) => (data?.rerouted ? describeRerouted(data.rerouted) : ''),
  },
];
