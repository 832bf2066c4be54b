// Always-visible connector health: each connector's state, its queue and last sync, and the outbox total.
import type { ConnectorStatus } from '../../shared/api/connectors';
import { connectorLabel, connectorStateLabels } from '../format/labels';
import { formatTimeAgo } from '../format/time';
import { totalQueueDepth, useConnectorsStore } from '../state/connectors-slice';
import { useHostLinkStore } from '../state/host-link-slice';
import { useNow } from './use-now';

function ConnectorItem({ status, now }: { status: ConnectorStatus; now: number }) {
  const detail = [status.url, status.lastError ? `Last error: ${status.lastError}` : null].filter(Boolean).join('\n');
  return (
    <li className="status-bar__connector" data-testid={`connector-status-${status.id}`} data-state={status.state} title={detail}>
      <span className={`status-dot status-dot--${status.state}`} aria-hidden="true" />
      <span className="status-bar__name">{connectorLabel(status)}</span>
      <span className={`status-bar__state status-bar__state--${status.state}`}>{connectorStateLabels[status.state]}</span>
      <span className="status-bar__muted">
        {status.queueDepth > 0 ? `${status.queueDepth} queued · ` : ''}last sync {formatTimeAgo(status.lastSyncAt, now)}
      </span>
    </li>
  );
}

/** What the status bar says when the page cannot reach its host. */
const hostLinkLabels: Record<'reconnecting' | 'refused' | 'no-token', string> = {
  reconnecting: 'App host unreachable',
  refused: 'Link no longer valid',
  'no-token': 'Link has no token',
};

export function StatusBar() {
  const statuses = useConnectorsStore((state) => state.statuses);
  const loaded = useConnectorsStore((state) => state.loaded);
  const link = useHostLinkStore((state) => state.link);
  const hostLost = link === 'reconnecting' || link === 'refused' || link === 'no-token';
  const now = useNow(5_000);
  const queued = totalQueueDepth(statuses);
  return (
    <footer className="status-bar" data-testid="status-bar" aria-label="Connector status">
      {hostLost && (
        <span className="status-bar__connector" data-testid="host-link-status">
          <span className="status-dot status-dot--offline" aria-hidden="true" />
          <span className="status-bar__state--offline">{hostLinkLabels[link]}</span>
        </span>
      )}
      {/* Without the host the connector states below are the last ones it reported. */}
      <ul className={`status-bar__connectors${hostLost ? ' status-bar__connectors--stale' : ''}`} title={hostLost ? 'Last known state' : undefined}>
        {!loaded && link !== 'refused' && link !== 'no-token' && <li className="status-bar__muted">Connecting…</li>}
        {loaded && statuses.length === 0 && <li className="status-bar__muted">No connectors configured</li>}
        {statuses.map((status) => (
          <ConnectorItem key={status.id} status={status} now={now} />
        ))}
      </ul>
      <div className="status-bar__outbox" data-testid="outbox-depth">
        Outbox: {queued === 0 ? 'empty' : `${queued} ${queued === 1 ? 'decision' : 'decisions'} waiting for the gateway`}
      </div>
    </footer>
  );
}
