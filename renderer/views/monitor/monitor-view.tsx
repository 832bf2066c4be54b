// Monitor: what support needs to run the app without a developer. Workflow instances (incidents first
// when asked), the dead letters a connector could not take in, the commands still pending upstream,
// and each connector's streams against the gateway's heads; a chosen row's detail beside its grid, with what can be done about it. Read again every
// few seconds while open.
import './monitor.css';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useState } from 'react';
import type { DeadLetterRow, InstanceCounts, InstanceShow, MonitorInstanceRow, PendingCommandRow, UnitMappingRow } from '../../../shared/api/monitor';
import { mayCall, roleWithArticle } from '../../../shared/api/roles';
import { apiClient } from '../../api/client';
import { formatCount } from '../../format/numbers';
import { appGridTheme } from '../../grid/grid-theme';
import { useConnectorsStore } from '../../state/connectors-slice';
import { useSessionStore } from '../../state/session-slice';
import { ConnectorsTab } from './connectors-tab';
import { DeadLetterPanel } from './dead-letter-panel';
import { InstancePanel } from './instance-panel';
import { deadLetterColumns, getDeadLetterRowId, getInstanceRowId, getPendingRowId, instanceColumns, monitorDefaultColDef, pendingColumns } from './monitor-columns';

type Tab = 'workflows' | 'dead-letters' | 'outbox' | 'connectors';
const refreshMs = 5000;

interface MonitorData {
  instances: { rows: MonitorInstanceRow[]; counts: InstanceCounts };
  deadLetters: DeadLetterRow[];
  outbox: PendingCommandRow[];
  mapping: { mappings: UnitMappingRow[]; units: string[] };
}

export function MonitorView() {
  const role = useSessionStore((state) => state.session?.role ?? null);
  const allowed = role !== null && mayCall(role, 'monitor.instances');
  const [tab, setTab] = useState<Tab>('workflows');
  const [show, setShow] = useState<InstanceShow>('incidents');
  const [openOnly, setOpenOnly] = useState(true);
  const [data, setData] = useState<MonitorData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; warn: boolean } | null>(null);
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [letterId, setLetterId] = useState<number | null>(null);
  const statuses = useConnectorsStore((state) => state.statuses);

  const load = useCallback(async () => {
    try {
      const [instances, deadLetters, outbox, mapping] = await Promise.all([
        apiClient.invoke('monitor.instances', { show }),
        apiClient.invoke('monitor.deadLetters', { open: openOnly }),
        apiClient.invoke('monitor.outbox', {}),
        apiClient.invoke('monitor.unitMappings', {}),
      ]);
      setData({ instances, deadLetters, outbox, mapping });
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [show, openOnly]);
  useEffect(() => {
    if (!allowed) return;
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [allowed, load]);

  const done = (message: string, warn = false) => {
    setNotice({ text: message, warn });
    void load();
  };

  if (!allowed)
    return (
      <section className="view monitor-view" aria-labelledby="monitor-title">
        <header className="view-header">
          <h1 id="monitor-title">Monitor</h1>
        </header>
        <p className="callout callout--warning" data-testid="monitor-not-allowed">
          Monitor is for support (an operator) and supervisors; you are signed in as {role ? roleWithArticle(role) : 'nobody'}.
        </p>
      </section>
    );

  const instance = data?.instances.rows.find((row) => row.id === instanceId);
  const workflowColumns = instanceColumns(instance !== undefined);
  const letter = data?.deadLetters.find((row) => row.id === letterId);
  const counts = data?.instances.counts;
  const openLetters = data?.deadLetters.filter((row) => row.resolution === null).length ?? 0;
  const behind = statuses.reduce((sum, status) => sum + status.streams.reduce((events, lag) => events + lag.events, 0), 0);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'workflows', label: `Workflows${counts ? ` · ${counts.incidents} incident${counts.incidents === 1 ? '' : 's'}` : ''}` },
    { id: 'dead-letters', label: `Dead letters${data ? ` · ${openLetters}${openOnly ? '' : ' open'}` : ''}` },
    { id: 'outbox', label: `Outbox${data ? ` · ${data.outbox.length} pending` : ''}` },
    { id: 'connectors', label: `Connectors${behind > 0 ? ` · ${behind} behind` : ''}` },
  ];

  return (
    <section className="view monitor-view" aria-labelledby="monitor-title">
      <header className="view-header">
        <div>
          <h1 id="monitor-title">Monitor</h1>
          <p className="view-header__summary" data-testid="monitor-summary">
            {counts ? (
              <>
                {formatCount(counts.all, 'workflow instance')}, {counts.running} running,{' '}
                <span className={counts.incidents > 0 ? 'text-danger' : ''}>{formatCount(counts.incidents, 'incident')}</span> ·{' '}
                <span className={counts.escalated > 0 ? 'text-danger' : ''} data-testid="monitor-escalated">
                  {formatCount(counts.escalated, 'escalated task')}
                </span>{' '}
                · {formatCount(openLetters, 'open dead letter')} · {formatCount(data?.outbox.length ?? 0, 'command')} pending upstream
              </>
            ) : (
              'Reading…'
            )}
          </p>
        </div>
        <div className="view-header__actions">
          <button type="button" className="button" onClick={() => void load()} data-testid="monitor-refresh">
            Refresh
          </button>
        </div>
      </header>
      <div className="monitor-tabs" role="tablist" aria-label="Monitor">
        {tabs.map((entry) => (
          <button key={entry.id} type="button" role="tab" aria-selected={tab === entry.id} className={`monitor-tab${tab === entry.id ? ' monitor-tab--active' : ''}`} onClick={() => setTab(entry.id)} data-testid={`monitor-tab-${entry.id}`}>
            {entry.label}
          </button>
        ))}
        {tab === 'workflows' && (
          <label className="monitor-tabs__filter">
            <span>Show</span>
            <select value={show} onChange={(event) => setShow(event.target.value as InstanceShow)} data-testid="monitor-show">
              <option value="incidents">incidents</option>
              <option value="running">running</option>
              <option value="all">all, newest first</option>
            </select>
          </label>
        )}
        {tab === 'dead-letters' && (
          <label className="monitor-tabs__filter">
            <input type="checkbox" checked={openOnly} onChange={(event) => setOpenOnly(event.target.checked)} data-testid="monitor-open-only" /> <span>open only</span>
          </label>
        )}
      </div>
      {error && (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className={notice.warn ? 'callout callout--warning' : 'notice-done'} role="status" data-testid="monitor-notice">
          {notice.text}
        </p>
      )}
      <div className={`view__body${(tab === 'workflows' && instance) || (tab === 'dead-letters' && letter) ? ' view__body--with-panel' : ''}`}>
        <div className="monitor-grid" data-testid={`monitor-grid-${tab}`}>
          {tab === 'workflows' && (
            <AgGridReact<MonitorInstanceRow>
              theme={appGridTheme}
              columnDefs={workflowColumns}
              defaultColDef={monitorDefaultColDef}
              rowData={data?.instances.rows ?? []}
              getRowId={getInstanceRowId}
              onRowClicked={({ data: row }) => row && setInstanceId(row.id)}
              localeText={{ noRowsToShow: show === 'incidents' ? 'No incident: every workflow step ran' : 'No workflow instance' }}
              loading={data === null}
              enableCellTextSelection
              tooltipShowDelay={400}
            />
          )}
          {tab === 'dead-letters' && (
            <AgGridReact<DeadLetterRow>
              theme={appGridTheme}
              columnDefs={deadLetterColumns}
              defaultColDef={monitorDefaultColDef}
              rowData={data?.deadLetters ?? []}
              getRowId={getDeadLetterRowId}
              onRowClicked={({ data: row }) => row && setLetterId(row.id)}
              localeText={{ noRowsToShow: openOnly ? 'No open dead letter: every message was taken in' : 'No dead letter' }}
              loading={data === null}
              enableCellTextSelection
              tooltipShowDelay={400}
            />
          )}
          {tab === 'outbox' && (
            <AgGridReact<PendingCommandRow>
              theme={appGridTheme}
              columnDefs={pendingColumns}
              defaultColDef={monitorDefaultColDef}
              rowData={data?.outbox ?? []}
              getRowId={getPendingRowId}
              localeText={{ noRowsToShow: 'Nothing pending upstream' }}
              loading={data === null}
              enableCellTextSelection
            />
          )}
          {tab === 'connectors' && <ConnectorsTab mappings={data?.mapping.mappings ?? null} />}
        </div>
        {tab === 'workflows' && instance && <InstancePanel row={instance} onDone={done} onClose={() => setInstanceId(null)} />}
        {tab === 'dead-letters' && letter && <DeadLetterPanel key={letter.id} letter={letter} units={data?.mapping.units ?? []} onDone={done} onClose={() => setLetterId(null)} />}
      </div>
    </section>
  );
}
