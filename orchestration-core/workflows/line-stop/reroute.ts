// The planner moves one order a stopped line holds up to another plant's line (impact.reroute), if that
// line can make the item and still has room every day of the order's window, counting the orders
// already sent there. The production.reroute goes upstream; the order shows rerouted, pending the
// ERP's answer, and the responses are projected again without it.
import { rerouteArgsSchema, type LineStopDetail } from '../../../shared/api/impact';
import { alternateLines } from '../../analysis/line-stoppage';
import { Refusal } from '../../engine/refusal';
import type { WorkflowContext } from '../../engine/workflow';
import { reprojectLineStop } from './response-projection';
import { lineStopOf, withOrder, writeLineStop } from './record';
import { elsewhere, loadsWithReroutes, movedTo, rerouteCommandId, stoppageOf } from './worlds';

/** Sends the reroute the planner asked for; a Refusal says why not. Returns the reroute's commandId. */
export function rerouteOrder(exceptionId: string, input: unknown, user: string, ctx: WorkflowContext): string {
  const args = rerouteArgsSchema.parse(input);
  const stored = ctx.repos.exceptions.get(exceptionId);
  const detail = lineStopOf(stored);
  if (!stored || !detail || args.exceptionId !== exceptionId) throw new Refusal('not-found', `exceptionId: no line stop ${args.exceptionId}`);
  if (stored.row.status !== 'open') throw new Refusal('conflict', `exceptionId: ${args.exceptionId} is ${stored.row.status}, not waiting for a response`);
  const held = detail.orders.find((o) => o.productionOrderId === args.productionOrderId);
  if (!held) throw new Refusal('invalid-args', `productionOrderId: ${args.productionOrderId} is not held up by line ${detail.plant}/${detail.line}`);
  if (held.rerouted?.upstream.state === 'refused') throw new Refusal('conflict', `productionOrderId: the ERP refused ${args.productionOrderId} on ${held.rerouted.plant}/${held.rerouted.line} (${held.rerouted.upstream.reason}); it waits for the line with the others`);
  if (held.rerouted) throw new Refusal('conflict', `productionOrderId: ${args.productionOrderId} was rerouted already, to ${held.rerouted.plant}/${held.rerouted.line}`);
  const record = ctx.repos.planning.productionOrder(args.productionOrderId);
  if (!record) throw new Refusal('not-found', `productionOrderId: no production order ${args.productionOrderId}`);
  // As the other line would make it: never starting before the stop's first day.
  const order = elsewhere(record, detail, held);
  // Capacity as it is now, with the orders already rerouted from this stoppage on their new lines.
  const fits = alternateLines(order, stoppageOf(detail), ctx.repos.planning.routingsOf(order.itemId), ctx.repos.planning.lineCapacities(), loadsWithReroutes(detail, ctx.repos)).some((a) => a.plant === args.toPlant && a.line === args.toLine);
  if (!fits) throw new Refusal('conflict', `toLine: ${args.toPlant}/${args.toLine} cannot make ${order.itemId} or has no room between ${order.startDate} and ${order.dueDate}`);
  // The transfer back is requested once the ERP accepts the reroute (reroute-reply.ts); the lane must exist now.
  if (!movedTo(order, { plant: args.toPlant, line: args.toLine }, detail.stoppageId, ctx.repos)) throw new Refusal('conflict', `toPlant: no lane from ${args.toPlant} back to ${order.plant} for the order's output`);
  const commandId = ctx.emit(
    'production.reroute',
    { productionOrderId: order.id, toPlant: args.toPlant, toLine: args.toLine, startDate: order.startDate, dueDate: order.dueDate, reason: reasonOf(detail) },
    { issuedBy: user, entityId: order.id, commandId: rerouteCommandId(detail.stoppageId, order.id) },
  );
  writeLineStop(ctx, exceptionId, withOrder(detail, held.productionOrderId, (o) => ({ ...o, rerouted: { plant: args.toPlant, line: args.toLine, commandId, upstream: { state: 'pending' } } })));
  reprojectLineStop(exceptionId, ctx.repos, ctx.plan);
  return commandId;
}

const reasonOf = (detail: LineStopDetail): string => `Line ${detail.plant}/${detail.line} stopped (${detail.stoppageId})`;
