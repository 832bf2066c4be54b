// A line stop's record: the stoppage and its held-up orders, each with its alternates and where the
// planner rerouted it. It lives on the exception row (exceptions.detail), not in the instance's state,
// because the views read it there (Order impact's held-up grid and the stoppage's facts) and the
// gateway's answer carries it to the other workstations; the workflow's state names only the exception.
// Everything written into it goes through writeLineStop, so there is one place that says how it changes.
import type { HeldUpOrder, LineStopDetail } from '../../../shared/api/impact';
import type { StoredException } from '../../store/exceptions-repo';
import type { WorkflowContext } from '../../engine/workflow';

/** What writing a line stop's record needs: the store, and a way to tell the views it changed. */
export type LineStopWriter = Pick<WorkflowContext, 'repos' | 'changed'>;

/** The line stop an exception records, whatever its status; null for another kind of exception. */
export function lineStopOf(stored: StoredException | undefined): LineStopDetail | null {
  return stored && 'stoppageId' in stored.detail ? stored.detail : null;
}

/** The line stop an exception records, while it is open (still takes reroutes); null otherwise. */
export function openLineStop(stored: StoredException | undefined): LineStopDetail | null {
  return stored?.row.status === 'open' ? lineStopOf(stored) : null;
}

/** The one write of a line stop's record: stored, and the views told. */
export function writeLineStop(writer: LineStopWriter, exceptionId: string, detail: LineStopDetail): void {
  writer.repos.exceptions.setDetail(exceptionId, detail);
  writer.changed('exception', exceptionId);
}

/** The record with one held-up order changed, the others as they were. */
export function withOrder(detail: LineStopDetail, productionOrderId: string, change: (order: HeldUpOrder) => HeldUpOrder): LineStopDetail {
  return { ...detail, orders: detail.orders.map((order) => (order.productionOrderId === productionOrderId ? change(order) : order)) };
}
