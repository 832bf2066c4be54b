import type { ConnectorStatus } from '../../shared/api/connectors';
import { formatCount } from '../format/numbers';
import { offlineConnectors, totalQueueDepth } from '../state/connectors-slice';

/** The offline banner's sentence, or null while every connector is reachable. */
export function offlineBannerText(statuses: readonly ConnectorStatus[]): string | null {
  if (offlineConnectors(statuses).length === 0) return null;
  const queued = totalQueueDepth(statuses);
  if (queued === 0) return 'Offline — no decisions queued; new decisions will be sent when the connection returns';
  if (queued === 1) return 'Offline — 1 decision queued; it will be sent when the connection returns';
  return `Offline — ${formatCount(queued, 'decision')} queued; they will be sent when the connection returns`;
}
