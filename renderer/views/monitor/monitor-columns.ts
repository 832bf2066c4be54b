// Columns of Monitor's grids: workflow instances (incident first in sight), dead letters (reason
// naming the field), and the commands still pending upstream. Times stay ISO so they sort and filter.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { DeadLetterRow, MonitorInstanceRow, PendingCommandRow } from '../../../shared/api/monitor';
import { isoTimeFilter, numberFilter, textFilter } from '../../grid/column-filters';
import { formatDateTime } from '../../format/time';

const time = ({ value }: { value?: string | null }) => (value ? formatDateTime(value) : '');

export const monitorDefaultColDef: ColDef = { sortable: true, resizable: true, suppressHeaderMenuButton: true };

export const getInstanceRowId = (params: GetRowIdParams<MonitorInstanceRow>): string => params.data.id;
export const getDeadLetterRowId = (params: GetRowIdParams<DeadLetterRow>): string => String(params.data.id);
export const getPendingRowId = (params: GetRowIdParams<PendingCommandRow>): string => params.data.commandId;

/** With a workflow open beside it, the grid keeps what it is and what it waits for; the panel says the rest. */
export const instanceColumns = (panelOpen: boolean): ColDef<MonitorInstanceRow>[] => [
  { colId: 'workflow', headerName: 'Workflow', width: 190, valueGetter: ({ data }) => (data ? `${data.workflow} v${data.version}` : ''), cellClass: 'cell-strong', ...textFilter },
  { colId: 'correlation', headerName: 'Correlation id', field: 'correlationKey', width: 200, tooltipField: 'correlationKey', ...textFilter },
  {
    colId: 'state',
    headerName: 'State',
    width: 130,
    valueGetter: ({ data }) => (data?.incident ? 'incident' : (data?.status ?? '')),
    cellClassRules: { 'text-danger': ({ value }) => value === 'incident' },
    ...textFilter,
  },
  // Null until a step after the start ran: the instance still waits where its start left it.
  { colId: 'step', headerName: 'Last step', width: 140, hide: panelOpen, valueGetter: ({ data }) => data?.step ?? 'start', ...textFilter },
  {
    colId: 'waits',
    headerName: 'Waits for / error',
    flex: 1,
    minWidth: 240,
    valueGetter: ({ data }) => (data?.incident ? `${data.incident.step} failed ${data.incident.attempts}×: ${data.incident.error}` : (data?.waitsFor.join(' · ') ?? '')),
    tooltipValueGetter: ({ value }) => String(value ?? ''),
    ...textFilter,
  },
  { colId: 'nextDue', headerName: 'Next timer', field: 'nextDueAt', width: 170, hide: panelOpen, valueFormatter: time, ...isoTimeFilter },
  { colId: 'updated', headerName: 'Changed', field: 'updatedAt', width: 170, hide: panelOpen, valueFormatter: time, sort: 'desc', ...isoTimeFilter },
];

export const deadLetterColumns: ColDef<DeadLetterRow>[] = [
  { colId: 'id', headerName: '#', field: 'id', width: 80, type: 'numericColumn', ...numberFilter },
  { colId: 'received', headerName: 'Received', field: 'receivedAt', width: 170, valueFormatter: time, sort: 'desc', ...isoTimeFilter },
  { colId: 'connector', headerName: 'Connector', width: 190, valueGetter: ({ data }) => (data ? `${data.connector}${data.stream ? ` · ${data.stream}#${data.seq}` : ''}` : ''), ...textFilter },
  { colId: 'reason', headerName: 'Reason', field: 'reason', flex: 1, minWidth: 280, tooltipField: 'reason', cellClass: 'text-danger', ...textFilter },
  {
    colId: 'resolution',
    headerName: 'Resolved',
    width: 200,
    valueGetter: ({ data }) => (data?.resolution ? `${data.resolution} by ${data.resolvedBy}` : 'open'),
    tooltipValueGetter: ({ data }) => (data?.resolutionNote ? `${data.resolution}: ${data.resolutionNote}` : ''),
    ...textFilter,
  },
];

export const pendingColumns: ColDef<PendingCommandRow>[] = [
  { colId: 'type', headerName: 'Command', field: 'type', width: 190, cellClass: 'cell-strong', ...textFilter },
  { colId: 'entity', headerName: 'For', field: 'entityId', width: 200, ...textFilter },
  { colId: 'connector', headerName: 'Connector', field: 'connector', width: 130, ...textFilter },
  { colId: 'attempts', headerName: 'Attempts', field: 'attempts', width: 110, type: 'numericColumn', ...numberFilter },
  { colId: 'lastAttempt', headerName: 'Last attempt', field: 'lastAttemptAt', width: 170, valueFormatter: time, ...isoTimeFilter },
  { colId: 'created', headerName: 'Queued', field: 'createdAt', width: 170, valueFormatter: time, ...isoTimeFilter },
  { colId: 'commandId', headerName: 'Command id', field: 'commandId', flex: 1, minWidth: 200, ...textFilter },
];
