// impact.reroute: one order a stopped line holds up goes to another plant's line, if that line can make
// the item and still has room every day of the order's window, counting the orders already sent there.
import type { CallContext } from '../../shared/api';
import type { RerouteArgs } from '../../shared/api/impact';
import { ApiFailure } from '../../shared/api/result';
import type { CommandType } from '../../shared/commands';
import type { Clock } from '../core-ports';
import { alternateLines } from '../analysis/line-stoppage';
import type { ChangeTracker } from '../engine/change-tracker';
import type { PlanAnalysis } from '../engine/workflow';
import { queueCommand } from '../engine/queue-command';
import type { Repos } from '../store/repos';
import { reprojectLineStop } from '../projections/line-stop-response-projection';
import { elsewhere, loadsWithReroutes, movedTo, rerouteCommandId, stoppageOf } from '../projections/line-stop-worlds';
import type { CommitPath } from './commit-path';

export interface RerouteHandlerDeps {
  repos: Repos;
  changes: ChangeTracker;
  clock: Clock;
  newId: () => string;
  routeCommand: (type: CommandType) => string;
  /** The plan the responses are projected against; null before planning data arrived. */
  plan: () => PlanAnalysis | null;
  commit: CommitPath;
}

export function createRerouteHandler(deps: RerouteHandlerDeps) {
  const { repos, changes, commit } = deps;
  return (args: RerouteArgs, context: CallContext): { commandId: string } => {
    const commandId = commit('impact.reroute', () => {
      const stored = repos.exceptions.get(args.exceptionId);
      if (!stored || !('stoppageId' in stored.detail)) throw new ApiFailure('not-found', `exceptionId: no line stop ${args.exceptionId}`);
      if (stored.row.status !== 'open') throw new ApiFailure('conflict', `exceptionId: ${args.exceptionId} is ${stored.row.status}, not waiting for a response`);
      const detail = stored.detail;
      const held = detail.orders.find((o) => o.productionOrderId === args.productionOrderId);
      if (!held) throw new ApiFailure('invalid-args', `productionOrderId: ${args.productionOrderId} is not held up by line ${detail.plant}/${detail.line}`);
      if (held.rerouted?.upstream.state === 'refused') throw new ApiFailure('conflict', `productionOrderId: the ERP refused ${args.productionOrderId} on ${held.rerouted.plant}/${held.rerouted.line} (${held.rerouted.upstream.reason}); it waits for the line with the others`);
      if (held.rerouted) throw new ApiFailure('conflict', `productionOrderId: ${args.productionOrderId} was rerouted already, to ${held.rerouted.plant}/${held.rerouted.line}`);
      const record = repos.planning.productionOrder(args.productionOrderId);
      if (!record) throw new ApiFailure('not-found', `productionOrderId: no production order ${args.productionOrderId}`);
      // As the other line would make it: never starting before the stop's first day.
      const order = elsewhere(record, detail, held);
      // Capacity as it is now, with the orders already rerouted from this stoppage on their new lines.
      const fits = alternateLines(order, stoppageOf(detail), repos.planning.routingsOf(order.itemId), repos.planning.lineCapacities(), loadsWithReroutes(detail, repos)).some((a) => a.plant === args.toPlant && a.line === args.toLine);
      if (!fits) throw new ApiFailure('conflict', `toLine: ${args.toPlant}/${args.toLine} cannot make ${order.itemId} or has no room between ${order.startDate} and ${order.dueDate}`);
      // The transfer back is requested once the ERP accepts the reroute (reroute-replies.ts); the lane must exist now.
      if (!movedTo(order, { plant: args.toPlant, line: args.toLine }, detail.stoppageId, repos)) throw new ApiFailure('conflict', `toPlant: no lane from ${args.toPlant} back to ${order.plant} for the order's output`);
      const command = queueCommand(
        deps,
        'production.reroute',
        { productionOrderId: order.id, toPlant: args.toPlant, toLine: args.toLine, startDate: order.startDate, dueDate: order.dueDate, reason: `Line ${detail.plant}/${detail.line} stopped (${detail.stoppageId})` },
        { issuedBy: context.user, entityId: order.id, commandId: rerouteCommandId(detail.stoppageId, order.id) },
        deps.clock.now().toISOString(),
      );
      repos.exceptions.setDetail(args.exceptionId, { ...detail, orders: detail.orders.map((o) => (o === held ? { ...o, rerouted: { plant: args.toPlant, line: args.toLine, commandId: command.commandId, upstream: { state: 'pending' } } } : o)) });
      reprojectLineStop(args.exceptionId, repos, deps.plan());
      changes.changed('exception', args.exceptionId);
      return command.commandId;
    });
    return { commandId };
  };
}
