// A usage decision a snapshot reports, as the event that would have announced it.
import type { CanonicalEvent, EventPayload } from '../../shared/events';

export function usageDecisionAsEvent(made: EventPayload<'usageDecision.made'>): Extract<CanonicalEvent, { type: 'usageDecision.made' }> {
  return {
    id: `snapshot:ud:${made.inspectionLotId}`,
    stream: 'snapshot',
    seq: 1,
    type: 'usageDecision.made',
    source: 'snapshot',
    occurredAt: made.decidedAt,
    correlationId: made.lotId,
    schemaVersion: 1,
    payload: made,
  };
}
