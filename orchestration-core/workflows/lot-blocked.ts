// A lot failed inspection and is blocked: the plan can no longer allocate it. Against the plan where
// the lot had passed, find the production and customer orders that were counting on it, record that
// as an Order Impact exception and, when orders are hit, ask a planner to acknowledge the shortfall
// (transfers and other answers to a shortage belong to rebalancing). The usage decision itself stays
// with the quality engineer (inspection-failed.ts); once the ERP posts it, the exception is weighed
// again: what the released part covers is no longer late, and with nothing left late it is resolved.
import { Refusal } from '../engine/refusal';
import { respondArgsSchema, type ExceptionResponse, type LotBlockDetail } from '../../shared/api/impact';
import type { PlanChange } from '../model/plan-changes';
import { summarize } from '../model/impact';
import { derivedId } from '../engine/derived-ids';
import { defineWorkflow, waitForEvent, waitForReply, waitForTask, type StepOutcome, type WorkflowContext } from '../engine/workflow';
import { answeredElsewhere, closeTask, refusalOf, sendAnswer, type SentAnswer } from './exception-answering';

interface LotBlockedState {
  exceptionId: string;
  taskId: string;
  lotId?: string;
  /** The planner acknowledged the shortfall; the exception waits for the usage decision. */
  answered?: boolean;
  /** The lot as it failed: the plan where it had passed, to weigh the decision against. */
  passed?: PlanChange;
  /** The answer sent to the gateway, until it stands. */
  answer?: SentAnswer;
}

/** Hours a planner has to look at the shortfall before the exception is overdue. */
const responseSlaHours = 8;

/** The orders still later than where the whole lot had passed, now the ERP posted its usage decision. */
function weighDecided(state: LotBlockedState, ctx: WorkflowContext): StepOutcome<LotBlockedState> {
  const stored = ctx.repos.exceptions.get(state.exceptionId);
  if (!stored || !ctx.plan || !state.passed) return { state, end: 'completed' };
  const impact = ctx.plan.impactSince([state.passed]);
  ctx.repos.exceptions.setImpact(state.exceptionId, impact);
  const remaining = summarize(impact);
  // Accepting the shortfall now leaves what the decision left: projected and described as such.
  const decision = ctx.repos.usageDecisions.forInspectionLot(stored.detail && 'inspectionLotId' in stored.detail ? stored.detail.inspectionLotId : '');
  ctx.repos.exceptions.setResponses(
    state.exceptionId,
    stored.responses.map((response) =>
      response.id === 'accept-delay'
        ? { ...response, projected: remaining, description: `Let the orders still short after ${decision ? `${decision.decidedBy}'s usage decision (${decision.code})` : 'the usage decision'} slip until stock is replenished.` }
        : response,
    ),
  );
  const task = ctx.repos.tasks.get(state.taskId);
  ctx.changed('exception', state.exceptionId);
  if (remaining.ordersHit === 0) {
    // Nothing is left late: resolved, whether or not a planner looked at it.
    if (task?.status === 'open') ctx.repos.tasks.cancel(state.taskId, ctx.now);
    ctx.repos.exceptions.setRemaining(state.exceptionId, remaining);
    return { state, end: 'completed' };
  }
  if (state.answered) {
    ctx.repos.exceptions.setRemaining(state.exceptionId, remaining);
    return { state, end: 'completed' };
  }
  // Still open for the planner, with what the decision left late.
  return { state, wait: waitForTask(state.taskId, 'responded') };
}

export const lotBlocked = defineWorkflow<LotBlockedState, 'inspection.failed'>({
  name: 'lot-blocked',
  version: 2,
  trigger: 'inspection.failed',
  correlationKey: (event) => event.payload.inspectionLotId,
  resumeKeys: { 'usageDecision.made': (event) => event.payload.lotId },
  // Without planning data there is nothing to re-evaluate; a block weighed already (heard again in a
  // snapshot that brought the plan) or decided already is not weighed again.
  startsWhen: (event, ctx) =>
    ctx.plan !== null && ctx.repos.exceptions.get(derivedId('EX-', event.payload.inspectionLotId)) === undefined && ctx.repos.usageDecisions.forInspectionLot(event.payload.inspectionLotId) === undefined,
  // The usage decision arrives while the planner has not answered yet: weighed at once.
  interrupts: {
    'usageDecision.made': {
      key: (event) => event.payload.inspectionLotId,
      applies: (state) => state.answered !== true && state.answer === undefined && state.passed !== undefined,
      step: 'decided',
    },
    'exception.answered': answeredElsewhere<LotBlockedState>('answeredElsewhere'),
  },

  start(event, ctx) {
    const p = event.payload;
    if (!ctx.plan) return { state: { exceptionId: '', taskId: '' }, end: 'completed' };
    const passed: PlanChange = { kind: 'lot', lot: { lotId: p.lotId, itemId: p.itemId, plant: p.plant, quantity: p.quantity, stockType: 'unrestricted' } };
    const impact = ctx.plan.impactSince([passed]);
    // A block that hits no order is nothing for a planner: the Quarantine view has the lot.
    if (impact.productionOrders.length + impact.customerOrders.length === 0) return { state: { exceptionId: '', taskId: '' }, end: 'completed' };
    // Named after the inspection lot: the same exception whether the failure came as an event or in a snapshot.
    const exceptionId = derivedId('EX-', p.inspectionLotId);
    const accept: ExceptionResponse = {
      id: 'accept-delay',
      label: 'Accept the shortfall',
      description: `Let the orders that counted on lot ${p.lotId} slip until stock is replenished; the quality engineer decides the lot.`,
      needsApproval: false,
      projected: summarize(impact),
      commandCount: 0,
      worseThanDoingNothing: false,
    };
    const taskId = ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Lot ${p.lotId} blocked: ${impact.customerOrders.length} customer orders later`, dueInHours: responseSlaHours });
    const detail: LotBlockDetail = { lotId: p.lotId, inspectionLotId: p.inspectionLotId, quantity: p.quantity, unit: p.unit, supplierId: p.supplierId ?? null, defectCode: p.defectCode, defectText: p.defectText };
    ctx.repos.exceptions.insert({
      id: exceptionId,
      type: 'lot-block',
      itemId: p.itemId,
      plant: p.plant,
      sourceDocument: `${p.lotId} (${p.inspectionLotId})`,
      detectedAt: event.occurredAt,
      status: 'open',
      detail,
      impact,
      responses: [accept],
      instanceId: ctx.instanceId,
      taskId,
    });
    // Weighed now, against the plan this workstation holds (it may hear of the disruption late).
    ctx.repos.exceptions.weighed(exceptionId, ctx.now);
    ctx.changed('exception', exceptionId);
    return { state: { exceptionId, taskId, lotId: p.lotId, passed }, wait: waitForTask(taskId, 'responded') };
  },

  steps: {
    responded(state, signal, ctx) {
      if (signal.kind !== 'task') throw new Error(`responded: expected a task signal, got ${signal.kind}`);
      const input = respondArgsSchema.parse(signal.input);
      if (input.responseId !== 'accept-delay') throw new Refusal('conflict', `responseId: a blocked lot offers only accept-delay here, not ${input.responseId}`);
      ctx.repos.tasks.complete(signal.taskId, signal.user, ctx.now);
      const answer = sendAnswer(ctx, state.exceptionId, { responseId: 'accept-delay', by: signal.user, at: ctx.now, note: input.note ?? null });
      return { state: { ...state, answer }, wait: waitForReply(answer.commandId, 'answerReplied') };
    },

    answerReplied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`answerReplied: expected a reply, got ${signal.kind}`);
      const { answer, ...rest } = state;
      if (!answer) throw new Error(`answerReplied: ${state.exceptionId} sent no answer`);
      if (signal.reply.status === 'rejected') {
        // Another workstation answered first (its answer follows on the stream and closes this task), or the gateway says why not.
        const taskId = ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Your answer to the blocked lot ${state.lotId ?? ''} was refused upstream (${refusalOf(signal)}): choose again`, dueInHours: responseSlaHours });
        ctx.repos.exceptions.reopen(state.exceptionId, taskId);
        ctx.changed('exception', state.exceptionId);
        return { state: { ...rest, taskId }, wait: waitForTask(taskId, 'responded') };
      }
      ctx.audit(answer.choice.by, 'exception response', state.exceptionId, { response: 'accept-delay', note: answer.choice.note, commands: [] });
      return waitForTheDecision(rest, ctx);
    },

    answeredElsewhere(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'exception.answered') throw new Error(`answeredElsewhere: expected exception.answered, got ${signal.kind}`);
      closeTask(state.taskId, ctx);
      const { answer: _answer, ...rest } = state;
      return waitForTheDecision(rest, ctx);
    },

    decided(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'usageDecision.made') throw new Error(`decided: expected usageDecision.made, got ${signal.kind}`);
      return weighDecided(state, ctx);
    },
  },
});

/** Answered (here or elsewhere): what is left waits for the usage decision, to be weighed again then. */
function waitForTheDecision(state: LotBlockedState, ctx: WorkflowContext): StepOutcome<LotBlockedState> {
  // Instances from before version 2 know nothing of the lot: they end here.
  if (!state.lotId || !state.passed) return { state, end: 'completed' };
  // Decided while the answer was on its way: weighed now.
  const detail = ctx.repos.exceptions.get(state.exceptionId)?.detail;
  if (detail && 'inspectionLotId' in detail && ctx.repos.usageDecisions.forInspectionLot(detail.inspectionLotId) !== undefined) return weighDecided({ ...state, answered: true }, ctx);
  return { state: { ...state, answered: true }, wait: waitForEvent('usageDecision.made', state.lotId, 'decided') };
}

/** Instances started by version 1 run on version 2's steps; their state lacks the lot, so they end when answered. */
export const lotBlockedV1 = { ...lotBlocked, version: 1 };
