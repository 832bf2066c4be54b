// A production order reported its output. When it scrapped more than its item allows (the good share
// below the item's minimum yield, or the policy's), quality and maintenance get a notification in the
// ERP, and replenishment is reviewed: what the shortfall against the planned quantity does to customer
// orders. No one needs to decide anything; the alert shows until someone acknowledges it.
import type { ReplenishmentReview, ScrapSpike } from '../../shared/api/alerts';
import type { CanonicalEvent } from '../../shared/events';
import { commandIdFor, derivedId } from '../engine/derived-ids';
import { defineWorkflow, type WorkflowContext } from '../engine/workflow';

type Completion = Extract<CanonicalEvent, { type: 'production.completed' }>;

function reviewReplenishment(productionOrderId: string, yieldQuantity: number, ctx: WorkflowContext): ReplenishmentReview | null {
  const order = ctx.repos.planning.productionOrder(productionOrderId);
  if (!order || !ctx.plan) return null;
  const shortfall = Math.max(0, order.quantity - yieldQuantity);
  const impact = shortfall === 0 ? { customerOrders: [], totalRevenueAtRisk: 0 } : ctx.plan.compare([], [{ kind: 'productionOrder', order: { ...order, quantity: yieldQuantity } }]);
  return { plannedQuantity: order.quantity, shortfall, customerOrdersHit: impact.customerOrders.length, revenueAtRisk: impact.totalRevenueAtRisk };
}

/** The yield and the minimum it fell below; null when the completion is within it (or says too little to tell). */
function scrapSpike(event: Completion, ctx: Pick<WorkflowContext, 'repos' | 'policy'>): { yieldRate: number; minimumYield: number } | null {
  const { yieldQuantity, scrapQuantity, itemId } = event.payload;
  if (yieldQuantity === undefined || scrapQuantity === undefined || yieldQuantity + scrapQuantity === 0 || !(event.payload.plant ?? event.plant)) return null;
  const yieldRate = yieldQuantity / (yieldQuantity + scrapQuantity);
  const minimumYield = (itemId === undefined ? null : ctx.repos.alerts.minimumYield(itemId)) ?? ctx.policy.minimumYield;
  return yieldRate < minimumYield ? { yieldRate, minimumYield } : null;
}

export const productionCompleted = defineWorkflow<Record<string, never>, 'production.completed'>({
  name: 'production-completed',
  version: 1,
  trigger: 'production.completed',
  correlationKey: (event) => event.payload.productionOrderId,

  startsWhen: (event, ctx) => scrapSpike(event, ctx) !== null,

  start(event: Completion, ctx) {
    const spikeRates = scrapSpike(event, ctx);
    const { productionOrderId, yieldQuantity, scrapQuantity, itemId, unit } = event.payload;
    const plant = event.payload.plant ?? event.plant;
    if (!spikeRates || yieldQuantity === undefined || scrapQuantity === undefined || !plant) return { state: {}, end: 'completed' };
    const { yieldRate, minimumYield } = spikeRates;
    const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
    const subject = `Scrap spike on ${productionOrderId}${itemId ? ` (${itemId})` : ''}: yield ${percent(yieldRate)}, minimum ${percent(minimumYield)}`;
    const text = `${scrapQuantity} ${unit ?? ''} scrapped, ${yieldQuantity} ${unit ?? ''} good, reported ${event.occurredAt} by ${event.source}`.replace(/ {2}/g, ' ');
    // Named after the order: every workstation that hears it, and every operation's report of it, sends the same notifications, applied once.
    for (const kind of ['quality', 'maintenance'] as const) {
      ctx.emit(
        'notification.create',
        { notificationId: derivedId(kind === 'quality' ? 'QN-' : 'MN-', productionOrderId), kind, plant, subject, text, productionOrderId, ...(itemId ? { itemId } : {}) },
        { issuedBy: 'system', about: productionOrderId, commandId: commandIdFor(productionOrderId, `${kind}-notification`) },
      );
    }
    const spike: ScrapSpike = { productionOrderId, yieldQuantity, scrapQuantity, unit: unit ?? null, yieldRate, minimumYield, notified: ['quality', 'maintenance'], replenishment: reviewReplenishment(productionOrderId, yieldQuantity, ctx) };
    const alertId = derivedId('AL-', productionOrderId);
    ctx.repos.alerts.raiseScrapSpike({ id: alertId, plant, itemId: itemId ?? null, subject, spike, createdAt: ctx.now });
    ctx.audit('system', 'scrap spike', productionOrderId, { alertId, yieldRate, minimumYield, replenishment: spike.replenishment });
    ctx.changed('alert', alertId);
    return { state: {}, end: 'completed' };
  },

  steps: {},
});
