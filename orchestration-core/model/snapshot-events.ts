// What a snapshot reports of decisions made and state left open elsewhere (a usage decision, an
// exception's answer, an approval request, a failed inspection), as the events that would have announced them.
import type { CanonicalEvent, EventPayload, EventType } from '../../shared/events';

type SnapshotEvent<T extends EventType> = Extract<CanonicalEvent, { type: T }>;

/** One envelope for every event a snapshot stands in for: stream "snapshot", named by what it reports. */
export function snapshotEvent<T extends EventType>(type: T, meta: { id: string; occurredAt: string; correlationId: string; plant?: string }, payload: EventPayload<T>): SnapshotEvent<T> {
  const { plant, ...rest } = meta;
  return { ...rest, ...(plant ? { plant } : {}), stream: 'snapshot', seq: 1, type, source: 'snapshot', schemaVersion: 1, payload } as SnapshotEvent<T>;
}

export const usageDecisionAsEvent = (made: EventPayload<'usageDecision.made'>): SnapshotEvent<'usageDecision.made'> =>
  snapshotEvent('usageDecision.made', { id: `snapshot:ud:${made.inspectionLotId}`, occurredAt: made.decidedAt, correlationId: made.lotId }, made);

export const exceptionAnswerAsEvent = (answer: EventPayload<'exception.answered'>): SnapshotEvent<'exception.answered'> =>
  snapshotEvent('exception.answered', { id: `snapshot:answer:${answer.commandId}`, occurredAt: answer.answeredAt, correlationId: answer.exceptionId }, answer);
