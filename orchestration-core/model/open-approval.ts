// An approval request a snapshot reports, open or decided, as the events that would have announced it.
import type { CanonicalEvent, EventPayload } from '../../shared/events';
import { snapshotEvent } from './snapshot-events';

export function openApprovalAsEvent(open: EventPayload<'approval.requested'>): Extract<CanonicalEvent, { type: 'approval.requested' }> {
  return snapshotEvent('approval.requested', { id: `snapshot:${open.approvalId}`, occurredAt: open.requestedAt, correlationId: open.approvalId }, open);
}

/** A decision a snapshot reports, as the event that announced it. */
export function decidedApprovalAsEvent(decided: EventPayload<'approval.decided'>): Extract<CanonicalEvent, { type: 'approval.decided' }> {
  return snapshotEvent('approval.decided', { id: `snapshot:${decided.approvalId}:decided`, occurredAt: decided.decidedAt, correlationId: decided.approvalId }, decided);
}
