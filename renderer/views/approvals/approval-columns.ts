// Column definitions of the approvals grid, sized for a 1440 px window (vertical scrollbar included);
// the subject and the two items take what is left. Who requested or decided shows the time beneath;
// the times and the kind are columns of their own too, hidden, so a CSV export carries them.
// A CSV export keeps amounts as plain numbers and times ISO, so a spreadsheet can compute with them.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ApprovalRow, ApprovalStatus } from '../../../shared/api/approvals';
import { approvalKindLabels } from '../../format/labels';
import { formatMoney } from '../../format/numbers';
import { formatDateTime, formatDue } from '../../format/time';
import { compareApprovalsForTriage } from '../../state/approvals-slice';
import { compareIsoTimes } from '../order-impact/impact-format';
import { ApprovalStatusCell, DecidedCell, DueCell, FromItemCell, RequestedCell, SubjectCell, ToItemCell } from './approval-cells';
import { describeApprovalState } from './approval-format';

export const getApprovalRowId = (params: GetRowIdParams<ApprovalRow>): string => params.data.id;

export const approvalDefaultColDef: ColDef<ApprovalRow> = {
  sortable: true,
  resizable: true,
  filter: false,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

/** Hidden while the detail panel takes the room: the panel shows them for the selected request. */
export const approvalColumnsShownInPanel = ['subject', 'due', 'decidedBy'];

const isoTimeColumn = (colId: string, headerName: string, time: (row: ApprovalRow) => string | null): ColDef<ApprovalRow, string | null> => ({
  colId,
  headerName,
  valueGetter: ({ data }) => (data ? time(data) : null),
  hide: true,
  comparator: (a, b) => compareIsoTimes(a ?? '', b ?? ''),
  valueFormatter: ({ value }) => (value ? formatDateTime(value) : ''),
  useValueFormatterForExport: false,
});

export const approvalColumns: ColDef<ApprovalRow>[] = [
  {
    colId: 'status',
    headerName: 'Status',
    field: 'status',
    width: 124,
    minWidth: 116,
    // Triage order: waiting for a decision first, the longest waiting first; then the newest decisions.
    comparator: (_a: ApprovalStatus, _b: ApprovalStatus, nodeA, nodeB) => compareApprovalsForTriage(nodeA.data, nodeB.data),
    sort: 'asc',
    cellRenderer: ApprovalStatusCell,
    valueFormatter: ({ data }) => (data ? describeApprovalState(data) : ''),
  },
  {
    colId: 'kind',
    headerName: 'Kind',
    field: 'kind',
    hide: true,
    valueFormatter: ({ data }) => (data ? approvalKindLabels[data.kind] : ''),
  },
  {
    colId: 'subject',
    headerName: 'Subject',
    field: 'subject',
    flex: 1.2,
    minWidth: 160,
    cellRenderer: SubjectCell,
    tooltipField: 'subject',
  },
  // The subject names the plant; the column is for the CSV export.
  { colId: 'plant', headerName: 'Plant', field: 'plant', width: 68, minWidth: 64, hide: true },
  {
    colId: 'fromItem',
    headerName: 'From item',
    headerTooltip: 'The component in the production orders’ bill of materials',
    valueGetter: ({ data }) => data?.substitution.fromItemId ?? '',
    flex: 1,
    minWidth: 140,
    cellRenderer: FromItemCell,
    valueFormatter: ({ data }) => (data ? `${data.substitution.fromItemId} — ${data.fromItemDescription}` : ''),
  },
  {
    colId: 'toItem',
    headerName: 'To item',
    headerTooltip: 'The substitute the production orders would use instead',
    valueGetter: ({ data }) => data?.substitution.toItemId ?? '',
    flex: 1,
    minWidth: 140,
    cellRenderer: ToItemCell,
    valueFormatter: ({ data }) => (data ? `${data.substitution.toItemId} — ${data.toItemDescription}` : ''),
  },
  {
    colId: 'productionOrders',
    headerName: 'Orders',
    headerTooltip: 'How many production orders would use the substitute',
    valueGetter: ({ data }) => data?.substitution.productionOrderIds.length ?? 0,
    width: 84,
    minWidth: 76,
    type: 'rightAligned',
  },
  {
    colId: 'requestedBy',
    headerName: 'Requested',
    headerTooltip: 'Who requested it, and when',
    field: 'requestedBy',
    width: 160,
    minWidth: 150,
    cellRenderer: RequestedCell,
  },
  isoTimeColumn('requestedAt', 'Requested at', (row) => row.requestedAt),
  {
    colId: 'due',
    headerName: 'Due',
    headerTooltip: 'When the decision is due: 4 hours from the request',
    field: 'dueAt',
    width: 132,
    minWidth: 120,
    cellRenderer: DueCell,
    valueFormatter: ({ data }) => (data?.status === 'pending' && data.dueAt ? formatDue(data.dueAt, Date.now()).text : ''),
  },
  {
    colId: 'revenueAtRisk',
    headerName: 'Revenue at risk',
    headerTooltip: 'Projected if approved, against the plan before the disruption, in the company currency',
    valueGetter: ({ data }) => data?.projected?.revenueAtRisk ?? null,
    // Wide enough for the header on one line beside the sort arrow.
    width: 136,
    minWidth: 128,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatMoney(value) : '—'),
    useValueFormatterForExport: false,
  },
  {
    colId: 'decidedBy',
    headerName: 'Decided',
    headerTooltip: 'Who decided it, and when',
    field: 'decidedBy',
    width: 160,
    minWidth: 150,
    cellRenderer: DecidedCell,
  },
  isoTimeColumn('decidedAt', 'Decided at', (row) => row.decidedAt),
];
