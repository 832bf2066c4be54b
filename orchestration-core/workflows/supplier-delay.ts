// A supplier's ASN moves a PO schedule line later: update the ERP's receipt date, compute which
// production and customer orders that makes later (against the plan with the previous date), record
// the exception, and, when orders are hit, ask a planner to respond.
import { z } from 'zod';
import type { SupplierDelayDetail } from '../../shared/api/impact';
import { defineWorkflow, waitForTask } from '../engine/workflow';

interface SupplierDelayState {
  exceptionId: string;
  poLineId: string;
  taskId: string | null;
}

/** The responses a planner can give; the what-if responses of DESIGN.md §5 join these. */
export const exceptionResponseSchema = z.object({ response: z.literal('accept-delay'), note: z.string().max(1000).optional() });

/** Hours a planner has to respond before the exception is overdue. */
const responseSlaHours = 8;

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
    const impact = line && ctx.plan ? ctx.plan.impactSince([{ kind: 'poLine', poLine: { ...line, expectedDate: p.previousDate } }]) : { productionOrders: [], customerOrders: [], totalRevenueAtRisk: 0 };
    const hit = impact.productionOrders.length + impact.customerOrders.length > 0;
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
      instanceId: ctx.instanceId,
      taskId,
    });
    ctx.record('impact', { ordersHit: impact.productionOrders.length + impact.customerOrders.length, revenueAtRisk: impact.totalRevenueAtRisk });
    ctx.exceptionChanged(exceptionId);
    const state = { exceptionId, poLineId: p.poLineId, taskId };
    return taskId ? { state, wait: waitForTask(taskId, 'responded') } : { state, end: 'completed' };
  },

  steps: {
    responded(state, signal, ctx) {
      if (signal.kind !== 'task') throw new Error(`responded: expected a task signal, got ${signal.kind}`);
      const input = exceptionResponseSchema.parse(signal.input);
      ctx.repos.exceptions.setStatus(state.exceptionId, 'accepted');
      ctx.audit(signal.user, 'exception response', state.exceptionId, { response: input.response, note: input.note ?? null });
      ctx.exceptionChanged(state.exceptionId);
      return { state, end: 'completed' };
    },
  },
});
