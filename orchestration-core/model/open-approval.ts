// An approval request a snapshot reports as open state, as the event that would have announced it.
import type { CanonicalEvent, EventPayload } from '../../shared/events';
import { snapshotEvent } from './snapshot-events';

export function openApprovalAsEvent(open: EventPayload<'approval.requested'>): Extract<CanonicalEvent, { type: 'approval.requested' }> {
  return snapshotEvent('approval.requested', { id: `snapshot:${open.approvalId}`, occurredAt: open.requestedAt, correlationId: open.approvalId }, open);
}
