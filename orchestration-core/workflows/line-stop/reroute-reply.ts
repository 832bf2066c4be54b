// The ERP's answer to a reroute, written on the line stop that sent it, and what follows from it.
// Accepted: the order is made on its new line, so its output's stock transport order back is requested
// now (not before: a refused reroute must not leave a transfer of output nobody makes). Refused: the
// order waits for the line with the others; the responses are projected again, and if the planner
// already chose to reschedule, this order is rescheduled too.
import { upstreamOf } from '../../../shared/api/impact';
import type { CanonicalCommand, CommandReply } from '../../../shared/commands';
import { commandIdFor } from '../../engine/derived-ids';
import type { WorkflowContext } from '../../engine/workflow';
import { reprojectLineStop } from './response-projection';
import { lineStopOf, withOrder, writeLineStop } from './record';
import { elsewhere, movedTo, rerouteTransferId, rescheduleCommand } from './worlds';

/** Records the reply to one of the line stop's reroutes; a reply to anything else changes nothing. */
export function recordRerouteReply(exceptionId: string, command: CanonicalCommand, reply: Pick<CommandReply, 'commandId' | 'status' | 'reason'>, ctx: WorkflowContext): void {
  if (command.type !== 'production.reroute') return;
  const stored = ctx.repos.exceptions.get(exceptionId);
  const detail = lineStopOf(stored);
  const held = detail?.orders.find((order) => order.rerouted?.commandId === reply.commandId);
  if (!stored || !detail || !held?.rerouted) return;
  const upstream = upstreamOf(reply);
  const rerouted = { ...held.rerouted, upstream };
  writeLineStop(ctx, exceptionId, withOrder(detail, held.productionOrderId, (order) => ({ ...order, rerouted })));
  if (upstream.state === 'accepted') {
    const record = ctx.repos.planning.productionOrder(held.productionOrderId);
    const moved = record ? movedTo(elsewhere(record, detail, held), rerouted, detail.stoppageId, ctx.repos) : null;
    const transfer = moved?.find((change) => change.kind === 'transfer');
    if (transfer?.kind === 'transfer') {
      const { id: transferId, ...rest } = transfer.transfer;
      const reason = `${command.payload.reason}: ${held.productionOrderId} made at ${rerouted.plant}`;
      ctx.emit('transfer.request', { transferId, ...rest, reason }, { issuedBy: command.issuedBy, onBehalfOf: command.commandId, entityId: transferId, commandId: commandIdFor(rerouteTransferId(detail.stoppageId, held.productionOrderId), 'request') });
    }
  } else if (upstream.state === 'refused') {
    reprojectLineStop(exceptionId, ctx.repos, ctx.plan);
    if (stored.chosenResponse === 'reschedule') {
      const { payload, options } = rescheduleCommand(detail, held, command.issuedBy, `; reroute refused: ${upstream.reason}`);
      ctx.emit('production.reschedule', payload, { ...options, onBehalfOf: command.commandId });
    }
  }
}
