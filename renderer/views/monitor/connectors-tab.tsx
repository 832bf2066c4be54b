// Monitor's connectors: each stream of each connector with its cursor beside the gateway's head, how
// far and how long it is behind, the connector's state, reconnects and last error; and below, the
// plants' unit codes as support mapped them.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ConnectorStatus } from '../../../shared/api/connectors';
import type { UnitMappingRow } from '../../../shared/api/monitor';
import { connectorLabel } from '../../format/labels';
import { formatDateTime } from '../../format/time';
import { appGridTheme } from '../../grid/grid-theme';
import { textFilter } from '../../grid/column-filters';
import { GatewayTestForm } from './gateway-test-form';
import { useConnectorsStore } from '../../state/connectors-slice';
import { monitorDefaultColDef } from './monitor-columns';

interface StreamRow {
  key: string;
  connector: string;
  state: ConnectorStatus['state'];
  stream: string;
  cursor: number;
  head: number | null;
  behind: number;
  behindSeconds: number;
  reconnects: number;
  queueDepth: number;
  lastSyncAt: string | null;
  lastError: string | null;
}

function streamRows(statuses: readonly ConnectorStatus[]): StreamRow[] {
  return statuses.flatMap((status) =>
    status.streams.map((lag) => ({
      key: `${status.id}/${lag.stream}`,
      connector: connectorLabel(status),
      state: status.state,
      stream: lag.stream,
      cursor: lag.cursor,
      head: lag.head,
      behind: lag.events,
      behindSeconds: lag.seconds,
      reconnects: status.reconnects,
      queueDepth: status.queueDepth,
      lastSyncAt: status.lastSyncAt,
      lastError: status.lastError,
    })),
  );
}

const columns: ColDef<StreamRow>[] = [
  { colId: 'connector', headerName: 'Connector', field: 'connector', width: 112, cellClass: 'cell-strong', ...textFilter },
  { colId: 'state', headerName: 'State', field: 'state', width: 96, cellClassRules: { 'text-danger': ({ value }) => value === 'offline' }, ...textFilter },
  { colId: 'stream', headerName: 'Stream', field: 'stream', width: 104, ...textFilter },
  { colId: 'cursor', headerName: 'Cursor', headerTooltip: 'The last event applied here, by its seq', field: 'cursor', width: 84, type: 'numericColumn' },
  { colId: 'head', headerName: 'Head', headerTooltip: 'The gateway’s newest event on the stream, as last heard', field: 'head', width: 84, type: 'numericColumn', valueFormatter: ({ value }) => (value === null || value === undefined ? 'not heard' : String(value)) },
  { colId: 'behind', headerName: 'Behind', headerTooltip: 'Events the gateway has that are not applied here yet', field: 'behind', width: 84, type: 'numericColumn', cellClassRules: { 'text-danger': ({ value }) => Number(value) > 0 } },
  { colId: 'behindSeconds', headerName: 'Behind for', headerTooltip: 'How long this workstation has known of an event it has not applied', field: 'behindSeconds', width: 100, type: 'numericColumn', valueFormatter: ({ data }) => (!data || data.behind === 0 ? '—' : `${data.behindSeconds} s`) },
  { colId: 'reconnects', headerName: 'Reconnects', headerTooltip: 'Connections made again since the app started', field: 'reconnects', width: 108, type: 'numericColumn' },
  { colId: 'queue', headerName: 'Queued', headerTooltip: 'Commands waiting for this gateway’s reply', field: 'queueDepth', width: 84, type: 'numericColumn' },
  { colId: 'lastSync', headerName: 'Last sync', field: 'lastSyncAt', width: 168, valueFormatter: ({ value }) => (value ? formatDateTime(String(value)) : 'never') },
  { colId: 'lastError', headerName: 'Last error', field: 'lastError', flex: 1, minWidth: 160, tooltipField: 'lastError', cellClassRules: { 'text-danger': ({ value }) => Boolean(value), 'cell-muted': ({ value }) => !value }, valueFormatter: ({ value }) => (value ? String(value) : 'none'), ...textFilter },
];

const getStreamRowId = (params: GetRowIdParams<StreamRow>): string => params.data.key;

export function ConnectorsTab({ mappings }: { mappings: readonly UnitMappingRow[] | null }) {
  const statuses = useConnectorsStore((state) => state.statuses);
  return (
    <div className="monitor-connectors">
      <div className="monitor-connectors__grid">
        <AgGridReact<StreamRow> theme={appGridTheme} columnDefs={columns} defaultColDef={monitorDefaultColDef} rowData={streamRows(statuses)} getRowId={getStreamRowId} localeText={{ noRowsToShow: 'No connector configured' }} enableCellTextSelection tooltipShowDelay={400} />
      </div>
      <section className="monitor-connectors__mappings" aria-labelledby="unit-mappings-title">
        <h2 id="unit-mappings-title">Plant unit mappings</h2>
        {mappings === null ? (
          <p>Reading…</p>
        ) : mappings.length === 0 ? (
          <p data-testid="unit-mappings-none">None: every plant counts in master data&apos;s units. A dead letter naming an unknown unit code offers to map it.</p>
        ) : (
          <ul data-testid="unit-mappings">
            {mappings.map((mapping) => (
              <li key={`${mapping.plant}/${mapping.code}`}>
                {mapping.plant}: <strong>{mapping.code}</strong> is {mapping.unit} (mapped by {mapping.mappedBy}, {formatDateTime(mapping.mappedAt)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <GatewayTestForm />
    </div>
  );
}
