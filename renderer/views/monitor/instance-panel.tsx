// One workflow instance beside the grid: its correlation id, what it waits for, an incident's error
// with "Retry" once the cause is fixed, its history step by step, and its lines in the app's log file.
import { useEffect, useState } from 'react';
import type { InstanceHistoryEntry, LogLinesResult, MonitorInstanceRow } from '../../../shared/api/monitor';
import { apiClient } from '../../api/client';
import { formatDateTime } from '../../format/time';

const detailText = (detail: Record<string, unknown>): string =>
  Object.entries(detail)
    .filter(([key]) => key !== 'correlationId')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');

export function InstancePanel({ row, onDone, onClose }: { row: MonitorInstanceRow; onDone(message: string): void; onClose(): void }) {
  const [history, setHistory] = useState<InstanceHistoryEntry[] | null>(null);
  const [log, setLog] = useState<LogLinesResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    apiClient.invoke('monitor.instance', { id: row.id }).then(
      (found) => current && setHistory(found.history),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    apiClient.invoke('monitor.logLines', { correlationId: row.correlationKey, instanceId: row.id }).then(
      (found) => current && setLog(found),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [row]);

  async function retry() {
    setBusy(true);
    setError(null);
    try {
      await apiClient.invoke('monitor.retryIncident', { instanceId: row.id });
      onDone(`Retried ${row.workflow} for ${row.correlationKey}.`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <aside className="monitor-panel" aria-label={`Workflow ${row.workflow} for ${row.correlationKey}`} data-testid="instance-panel">
      <header className="monitor-panel__header">
        <h2>
          {row.workflow} v{row.version}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the workflow" onClick={onClose}>
          ×
        </button>
      </header>
      <dl className="monitor-panel__facts">
        <dt>Correlation id</dt>
        <dd data-testid="instance-correlation">{row.correlationKey}</dd>
        <dt>State</dt>
        <dd>{row.incident ? 'incident' : row.status}</dd>
        {row.waitsFor.length > 0 && (
          <>
            <dt>Waits for</dt>
            <dd>{row.waitsFor.join(' · ')}</dd>
          </>
        )}
      </dl>
      {row.incident && (
        <div className="callout callout--danger" data-testid="instance-incident">
          <strong>
            {row.incident.step} failed {row.incident.attempts} times
          </strong>
          <span>{row.incident.error}</span>
          <span>Fix the cause, then retry: the step runs again with what it failed on; nothing is applied twice.</span>
          <div>
            <button type="button" className="button button--small button--primary" disabled={busy} onClick={() => void retry()} data-testid="retry-incident">
              {busy ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ol className="monitor-panel__history" data-testid="instance-history">
        {(history ?? []).map((entry, at) => (
          <li key={at}>
            <span className="monitor-panel__when">{formatDateTime(entry.at)}</span> <strong>{entry.kind}</strong> {detailText(entry.detail)}
          </li>
        ))}
      </ol>
      <LogLines log={log} />
    </aside>
  );
}

/** A log line's fields but the ids the panel is about already. */
const fieldsText = ({ instanceId: _instanceId, ...fields }: Record<string, unknown>): string => detailText(fields);

/** The workflow's lines in the log file (its correlation id or instance id), oldest first. */
function LogLines({ log }: { log: LogLinesResult | null }) {
  if (!log) return null;
  return (
    <section className="monitor-panel__log" aria-labelledby="instance-log-title" data-testid="instance-log">
      <h3 id="instance-log-title">Log lines ({log.lines.length})</h3>
      {log.folder === null ? (
        <p className="cell-muted">This app writes no log file; its lines go to the console.</p>
      ) : log.lines.length === 0 ? (
        <p className="cell-muted">None in the newest log files.</p>
      ) : (
        <ol className="monitor-panel__log-lines">
          {log.lines.map((line, at) => (
            <li key={at} className={`log-line log-line--${line.level}`}>
              <span className="monitor-panel__when">{formatDateTime(line.at)}</span> <strong>{line.level}</strong> {line.message}
              {fieldsText(line.fields) && <span className="log-line__fields"> {fieldsText(line.fields)}</span>}
            </li>
          ))}
        </ol>
      )}
      {log.folder !== null && <p className="cell-muted" data-testid="instance-log-folder">From {log.folder}</p>}
    </section>
  );
}
