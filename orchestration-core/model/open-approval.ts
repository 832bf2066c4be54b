// An approval request a snapshot reports as open state, as the event that would have announced it.
import type { CanonicalEvent, EventPayload } from '../../shared/events';

export function openApprovalAsEvent(open: EventPayload<'approval.requested'>): Extract<CanonicalEvent, { type: 'approval.requested' }> {
  return {
    id: `snapshot:${open.approvalId}`,
    stream: 'snapshot',
    seq: 1,
    type: 'approval.requested',
    source: 'snapshot',
    occurredAt: open.requestedAt,
    correlationId: open.approvalId,
    schemaVersion: 1,
    payload: open,
  };
}
