// The ERP's answer to a reroute, written on the line stop that sent it, and what follows from it.
// Accepted: the order is made on its new line, so its output's stock transport order back is requested
// now (not before: a refused reroute must not leave a transfer of output nobody makes). Refused: the
// order waits for the line with the others; the responses are projected again, and if the planner
// already chose to reschedule, this order is rescheduled too.
import { upstreamOf } from '../../shared/api/impact';
import type { CanonicalCommand, CommandReply } from '../../shared/commands';
import type { ChangeTracker } from '../engine/change-tracker';
import { commandIdFor } from '../engine/derived-ids';
import { queueCommand, type CommandQueueDeps } from '../engine/queue-command';
import type { PlanAnalysis } from '../engine/workflow';
import type { Repos } from '../store/repos';
import { reprojectLineStop } from './line-stop-response-projection';
import { elsewhere, movedTo, rerouteTransferId, rescheduleCommand } from './line-stop-worlds';

export interface RerouteReplyDeps extends CommandQueueDeps {
  repos: Repos;
  changes: ChangeTracker;
  plan: PlanAnalysis | null;
  now: string;
}

type RerouteCommand = Extract<CanonicalCommand, { type: 'production.reroute' }>;

export function recordRerouteReply(command: RerouteCommand, reply: CommandReply, deps: RerouteReplyDeps): void {
  const { repos } = deps;
  const exceptionId = repos.exceptions.reroutedBy(reply.commandId);
  const stored = exceptionId === undefined ? undefined : repos.exceptions.get(exceptionId);
  if (!exceptionId || !stored || !('stoppageId' in stored.detail)) return;
  const detail = stored.detail;
  const held = detail.orders.find((order) => order.rerouted?.commandId === reply.commandId);
  if (!held?.rerouted) return;
  const upstream = upstreamOf(reply);
  repos.exceptions.setDetail(exceptionId, { ...detail, orders: detail.orders.map((order) => (order === held ? { ...order, rerouted: { ...held.rerouted!, upstream } } : order)) });
  if (upstream.state === 'accepted') {
    const record = repos.planning.productionOrder(held.productionOrderId);
    const moved = record ? movedTo(elsewhere(record, detail, held), held.rerouted, detail.stoppageId, repos) : null;
    const transfer = moved?.find((change) => change.kind === 'transfer');
    if (transfer?.kind === 'transfer') {
      const { id: transferId, ...rest } = transfer.transfer;
      const reason = `${command.payload.reason}: ${held.productionOrderId} made at ${held.rerouted.plant}`;
      queueCommand(deps, 'transfer.request', { transferId, ...rest, reason }, { issuedBy: command.issuedBy, entityId: transferId, commandId: commandIdFor(rerouteTransferId(detail.stoppageId, held.productionOrderId), 'request') }, deps.now);
    }
  } else if (upstream.state === 'refused') {
    reprojectLineStop(exceptionId, repos, deps.plan);
    if (stored.chosenResponse === 'reschedule') {
      const { payload, options } = rescheduleCommand(detail, held, command.issuedBy, `; reroute refused: ${upstream.reason}`);
      queueCommand(deps, 'production.reschedule', payload, options, deps.now);
    }
  }
  deps.changes.changed('exception', exceptionId);
}
