// Column definitions of the approvals grid, sized for a 1440 px window (vertical scrollbar included);
// the request and the two "what" columns take what is left. Each of those shows an id over what it says
// about it, and wraps (the row grows) rather than cut an id that is longer than its column. Who
// requested or decided shows the time beneath; the subject, the times, the plant and a use-as-is's facts
// are columns of their own too, hidden, so a CSV export carries them. Text filters sit under the
// headers; numbers and times filter from the header's button. A CSV export keeps amounts as plain
// numbers and times as YYYY-MM-DD HH:MM:SS in UTC, so a spreadsheet can compute with them.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ApprovalRow, DeviationRequest } from '../../../shared/api/approvals';
import { isoTimeFilter, numberFilter, textFilter } from '../../grid/column-filters';
import { csvMoneyHeader, csvTimeColumn } from '../../grid/csv-export';
import { approvalKindLabels } from '../../format/labels';
import { formatMoney } from '../../format/numbers';
import { formatDateTime, formatDue } from '../../format/time';
import { compareApprovalsForTriage } from '../../state/approvals-slice';
import { compareIsoTimes } from '../order-impact/impact-format';
import { ApprovalStatusCell, DecidedCell, DueCell, RequestedCell, RequestKindCell, RequestSourceCell, RequestTermsCell } from './approval-cells';
import { describeApprovalState, requestSourceLines, requestTermsLines, subjectDetail } from './approval-format';

export const getApprovalRowId = (params: GetRowIdParams<ApprovalRow>): string => params.data.id;

export const approvalDefaultColDef: ColDef<ApprovalRow> = {
  sortable: true,
  resizable: true,
  filter: false,
  floatingFilter: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

/** Columns that carry ids (items, lots, deviations, people) grow the row rather than cut one. */
const wholeIds = { autoHeight: true, wrapText: true } as const satisfies ColDef<ApprovalRow>;

/** Hidden while the detail panel takes the room (the panel shows them for the selected request); what is due first stays in sight. */
export const approvalColumnsShownInPanel = ['productionOrders', 'revenueAtRisk', 'decidedBy'];

const isoTimeColumn = (colId: string, headerName: string, time: (row: ApprovalRow) => string | null): ColDef<ApprovalRow, string | null> => ({
  colId,
  ...csvTimeColumn(headerName),
  valueGetter: ({ data }) => (data ? time(data) : null),
  hide: true,
  comparator: (a, b) => compareIsoTimes(a ?? '', b ?? ''),
  valueFormatter: ({ value }) => (value ? formatDateTime(value) : ''),
});

/** The request's kind, sentence, plant and reason: what a search of the Request column looks through. */
const requestText = ({ data }: { data?: ApprovalRow | undefined }) => (data ? `${approvalKindLabels[data.kind]} ${data.subject} ${subjectDetail(data)}` : '');

/** A use-as-is's fact for the CSV export, blank on a substitution. */
const deviationColumn = (colId: string, headerName: string, fact: (deviation: DeviationRequest) => string | number): ColDef<ApprovalRow> => ({
  colId,
  headerName,
  valueGetter: ({ data }) => (data?.deviation ? fact(data.deviation) : null),
  hide: true,
});

export const approvalColumns: ColDef<ApprovalRow>[] = [
  {
    colId: 'status',
    headerName: 'Status',
    // The state in words ("pending · escalated"): the cell is drawn again when a note comes or goes.
    valueGetter: ({ data }) => (data ? describeApprovalState(data) : ''),
    width: 124,
    minWidth: 116,
    // Triage order: waiting for a decision first, the longest waiting first; then the newest decisions.
    comparator: (_a: string, _b: string, nodeA, nodeB) => compareApprovalsForTriage(nodeA.data, nodeB.data),
    sort: 'asc',
    cellRenderer: ApprovalStatusCell,
    ...textFilter,
  },
  {
    colId: 'kind',
    headerName: 'Request',
    headerTooltip: 'What kind of request, over the plant and the requester’s reason; the request’s whole sentence is in the tooltip',
    field: 'kind',
    flex: 1,
    minWidth: 140,
    cellRenderer: RequestKindCell,
    tooltipField: 'subject',
    valueFormatter: ({ data }) => (data ? approvalKindLabels[data.kind] : ''),
    filterValueGetter: requestText,
    ...textFilter,
    ...wholeIds,
  },
  // The request's sentence repeats what the kind and the two "what" columns show; it is the tooltip,
  // the panel's, and a column of its own in a CSV export.
  { colId: 'subject', headerName: 'Subject', field: 'subject', hide: true },
  // The request's cell shows the plant beneath, with the requester's reason; the column is for the CSV export.
  { colId: 'plant', headerName: 'Plant', field: 'plant', width: 68, minWidth: 64, hide: true },
  {
    colId: 'fromItem',
    headerName: 'Item, lot or bin',
    headerTooltip: 'A substitution: the component in the production orders’ bill of materials. A use-as-is: the lot, over how much of it and its item. A transfer: the item, over how much of it. An adjustment: the bin counted, over what its book says',
    // Sorted by what the cell names first: the item replaced, or the lot.
    valueGetter: ({ data }) => data?.substitution?.fromItemId ?? data?.deviation?.lotId ?? data?.transfer?.itemId ?? data?.adjustment?.bin ?? '',
    flex: 1,
    minWidth: 140,
    cellRenderer: RequestSourceCell,
    ...wholeIds,
    valueFormatter: ({ data }) => (data ? requestSourceLines(data).text : ''),
    filterValueGetter: ({ data }) => (data ? requestSourceLines(data).text : ''),
    ...textFilter,
  },
  {
    colId: 'toItem',
    headerName: 'Substitute, deviation or change',
    headerTooltip: 'A substitution: the item the production orders would use instead. A use-as-is: the deviation it is used under, over the defect found. A transfer: between which plants, over when it arrives and its value. An adjustment: the difference counted, over its share and value',
    valueGetter: ({ data }) => data?.substitution?.toItemId ?? data?.deviation?.deviationNumber ?? data?.transfer?.toPlant ?? (data?.adjustment ? String(data.adjustment.difference) : ''),
    flex: 1,
    minWidth: 140,
    cellRenderer: RequestTermsCell,
    ...wholeIds,
    valueFormatter: ({ data }) => (data ? requestTermsLines(data).text : ''),
    filterValueGetter: ({ data }) => (data ? requestTermsLines(data).text : ''),
    ...textFilter,
  },
  {
    colId: 'productionOrders',
    headerName: 'Orders',
    headerTooltip: 'How many production orders would use the substitute',
    valueGetter: ({ data }) => data?.substitution?.productionOrderIds.length ?? null,
    width: 92,
    minWidth: 88,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? String(value) : '—'),
    ...numberFilter,
  },
  deviationColumn('lot', 'Lot', (deviation) => deviation.lotId),
  deviationColumn('quantity', 'Quantity', (deviation) => deviation.quantity),
  deviationColumn('unit', 'Unit', (deviation) => deviation.unit),
  deviationColumn('deviationNumber', 'Deviation', (deviation) => deviation.deviationNumber),
  deviationColumn('defectCode', 'Defect code', (deviation) => deviation.defectCode),
  deviationColumn('inspectionLot', 'Inspection lot', (deviation) => deviation.inspectionLotId),
  {
    colId: 'requestedBy',
    headerName: 'Requested',
    headerTooltip: 'Who requested it, and when',
    field: 'requestedBy',
    width: 150,
    minWidth: 150,
    cellRenderer: RequestedCell,
    ...wholeIds,
    ...textFilter,
  },
  isoTimeColumn('requestedAt', 'Requested at', (row) => row.requestedAt),
  {
    colId: 'due',
    // In a CSV the time it is due, not how long is left at the moment of the export.
    ...csvTimeColumn('Due'),
    headerTooltip: 'When the decision is due: the SLA of its kind from the request (settings, sla); past it, escalated to every supervisor',
    field: 'dueAt',
    width: 120,
    minWidth: 112,
    cellRenderer: DueCell,
    valueFormatter: ({ data }) => (data?.status === 'pending' && data.dueAt ? formatDue(data.dueAt, Date.now()).text : ''),
    ...isoTimeFilter,
  },
  {
    colId: 'revenueAtRisk',
    // Said in the header, not only its tooltip: a supervisor reading "EUR 0" must not take it for a request that protects nothing.
    ...csvMoneyHeader('At risk if approved'),
    headerTooltip: 'Revenue at risk projected if approved, against the plan before the disruption, in the company currency (the panel shows it beside the risk now)',
    valueGetter: ({ data }) => data?.projected?.revenueAtRisk ?? null,
    // The header wraps to two lines, as "Substitute, deviation or change" does, so the amount sets the width ("EUR 334,908").
    width: 124,
    minWidth: 116,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatMoney(value) : '—'),
    ...numberFilter,
  },
  {
    colId: 'revenueAtRiskNow',
    ...csvMoneyHeader('At risk now'),
    headerTooltip: 'Revenue at risk with no response, as the requester saw it',
    valueGetter: ({ data }) => data?.baseline?.revenueAtRisk ?? null,
    hide: true,
    type: 'rightAligned',
    valueFormatter: ({ value }) => (typeof value === 'number' ? formatMoney(value) : '—'),
  },
  {
    colId: 'decidedBy',
    headerName: 'Decided',
    headerTooltip: 'Who decided it, and when',
    field: 'decidedBy',
    width: 150,
    minWidth: 150,
    cellRenderer: DecidedCell,
    ...wholeIds,
    ...textFilter,
  },
  isoTimeColumn('decidedAt', 'Decided at', (row) => row.decidedAt),
];
