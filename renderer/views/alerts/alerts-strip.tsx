// The alerts no one has acknowledged yet, above a view's header: the most recent few, the rest one click
// away, so a scrap spike is seen wherever the planner or the quality engineer is working.
import './alerts.css';
import { useMemo, useState } from 'react';
import type { AlertRow } from '../../../shared/api/alerts';
import { formatDateTime } from '../../format/time';
import { acknowledgeAlert } from '../../state/alert-actions';
import { unacknowledgedAlerts, useAlertsStore } from '../../state/alerts-slice';
import { alertDetail, alertHeadline, moreAlertsLabel } from './alert-format';

/** Enough to see that something is wrong without pushing the grid off a laptop screen. */
const visibleAlerts = 3;

function AlertItem({ alert }: { alert: AlertRow }) {
  const [acknowledging, setAcknowledging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function acknowledge() {
    setError(null);
    setAcknowledging(true);
    try {
      await acknowledgeAlert(alert.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setAcknowledging(false);
    }
  }

  return (
    <li className="alert-item" data-testid={`alert-${alert.id}`}>
      <p className="alert-item__text">
        <strong className="alert-item__headline">{alertHeadline(alert)}</strong>
        <time className="alert-item__time" dateTime={alert.createdAt}>
          {' '}
          · {formatDateTime(alert.createdAt)}
        </time>
        <span className="visually-hidden"> — </span>
        <span className="alert-item__detail">{alertDetail(alert)}</span>
        {error && (
          <span className="alert-item__error" role="alert">
            Not acknowledged: {error}
          </span>
        )}
      </p>
      <button
        type="button"
        className="button button--small"
        onClick={() => void acknowledge()}
        disabled={acknowledging}
        aria-label={`Acknowledge ${alertHeadline(alert)}`}
        data-testid={`alert-ack-${alert.id}`}
      >
        {acknowledging ? 'Acknowledging…' : 'Acknowledge'}
      </button>
    </li>
  );
}

export function AlertsStrip() {
  const rowsById = useAlertsStore((state) => state.rowsById);
  const loadError = useAlertsStore((state) => state.loadError);
  const alerts = useMemo(() => unacknowledgedAlerts(rowsById), [rowsById]);
  const [expanded, setExpanded] = useState(false);
  // Not knowing whether there are alerts is worth a line; having none is worth nothing at all.
  if (alerts.length === 0 && loadError === null) return null;

  const shown = expanded ? alerts : alerts.slice(0, visibleAlerts);
  return (
    <section className="alerts-strip" aria-label="Alerts to acknowledge" data-testid="alerts-strip">
      {loadError !== null && (
        <p className="alerts-strip__load-error" role="alert">
          The alerts could not be loaded: {loadError}
        </p>
      )}
      {shown.length > 0 && (
        <ul className={`alerts-strip__list${expanded ? ' alerts-strip__list--expanded' : ''}`} aria-live="polite">
          {shown.map((alert) => (
            <AlertItem key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
      {alerts.length > visibleAlerts && (
        <button type="button" className="alerts-strip__more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)} data-testid="alerts-more">
          {expanded ? 'Show fewer' : moreAlertsLabel(alerts.length - visibleAlerts)}
        </button>
      )}
    </section>
  );
}
