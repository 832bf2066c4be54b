// A supplier's ASN moves a PO schedule line later: update the ERP's receipt date, compute which
// production and customer orders that makes later (against the plan with the previous date), record
// the exception with the responses that exist and each one's projected effect, and, when orders are
// hit, ask a planner to respond. The chosen response's commands go upstream through the outbox.
import { ApiFailure } from '../../shared/api/result';
import { respondArgsSchema, type SupplierDelayDetail } from '../../shared/api/impact';
import type { PlanChange } from '../analysis/plan-changes';
import { defineWorkflow, waitForTask } from '../engine/workflow';
import { delayResponses, withProjectedEffects } from './supplier-delay-responses';

interface SupplierDelayState {
  exceptionId: string;
  poLineId: string;
  previousDate: string;
  taskId: string | null;
}

/** Hours a planner has to respond before the exception is overdue. */
const responseSlaHours = 8;

const noImpact = { productionOrders: [], customerOrders: [], totalRevenueAtRisk: 0 };

export const supplierDelay = defineWorkflow<SupplierDelayState, 'asn.delayed'>({
  name: 'supplier-delay',
  version: 1,
  trigger: 'asn.delayed',
  // Each ASN delay is its own exception, with the impact of that move.
  correlationKey: (event) => event.id,

  start(event, ctx) {
    const p = event.payload;
    ctx.emit(
      'po.updateReceiptDate',
      { poLineId: p.poLineId, receiptDate: p.newDate, reason: `ASN ${p.asnId} moved the receipt from ${p.previousDate} to ${p.newDate}` },
      { issuedBy: 'system', entityId: p.poLineId },
    );
    const line = ctx.repos.planning.poLine(p.poLineId);
    const undoDelay: PlanChange[] = line ? [{ kind: 'poLine', poLine: { ...line, expectedDate: p.previousDate } }] : [];
    const impact = line && ctx.plan ? ctx.plan.impactSince(undoDelay) : noImpact;
    const hit = impact.productionOrders.length + impact.customerOrders.length > 0;
    const responses = hit && ctx.plan ? withProjectedEffects(delayResponses(p, impact, ctx.repos), undoDelay, ctx.plan) : [];
    const exceptionId = `EX-${event.id}`;
    const taskId = hit
      ? ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Supplier delay on ${p.poLineId}: ${impact.customerOrders.length} customer orders later`, dueInHours: responseSlaHours })
      : null;
    const detail: SupplierDelayDetail = { poLineId: p.poLineId, asnId: p.asnId, supplierId: p.supplierId, quantity: p.quantity, previousDate: p.previousDate, newDate: p.newDate, reason: p.reason ?? null };
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
    ctx.exceptionChanged(exceptionId);
    const state = { exceptionId, poLineId: p.poLineId, previousDate: p.previousDate, taskId };
    return taskId ? { state, wait: waitForTask(taskId, 'responded') } : { state, end: 'completed' };
  },

  steps: {
    responded(state, signal, ctx) {
      if (signal.kind !== 'task') throw new Error(`responded: expected a task signal, got ${signal.kind}`);
      const input = respondArgsSchema.parse(signal.input);
      const stored = ctx.repos.exceptions.get(state.exceptionId);
      if (!stored) throw new Error(`exception ${state.exceptionId} is gone`);
      // Proposed again from the present data: the commands must match what is there now.
      const response = delayResponses(state, stored.impact, ctx.repos).find((candidate) => candidate.id === input.responseId);
      if (!response) throw new ApiFailure('conflict', `responseId: ${input.responseId} is no longer possible for this delay`);
      if (response.needsApproval) {
        throw new ApiFailure('forbidden', `responseId: ${response.label} needs a supervisor's approval, which this version cannot request yet`);
      }
      for (const draft of response.commands) ctx.emit(draft.type, draft.payload, { issuedBy: signal.user, entityId: draft.entityId });
      ctx.repos.tasks.complete(signal.taskId, signal.user, ctx.now);
      ctx.repos.exceptions.chooseResponse(state.exceptionId, response.id);
      ctx.audit(signal.user, 'exception response', state.exceptionId, { response: response.id, note: input.note ?? null, commands: response.commands.map((c) => c.type) });
      ctx.exceptionChanged(state.exceptionId);
      return { state, end: 'completed' };
    },
  },
});
