// Column definitions of the quarantine grid, in the order a quality engineer reads a lot: which lot,
// what, how much and where it stands, what went wrong, how long, the task and its decision; then where
// it came from. Widths fit a 1440 px window in compact density; with the disposition panel open the
// columns the panel shows for the selected lot step aside, and lot, item, quantity, defect, age and
// state stay readable.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { QuarantineRow, TaskState } from '../../../shared/api/quarantine';
import { inspectionLotStatusLabels, stockTypeLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { ConsumedCell, DefectCell, InspectionLotCell, ItemCell, QuantityCell, SourceCell, TaskStateCell } from './quarantine-cells';
import { compareForTriage, compareTimeOnHold, describeHold, describePostings, formatDecisionCell, formatHoldAge } from './quarantine-format';

export const getQuarantineRowId = (params: GetRowIdParams<QuarantineRow>): string => params.data.lotId;

export const quarantineDefaultColDef: ColDef<QuarantineRow> = {
  sortable: true,
  resizable: true,
  suppressMovable: false,
  filter: false,
  suppressHeaderMenuButton: true,
};

/** Hidden while the disposition panel takes the room: the panel shows them for the selected lot. */
export const quarantineColumnsShownInPanel = ['consumed', 'decision', 'inspectionLot', 'source'];

/** In touch density the larger type needs these columns' room too, while the panel (which shows them) is open. */
export const touchColumnsShownInPanel = ['defect', 'quantity'];

/** The fixed columns' widths per density: touch's larger type needs more room for a lot id or a state pill. */
export const fixedColumnWidths = {
  compact: { lot: 108, quantity: 144, age: 76, taskState: 180 },
  touch: { lot: 140, quantity: 172, age: 96, taskState: 212 },
} as const;

export const quarantineColumns: ColDef<QuarantineRow>[] = [
  {
    colId: 'lot',
    headerName: 'Lot',
    field: 'lotId',
    width: fixedColumnWidths.compact.lot,
    minWidth: 100,
    pinned: 'left',
    cellClass: 'cell-strong',
  },
  {
    colId: 'item',
    headerName: 'Item',
    field: 'itemId',
    flex: 1.3,
    minWidth: 130,
    cellRenderer: ItemCell,
    getQuickFilterText: ({ data }) => `${data.itemId} ${data.itemDescription}`,
  },
  {
    colId: 'quantity',
    headerName: 'Quantity',
    headerTooltip: 'What the lot holds now, and its stock type',
    field: 'quantity',
    width: fixedColumnWidths.compact.quantity,
    minWidth: 96,
    type: 'rightAligned',
    cellRenderer: QuantityCell,
    valueFormatter: ({ data }) => (data ? `${formatQuantity(data.quantity, data.unit)} ${stockTypeLabels[data.stockType]}` : ''),
  },
  {
    colId: 'consumed',
    headerName: 'Consumed',
    headerTooltip: 'How much of the lot production orders already consumed: containment matters then',
    field: 'consumedQuantity',
    width: 116,
    minWidth: 100,
    cellRenderer: ConsumedCell,
    valueFormatter: ({ data }) => (data ? formatQuantity(data.consumedQuantity, data.unit) : ''),
  },
  {
    colId: 'defect',
    headerName: 'Defect',
    field: 'defectCode',
    flex: 1.2,
    minWidth: 120,
    cellRenderer: DefectCell,
    getQuickFilterText: ({ data }) => `${data.defectCode} ${data.defectText}`,
  },
  {
    colId: 'age',
    headerName: 'Age',
    headerTooltip: 'Time on hold; a decided lot’s until its decision',
    field: 'holdSince',
    width: fixedColumnWidths.compact.age,
    minWidth: 64,
    comparator: (_a: string, _b: string, nodeA, nodeB) => compareTimeOnHold(nodeA.data, nodeB.data, Date.now()),
    valueFormatter: ({ data }) => (data ? formatHoldAge(data, Date.now()) : ''),
    tooltipValueGetter: ({ data }) => (data ? `On hold ${describeHold(data, Date.now())}` : ''),
  },
  {
    colId: 'taskState',
    headerName: 'Task state',
    field: 'taskState',
    width: fixedColumnWidths.compact.taskState,
    minWidth: 172,
    // Triage order: awaiting decision first, oldest hold first within a state.
    comparator: (_a: TaskState, _b: TaskState, nodeA, nodeB) => compareForTriage(nodeA.data, nodeB.data),
    sort: 'asc',
    cellRenderer: TaskStateCell,
  },
  {
    colId: 'decision',
    headerName: 'Usage decision',
    headerTooltip: 'The usage decision’s code and where its postings go',
    valueGetter: ({ data }) => (data ? formatDecisionCell(data) : ''),
    width: 136,
    minWidth: 120,
    tooltipValueGetter: ({ data }) =>
      data?.postings ? [describePostings(data.postings, data.unit), data.decisionReason ? `Reason: ${data.decisionReason}` : null].filter(Boolean).join('\n') : undefined,
  },
  {
    colId: 'inspectionLot',
    headerName: 'Inspection lot',
    headerTooltip: 'The inspection lot’s status in QM (UD: usage decision), and its number',
    field: 'inspectionLotStatus',
    // "Inspection lot" whole in its header.
    width: 132,
    minWidth: 124,
    cellRenderer: InspectionLotCell,
    valueFormatter: ({ data }) => (data ? `${inspectionLotStatusLabels[data.inspectionLotStatus]} (${data.inspectionLotId})` : ''),
    getQuickFilterText: ({ data }) => data.inspectionLotId,
  },
  {
    colId: 'source',
    // The cell holds both, plant over supplier: the header names both, on two lines.
    headerName: 'Plant / supplier',
    headerTooltip: 'The plant, and the supplier the lot came from',
    field: 'plant',
    width: 88,
    minWidth: 80,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    cellRenderer: SourceCell,
    valueFormatter: ({ data }) => (data ? `${data.plant} ${data.supplierId ?? 'In-house'}` : ''),
    getQuickFilterText: ({ data }) => `${data.plant} ${data.supplierId ?? ''}`,
  },
];
