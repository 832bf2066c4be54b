// A line stop's responses, projected again as the planner reroutes orders: rescheduling (or leaving
// the orders) then moves only the orders still on the line, while the rerouted ones are made on their
// new lines and shipped back. Both against the plan before the stoppage, whatever the ERP has
// accepted since.
import { waitsForTheLine, type ExceptionResponse, type LineStopDetail } from '../../shared/api/impact';
import { rerouted } from '../analysis/line-stoppage';
import type { PlanChange } from '../analysis/plan-changes';
import type { PlanAnalysis } from '../engine/workflow';
import { summarize } from '../store/exceptions-repo';
import type { Repos } from '../store/repos';
import { rerouteTransferId } from './line-stopped';

/** The world before the stoppage and the world the responses leave, as changes to the present plan. */
function worlds(detail: LineStopDetail, repos: Repos): { before: PlanChange[]; after: PlanChange[] } {
  const before: PlanChange[] = [];
  const after: PlanChange[] = [];
  for (const held of detail.orders) {
    const record = repos.planning.productionOrder(held.productionOrderId);
    if (!record) continue;
    const original = { ...record, plant: detail.plant, line: detail.line, startDate: held.startDate, dueDate: held.dueDate };
    before.push({ kind: 'productionOrder', order: original });
    const movedTo = waitsForTheLine(held) ? null : held.rerouted;
    if (!movedTo) {
      after.push({ kind: 'productionOrder', order: { ...original, startDate: held.waitingStartDate, dueDate: held.waitingDueDate } });
      continue;
    }
    const transferId = rerouteTransferId(detail.stoppageId, held.productionOrderId);
    const there = rerouted(original, movedTo, (from, to) => repos.planning.lane(from, to)?.transitDays, transferId);
    if (!there) continue;
    after.push({ kind: 'productionOrder', order: there.order });
    if (there.transfer) {
      before.push({ kind: 'transferRemoved', id: transferId });
      after.push({ kind: 'transfer', transfer: there.transfer });
    }
  }
  return { before, after };
}

/** Projects an open line stop's responses again from its orders as they stand (rerouted or waiting). */
export function reprojectLineStop(exceptionId: string, repos: Repos, plan: PlanAnalysis | null): void {
  const stored = repos.exceptions.get(exceptionId);
  if (!plan || !stored || !('stoppageId' in stored.detail) || stored.row.status !== 'open') return;
  const { before, after } = worlds(stored.detail, repos);
  const projected = summarize(plan.compare(before, after));
  const stillOnTheLine = stored.detail.orders.filter(waitsForTheLine).length;
  const responses = stored.responses.map((response): ExceptionResponse => {
    if (response.id === 'reschedule') return { ...response, projected, commandCount: stillOnTheLine };
    return response.id === 'accept-delay' ? { ...response, projected } : response;
  });
  repos.exceptions.setResponses(exceptionId, responses);
}
