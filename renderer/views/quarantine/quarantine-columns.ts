// Column definitions of the quarantine grid. Widths fit a 1440 px window with the disposition panel
// open (plant and stock type are hidden then); the two descriptive columns take what is left.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { QuarantineRow, TaskState } from '../../../shared/api/quarantine';
import { stockTypeLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { formatAge, formatDateTime } from '../../format/time';
import { DefectCell, ItemCell, TaskStateCell } from './quarantine-cells';
import { compareForTriage, compareHoldSince, formatDecisionCell } from './quarantine-format';

export const getQuarantineRowId = (params: GetRowIdParams<QuarantineRow>): string => params.data.lotId;

export const quarantineDefaultColDef: ColDef<QuarantineRow> = {
  sortable: true,
  resizable: true,
  suppressMovable: false,
  filter: false,
};

export const quarantineColumns: ColDef<QuarantineRow>[] = [
  {
    colId: 'lot',
    headerName: 'Lot',
    field: 'lotId',
    width: 112,
    minWidth: 104,
    pinned: 'left',
    cellClass: 'cell-strong',
  },
  {
    colId: 'item',
    headerName: 'Item',
    field: 'itemId',
    flex: 1.3,
    minWidth: 170,
    cellRenderer: ItemCell,
    getQuickFilterText: ({ data }) => `${data.itemId} ${data.itemDescription}`,
  },
  { colId: 'plant', headerName: 'Plant', field: 'plant', width: 76, minWidth: 68 },
  {
    colId: 'quantity',
    headerName: 'Quantity',
    field: 'quantity',
    width: 108,
    minWidth: 96,
    type: 'rightAligned',
    valueFormatter: ({ data }) => (data ? formatQuantity(data.quantity, data.unit) : ''),
  },
  {
    colId: 'stockType',
    headerName: 'Stock type',
    field: 'stockType',
    width: 148,
    minWidth: 120,
    valueFormatter: ({ data }) => (data ? stockTypeLabels[data.stockType] : ''),
  },
  {
    colId: 'defect',
    headerName: 'Defect',
    field: 'defectCode',
    flex: 1.2,
    minWidth: 170,
    cellRenderer: DefectCell,
    getQuickFilterText: ({ data }) => `${data.defectCode} ${data.defectText}`,
  },
  {
    colId: 'age',
    headerName: 'Age',
    headerTooltip: 'Time on hold',
    field: 'holdSince',
    width: 76,
    minWidth: 70,
    comparator: compareHoldSince,
    valueFormatter: ({ data }) => (data ? formatAge(data.holdSince, Date.now()) : ''),
    tooltipValueGetter: ({ data }) => (data ? `On hold since ${formatDateTime(data.holdSince)}` : ''),
  },
  {
    colId: 'taskState',
    headerName: 'Task state',
    field: 'taskState',
    width: 172,
    minWidth: 164,
    // Triage order: awaiting decision first, oldest hold first within a state.
    comparator: (_a: TaskState, _b: TaskState, nodeA, nodeB) => compareForTriage(nodeA.data, nodeB.data),
    sort: 'asc',
    cellRenderer: TaskStateCell,
  },
  {
    colId: 'decision',
    headerName: 'Decision',
    field: 'decision',
    width: 132,
    minWidth: 112,
    valueFormatter: ({ data }) => (data ? formatDecisionCell(data) : ''),
    tooltipValueGetter: ({ data }) => (data?.decisionReason ? `Reason: ${data.decisionReason}` : undefined),
  },
];
