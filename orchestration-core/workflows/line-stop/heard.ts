// What the line stop's record takes from events heard from the stream (projections/line-stop-records.ts
// says which): another workstation's reroute, the restart, the orders as an answer from a snapshot
// carries them.
import { waitsForTheLine } from '../../../shared/api/impact';
import type { ChangeTracker } from '../../engine/change-tracker';
import { derivedId } from '../../engine/derived-ids';
import type { LineStopRecords } from '../../projections/line-stop-records';
import type { WorkflowRepos } from '../../engine/workflow';
import { lineStopOf, writeLineStop, type LineStopWriter } from './record';
import { reprojectLineStop } from './response-projection';

export function createLineStopRecords(repos: WorkflowRepos, changes: ChangeTracker): LineStopRecords {
  const writer: LineStopWriter = { repos, changed: changes.changed };
  return {
    /**
     * Each line stop holding the order shows it rerouted, by whom, and projects its responses again
     * without it. This workstation's own reroute is marked by its reply.
     */
    orderMoved(before, order, change, plan) {
      if (before.plant === order.plant && before.line === order.line) return;
      if (repos.exceptions.reroutedBy(change.commandId) !== undefined) return;
      for (const exceptionId of repos.exceptions.lineStopsHolding(order.id)) {
        const detail = lineStopOf(repos.exceptions.get(exceptionId));
        if (!detail || detail.plant !== before.plant || detail.line !== before.line) continue;
        const rerouted = { plant: order.plant, line: order.line, commandId: change.commandId, upstream: { state: 'accepted' as const }, by: change.changedBy };
        writeLineStop(writer, exceptionId, { ...detail, orders: detail.orders.map((held) => (held.productionOrderId === order.id && waitsForTheLine(held) ? { ...held, rerouted } : held)) });
        reprojectLineStop(exceptionId, repos, plan);
      }
    },
    // The stoppage's exception says when the line ran again; its orders keep what the planner chose.
    restarted(stoppageId, on) {
      const exceptionId = derivedId('EX-', stoppageId);
      const detail = lineStopOf(repos.exceptions.get(exceptionId));
      if (detail) writeLineStop(writer, exceptionId, { ...detail, restartedOn: on });
    },
    // Rerouted by the answering planner's workstation unless said otherwise.
    answerHeard(exceptionId, heldUp, answeredBy) {
      const detail = lineStopOf(repos.exceptions.get(exceptionId));
      if (!detail) return;
      const orders = heldUp.map((order) => (order.rerouted && !order.rerouted.by ? { ...order, rerouted: { ...order.rerouted, by: answeredBy } } : order));
      writeLineStop(writer, exceptionId, { ...detail, orders });
    },
  };
}
