// What a snapshot reports of decisions made on other workstations (a usage decision, an exception's
// answer), as the events that would have announced them.
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

export function exceptionAnswerAsEvent(answer: EventPayload<'exception.answered'>): Extract<CanonicalEvent, { type: 'exception.answered' }> {
  return {
    id: `snapshot:answer:${answer.commandId}`,
    stream: 'snapshot',
    seq: 1,
    type: 'exception.answered',
    source: 'snapshot',
    occurredAt: answer.answeredAt,
    correlationId: answer.exceptionId,
    schemaVersion: 1,
    payload: answer,
  };
}
