// A supplier's ASN moves a PO schedule line later: update the ERP's receipt date, compute which
// production and customer orders that makes later (against the plan with the previous date), record
// the exception with the responses that exist and each one's projected effect, and, when orders are
// hit, ask a planner to respond. The chosen response's commands go upstream through the outbox; a
// substitution first goes to a supervisor (any workstation but the requester's) for approval.
import { Refusal } from '../engine/refusal';
import { respondArgsSchema, type ResponseChoice, type SupplierDelayDetail } from '../../shared/api/impact';
import type { SubstitutionRequest } from '../../shared/api/approvals';
import type { ProposedResponse } from '../analysis/delay-responses';
import type { PlanChange } from '../model/plan-changes';
import { commandIdFor, derivedId } from '../engine/derived-ids';
import { approvalGate, approvalResumeKeys, type Verdict } from './approval-gate';
import { defineWorkflow, waitForEvent, waitForReply, waitForTask, type StepOutcome, type WorkflowContext } from '../engine/workflow';
import type { CommandDraft } from '../analysis/delay-responses';
import { answeredElsewhere, closeTask, refusalOf, sendAnswer, type SentAnswer } from './exception-answering';
import { delayResponses, withProjectedEffects } from './supplier-delay-responses';

interface SupplierDelayState {
  exceptionId: string;
  poLineId: string;
  previousDate: string;
  taskId: string | null;
  /** The approval asked for the chosen response, while it waits for a supervisor and then for upstream. */
  approval?: { id: string; requestedBy: string; responseId: ProposedResponse['id']; requestCommandId?: string; verdict?: Verdict };
  /**
   * The answer sent to the gateway, with what follows once it stands: the response's commands, or the
   * substitution to ask a supervisor to approve.
   */
  answer?: SentAnswer & { commands: CommandDraft[]; substitution?: SubstitutionRequest; approvalId?: string };
  /** Another workstation's answer waits for this approval: the exception reopens here if it is rejected. */
  approvalElsewhere?: string;
}

/** Hours a planner has to respond before the exception is overdue. */
const responseSlaHours = 8;

const noImpact = { productionOrders: [], customerOrders: [], totalRevenueAtRisk: 0 };

/** A substitution waits for a supervisor: approved, substitution.apply goes upstream; rejected or refused, the planner chooses again. */
const substitutionGate = approvalGate<SupplierDelayState>({
  name: 'approval',
  purpose: 'substitute',
  gateOf: (state) =>
    state.approval && { approvalId: state.approval.id, ...(state.approval.requestCommandId ? { requestCommandId: state.approval.requestCommandId } : {}), ...(state.approval.verdict ? { verdict: state.approval.verdict } : {}) },
  withGate: (state, gate) => (state.approval ? { ...state, approval: { ...state.approval, ...(gate.verdict ? { verdict: gate.verdict } : {}) } } : state),
  sendApproved(state, verdict, send, ctx) {
    const approval = state.approval;
    const stored = approval && ctx.repos.approvals.get(approval.id);
    if (!approval || !stored?.substitution) throw new Error(`approval ${approval?.id ?? '(none)'} is not in the store, or not a substitution`);
    // Exactly what was approved.
    ctx.emit('substitution.apply', { ...stored.substitution, approvalId: approval.id, approvedBy: verdict.decidedBy }, { issuedBy: approval.requestedBy, entityId: approval.id, ...send });
    return state;
  },
  approvedReplyStep: 'substitutionReplied',
  rejected: (state, verdict, ctx) => backToPlanner(state, `Substitution for ${state.poLineId} rejected by ${verdict.decidedBy}: choose another response`, ctx),
  refused: (state, reason, ctx) => backToPlanner(state, `Substitution for ${state.poLineId} not put to a supervisor (${reason}): choose another response`, ctx),
});

export const supplierDelay = defineWorkflow<SupplierDelayState, 'asn.delayed'>({
  name: 'supplier-delay',
  version: 1,
  trigger: 'asn.delayed',
  // Each ASN delay is its own exception, with the impact of that move.
  correlationKey: (event) => event.id,
  resumeKeys: approvalResumeKeys,
  interrupts: { 'exception.answered': answeredElsewhere<SupplierDelayState>('answeredElsewhere') },

  start(event, ctx) {
    const p = event.payload;
    ctx.emit(
      'po.updateReceiptDate',
      { poLineId: p.poLineId, receiptDate: p.newDate, reason: `ASN ${p.asnId} moved the receipt from ${p.previousDate} to ${p.newDate}` },
      { issuedBy: 'system', entityId: p.poLineId, commandId: commandIdFor(event.id, 'receipt-date') },
    );
    const line = ctx.repos.planning.poLine(p.poLineId);
    const undoDelay: PlanChange[] = line ? [{ kind: 'poLine', poLine: { ...line, expectedDate: p.previousDate } }] : [];
    const impact = line && ctx.plan ? ctx.plan.impactSince(undoDelay) : noImpact;
    const hit = impact.productionOrders.length + impact.customerOrders.length > 0;
    const responses = hit && ctx.plan ? withProjectedEffects(delayResponses(p, impact, ctx.repos, ctx.plan), undoDelay, ctx.plan) : [];
    // Named after the event: the same exception on every workstation that hears the delay.
    const exceptionId = derivedId('EX-', event.id);
    const taskId = hit
      ? ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Supplier delay on ${p.poLineId}: ${impact.customerOrders.length} customer orders later`, dueInHours: responseSlaHours })
      : null;
    const unit = ctx.repos.planning.item(p.itemId)?.unit;
    const detail: SupplierDelayDetail = {
      poLineId: p.poLineId,
      asnId: p.asnId,
      supplierId: p.supplierId,
      quantity: p.quantity,
      ...(unit ? { unit } : {}),
      previousDate: p.previousDate,
      newDate: p.newDate,
      reason: p.reason ?? null,
    };
    ctx.repos.exceptions.insert({
      id: exceptionId,
      type: 'supplier-delay',
      itemId: p.itemId,
      plant: p.plant,
      sourceDocument: `${p.poLineId} (${p.asnId})`,
      detectedAt: event.occurredAt,
      status: hit ? 'open' : 'no-impact',
      detail,
      impact,
      responses,
      instanceId: ctx.instanceId,
      taskId,
    });
    ctx.record('impact', { ordersHit: impact.productionOrders.length + impact.customerOrders.length, revenueAtRisk: impact.totalRevenueAtRisk, responses: responses.map((r) => r.id) });
    // Weighed now, against the plan this workstation holds (it may hear of the disruption late).
    ctx.repos.exceptions.weighed(exceptionId, ctx.now);
    ctx.changed('exception', exceptionId);
    const state = { exceptionId, poLineId: p.poLineId, previousDate: p.previousDate, taskId };
    return taskId ? { state, wait: waitForTask(taskId, 'responded') } : { state, end: 'completed' };
  },

  steps: {
    ...substitutionGate.steps,

    responded(state, signal, ctx) {
      if (signal.kind !== 'task') throw new Error(`responded: expected a task signal, got ${signal.kind}`);
      const input = respondArgsSchema.parse(signal.input);
      const stored = ctx.repos.exceptions.get(state.exceptionId);
      if (!stored) throw new Error(`exception ${state.exceptionId} is gone`);
      // Proposed again from the present data: the commands must match what is there now.
      const response = ctx.plan ? delayResponses(state, stored.impact, ctx.repos, ctx.plan).find((candidate) => candidate.id === input.responseId) : undefined;
      if (!response) throw new Refusal('conflict', `responseId: ${input.responseId} is no longer possible for this delay`);
      ctx.repos.tasks.complete(signal.taskId, signal.user, ctx.now);
      const choice = { responseId: response.id, by: signal.user, at: ctx.now, note: input.note ?? null };
      // Named after this workstation's task: unique, however many workstations answer the same exception.
      const approvalId = response.needsApproval ? `AP-${signal.taskId}` : undefined;
      const sent = sendAnswer(ctx, state.exceptionId, choice, approvalId ? { approvalId } : {});
      if (response.needsApproval && !response.substitution) throw new Error(`response ${response.id} needs an approval but says nothing to approve`);
      const answer = { ...sent, commands: response.needsApproval ? [] : response.commands, ...(approvalId && response.substitution ? { substitution: response.substitution, approvalId } : {}) };
      return { state: { ...state, taskId: null, answer }, wait: waitForReply(sent.commandId, 'answerReplied') };
    },

    answerReplied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`answerReplied: expected a reply, got ${signal.kind}`);
      const answer = state.answer;
      if (!answer) throw new Error(`answerReplied: ${state.exceptionId} sent no answer`);
      // Refused: another workstation answered first (its answer follows on the stream and closes the task), or the gateway says why not.
      if (signal.reply.status === 'rejected') return backToPlanner(state, `Your answer to the supplier delay on ${state.poLineId} was refused upstream (${refusalOf(signal)}): choose again`, ctx);
      const { choice } = answer;
      if (answer.substitution && answer.approvalId) return requestApproval(state, answer.approvalId, answer.substitution, choice, ctx, answer.commandId);
      // Sent once the answer was taken, maybe long after: on behalf of the planner's answer.
      for (const draft of answer.commands) ctx.emit(draft.type, draft.payload, { issuedBy: choice.by, entityId: draft.entityId, onBehalfOf: answer.commandId });
      ctx.audit(choice.by, 'exception response', state.exceptionId, { response: answer.responseId, note: choice.note, commands: answer.commands.map((c) => c.type) });
      ctx.changed('exception', state.exceptionId);
      return { state, end: 'completed' };
    },

    answeredElsewhere(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'exception.answered') throw new Error(`answeredElsewhere: expected exception.answered, got ${signal.kind}`);
      closeTask(state.taskId, ctx);
      const { approvalId } = signal.event.payload;
      const { answer: _answer, ...rest } = state;
      // A substitution another planner asked for: if the supervisor rejects it, the exception is open again here too.
      if (approvalId) return { state: { ...rest, taskId: null, approvalElsewhere: approvalId }, wait: waitForEvent('approval.decided', approvalId, 'approvalElsewhereDecided') };
      return { state: { ...rest, taskId: null }, end: 'completed' };
    },

    approvalElsewhereDecided(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'approval.decided') throw new Error(`approvalElsewhereDecided: expected approval.decided, got ${signal.kind}`);
      const decision = signal.event.payload;
      const { approvalElsewhere: _approval, ...rest } = state;
      if (decision.decision === 'reject') return backToPlanner(rest, `Substitution for ${state.poLineId} rejected by ${decision.decidedBy}: choose another response`, ctx);
      // Approved: answered, with what the substitution leaves late as its planner saw it.
      const remaining = ctx.repos.exceptions.get(state.exceptionId)?.row.remaining;
      if (remaining) ctx.repos.exceptions.setRemaining(state.exceptionId, remaining);
      ctx.changed('exception', state.exceptionId);
      return { state: rest, end: 'completed' };
    },

    substitutionReplied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`substitutionReplied: expected a reply, got ${signal.kind}`);
      const approval = state.approval;
      if (!approval) throw new Error(`substitutionReplied: ${state.exceptionId} asked for no approval`);
      if (signal.reply.status === 'rejected') {
        ctx.audit('gateway', 'substitution refused', state.exceptionId, { approvalId: approval.id, reason: signal.reply.reason ?? null });
        ctx.repos.approvals.substitutionRefused(approval.id, signal.reply.reason ?? 'refused');
        return backToPlanner(state, `Approved substitution for ${state.poLineId} refused upstream (${signal.reply.reason ?? 'no reason given'}): choose another response`, ctx);
      }
      // Chosen when the approval was asked for; it takes effect now, answered or resolved by what it leaves late.
      const stored = ctx.repos.exceptions.get(state.exceptionId);
      ctx.repos.exceptions.chooseResponse(state.exceptionId, stored?.choice ?? { responseId: approval.responseId, by: approval.requestedBy, at: ctx.now, note: null });
      ctx.changed('exception', state.exceptionId);
      return { state, end: 'completed' };
    },
  },
});

/** The chosen response will not happen: the planner is asked again, with why in the task. */
function backToPlanner(state: SupplierDelayState, subject: string, ctx: WorkflowContext): StepOutcome<SupplierDelayState> {
  const taskId = ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject, dueInHours: responseSlaHours });
  ctx.repos.exceptions.reopen(state.exceptionId, taskId);
  ctx.changed('exception', state.exceptionId);
  const { approval: _approval, answer: _answer, ...rest } = state;
  return { state: { ...rest, taskId }, wait: waitForTask(taskId, 'responded') };
}

/** A response that needs a supervisor: the request goes upstream, and the exception waits for the decision. */
function requestApproval(state: SupplierDelayState, approvalId: string, substitution: SubstitutionRequest, choice: ResponseChoice, ctx: WorkflowContext, onBehalfOf: string): StepOutcome<SupplierDelayState> {
  const { note, by: user, responseId } = choice;
  const stored = ctx.repos.exceptions.get(state.exceptionId);
  const projected = stored?.responses.find((candidate) => candidate.id === responseId)?.projected;
  // "Now" as the planner saw it: the disruption with no response, beside what the response makes of it.
  const baseline = stored?.responses.find((candidate) => candidate.id === 'accept-delay')?.projected;
  const subject = `Substitute ${substitution.toItemId} for ${substitution.fromItemId} in ${substitution.productionOrderIds.length} production order${substitution.productionOrderIds.length === 1 ? '' : 's'} (${substitution.plant})`;
  const request = { approvalId, kind: 'substitution' as const, subject, substitution: note ? { ...substitution, reason: `${substitution.reason}: ${note}`.slice(0, 500) } : substitution, exceptionId: state.exceptionId, ...(projected ? { projected } : {}), ...(baseline ? { baseline } : {}) };
  const gate = substitutionGate.ask(request, user, ctx, onBehalfOf);
  ctx.repos.exceptions.chooseResponse(state.exceptionId, choice, true);
  ctx.audit(user, 'approval requested', state.exceptionId, { approvalId, response: responseId, note });
  ctx.changed('exception', state.exceptionId);
  const approval = { id: approvalId, requestedBy: user, responseId, ...(gate.requestCommandId ? { requestCommandId: gate.requestCommandId } : {}) };
  return { state: { ...state, taskId: null, approval }, wait: substitutionGate.waits(gate) };
}
