// Answers to exceptions heard from the stream (or a snapshot): another workstation's planner answered,
// so this workstation shows the exception answered, by whom, when, with the note and what the answer
// leaves late. This workstation's own answer is already recorded where it was given.
import type { EventPayload } from '../../shared/events';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Repos } from '../store/repos';
import type { LineStopRecords } from './line-stop-records';

export type AnswerHeard = EventPayload<'exception.answered'>;

/** Whether the answer is this workstation's own (the exception names the command that sent it). */
export function isOwnAnswer(answer: AnswerHeard, repos: Repos): boolean {
  return repos.exceptions.get(answer.exceptionId)?.answerCommandId === answer.commandId;
}

/**
 * `fromSnapshot`: this workstation weighed the disruption from its snapshot, against a plan that holds
 * the answer already (the expedite, the reschedule); it shows what the answering planner weighed.
 */
export function applyAnswerHeard(answer: AnswerHeard, repos: Repos, changes: ChangeTracker, lineStops: LineStopRecords, fromSnapshot = false): void {
  const stored = repos.exceptions.get(answer.exceptionId);
  // An exception this workstation does not weigh (no plan, or nothing hit here): nothing to show it on.
  if (!stored || stored.answerCommandId === answer.commandId) return;
  const approval = answer.approvalId === undefined ? undefined : repos.approvals.get(answer.approvalId);
  // The supervisor rejected what the answer asked for: it no longer stands.
  if (approval?.status === 'rejected') return;
  const choice = { responseId: answer.responseId, by: answer.answeredBy, at: answer.answeredAt, note: answer.note ?? null, label: answer.responseLabel };
  if (fromSnapshot && answer.weighed) repos.exceptions.setImpact(answer.exceptionId, answer.weighed);
  // The orders the stoppage held up then.
  if (fromSnapshot && answer.heldUp) lineStops.answerHeard(answer.exceptionId, answer.heldUp, answer.answeredBy);
  repos.exceptions.answeredElsewhere(answer.exceptionId, choice, answer.remaining, answer.approvalId !== undefined && approval?.status !== 'approved');
  changes.changed('exception', answer.exceptionId);
}
