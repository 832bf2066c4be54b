// A line stop's held-up orders as plan changes: the world before the stoppage, and the world the
// planner has made of it so far (rerouted orders made on their new lines and shipped back over the
// lane, the rest waiting for the line), with the load that world puts on every line.
import { waitsForTheLine, type HeldUpOrder, type LineStopDetail } from '../../../shared/api/impact';
import type { ProductionOrder } from '../../../shared/dataset';
import { lineLoads, rerouted, type Stoppage } from '../../analysis/line-stoppage';
import type { PlanChange } from '../../model/plan-changes';
import { dateOf, dayOf } from '../../../shared/plan-days';
import { commandIdFor, derivedId } from '../../engine/derived-ids';
import type { WorkflowRepos } from '../../engine/workflow';

export const stoppageOf = (detail: LineStopDetail): Stoppage => ({ plant: detail.plant, line: detail.line, from: detail.from, expectedDays: detail.expectedDays });

/** A held-up order as the plan had it before the stoppage: on the stopped line, at its own dates. */
export const beforeTheStop = (record: ProductionOrder, detail: LineStopDetail, held: HeldUpOrder): ProductionOrder => ({ ...record, plant: detail.plant, line: detail.line, startDate: held.startDate, dueDate: held.dueDate });

/**
 * A held-up order as another line would make it: in its own window, but never starting before the
 * stop's first day (an order already under way starts over there today, keeping its length).
 */
export function elsewhere(record: ProductionOrder, detail: LineStopDetail, held: HeldUpOrder): ProductionOrder {
  const original = beforeTheStop(record, detail, held);
  const shift = Math.max(0, dayOf(detail.from) - dayOf(original.startDate));
  return shift === 0 ? original : { ...original, startDate: dateOf(dayOf(original.startDate) + shift), dueDate: dateOf(dayOf(original.dueDate) + shift) };
}

/** The stock transport order that brings a rerouted order's output back: once per stoppage and order. */
export const rerouteTransferId = (stoppageId: string, productionOrderId: string): string => derivedId('STO-', `${stoppageId}.${productionOrderId}`);

/** The reroute command of one held-up order: once per stoppage and order. */
export const rerouteCommandId = (stoppageId: string, productionOrderId: string): string => commandIdFor(stoppageId, `reroute-${productionOrderId}`);

/**
 * A held-up order moved to the restart: its payload and options, named once per stoppage and order so
 * the reschedule response and a later refused reroute send the same command at most once.
 */
export function rescheduleCommand(detail: LineStopDetail, held: HeldUpOrder, issuedBy: string, why = '') {
  return {
    payload: { productionOrderId: held.productionOrderId, startDate: held.waitingStartDate, dueDate: held.waitingDueDate, reason: `Line ${detail.plant}/${detail.line} stopped (${detail.stoppageId})${why}` },
    options: { issuedBy, entityId: held.productionOrderId, commandId: commandIdFor(detail.stoppageId, `reschedule-${held.productionOrderId}`) },
  };
}

export const asChange = (order: ProductionOrder): PlanChange => ({ kind: 'productionOrder', order });

/** A held-up order moved to a line, its output shipped back when that line is at another plant; null without a lane back. */
export function movedTo(order: ProductionOrder, to: { plant: string; line: string }, stoppageId: string, repos: WorkflowRepos): PlanChange[] | null {
  const there = rerouted(order, to, (from, back) => repos.planning.lane(from, back)?.transitDays, rerouteTransferId(stoppageId, order.id));
  if (!there) return null;
  return there.transfer ? [asChange(there.order), { kind: 'transfer', transfer: there.transfer }] : [asChange(there.order)];
}

export function worlds(detail: LineStopDetail, repos: WorkflowRepos): { before: PlanChange[]; after: PlanChange[] } {
  const before: PlanChange[] = [];
  const after: PlanChange[] = [];
  for (const held of detail.orders) {
    const record = repos.planning.productionOrder(held.productionOrderId);
    if (!record) continue;
    const original = beforeTheStop(record, detail, held);
    before.push(asChange(original));
    const moved = waitsForTheLine(held) || !held.rerouted ? null : movedTo(elsewhere(record, detail, held), held.rerouted, detail.stoppageId, repos);
    if (!moved) {
      after.push(asChange({ ...original, startDate: held.waitingStartDate, dueDate: held.waitingDueDate }));
      continue;
    }
    after.push(...moved);
    if (moved.length > 1) before.push({ kind: 'transferRemoved', id: rerouteTransferId(detail.stoppageId, held.productionOrderId) });
  }
  return { before, after };
}

/** Load per line and day with the stoppage's reroutes on their new lines (accepted or not yet answered). */
export function loadsWithReroutes(detail: LineStopDetail, repos: WorkflowRepos): ReturnType<typeof lineLoads> {
  const byId = new Map<string, ProductionOrder>();
  for (const capacity of repos.planning.lineCapacities()) for (const order of repos.planning.productionOrdersOn(capacity.plant, capacity.line)) byId.set(order.id, order);
  for (const held of detail.orders) {
    if (waitsForTheLine(held) || !held.rerouted) continue;
    const record = byId.get(held.productionOrderId) ?? repos.planning.productionOrder(held.productionOrderId);
    if (record) byId.set(held.productionOrderId, { ...elsewhere(record, detail, held), plant: held.rerouted.plant, line: held.rerouted.line });
  }
  return lineLoads([...byId.values()]);
}
