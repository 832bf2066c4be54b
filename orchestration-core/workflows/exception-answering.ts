// How an exception's workflow answers it once for every workstation: the planner's answer goes to the
// gateway first (one per exception), and the response's commands follow only once it stands, so two
// planners never apply two responses to one disruption. An answer heard from another workstation
// closes this workstation's task; the exception shows that planner's choice
// (projections/exception-answer-projection.ts).
import type { ResponseChoice } from '../../shared/api/impact';
import type { CanonicalEvent } from '../../shared/events';
import type { Interrupt, WorkflowContext } from '../engine/workflow';
import { heldUpCarriedAtMost } from '../../shared/exception-answer';

/** What an exception workflow keeps of the answer it sent. */
export interface SentAnswer {
  commandId: string;
  responseId: ResponseChoice['responseId'];
  choice: ResponseChoice;
}

/**
 * Queues the exception.answer for the chosen response and records the choice here at once (the
 * planner sees it answered, pending upstream). Returns what the workflow keeps to wait for the reply.
 */
export function sendAnswer(ctx: WorkflowContext, exceptionId: string, choice: ResponseChoice, options: { approvalId?: string } = {}): SentAnswer {
  const stored = ctx.repos.exceptions.get(exceptionId);
  const response = stored?.responses.find((candidate) => candidate.id === choice.responseId);
  const payload = {
    exceptionId,
    responseId: choice.responseId,
    responseLabel: response?.label ?? choice.responseId,
    ...(choice.note ? { note: choice.note } : {}),
    remaining: response?.projected ?? null,
    ...(options.approvalId ? { approvalId: options.approvalId } : {}),
    ...(stored ? { weighed: stored.impact } : {}),
    ...(stored && 'stoppageId' in stored.detail && stored.detail.orders.length <= heldUpCarriedAtMost ? { heldUp: stored.detail.orders } : {}),
  };
  const commandId = ctx.emit('exception.answer', payload, { issuedBy: choice.by, entityId: exceptionId });
  ctx.repos.exceptions.noteAnswerCommand(exceptionId, commandId);
  ctx.repos.exceptions.chooseResponse(exceptionId, choice, options.approvalId !== undefined);
  ctx.changed('exception', exceptionId);
  return { commandId, responseId: choice.responseId, choice };
}

/** The gateway refused the answer: another workstation's stands (its event says which), or why not. */
export function refusalOf(signal: { reply: { reason?: string } }): string {
  return signal.reply.reason ?? 'refused upstream';
}

/** Another workstation's answer to the exception this instance recorded: its own answer is not news. */
export function answeredElsewhere<S extends { answer?: SentAnswer }>(step: string): Interrupt<S, 'exception.answered'> {
  return {
    // The instance that recorded the exception.
    instanceId: (event, repos) => repos.exceptions.get(event.payload.exceptionId)?.instanceId,
    applies: (state, event) => event.payload.commandId !== state.answer?.commandId,
    step,
  };
}

/** Closes this workstation's task for the exception, if it still has one open: the answer came from elsewhere. */
export function closeTask(taskId: string | null | undefined, ctx: WorkflowContext): void {
  if (!taskId) return;
  if (ctx.repos.tasks.get(taskId)?.status === 'open') ctx.repos.tasks.cancel(taskId, ctx.now);
}

export type AnsweredEvent = Extract<CanonicalEvent, { type: 'exception.answered' }>;
