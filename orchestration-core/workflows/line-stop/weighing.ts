// Weighing a held-up order's alternates: each line with room, the order moved there (and shipped back)
// while the rest of the stoppage stays as the planner has left it, against the present plan. All the
// orders weighed together share one what-if: the planner's world is planned once, and each alternate
// re-plans only what moving its order reaches.
import type { HeldUpOrder, LineStopDetail } from '../../../shared/api/impact';
import { summarize, type Impact } from '../../model/impact';
import { alternateLines } from '../../analysis/line-stoppage';
import type { PlanChange } from '../../model/plan-changes';
import type { PlanAnalysis } from '../../engine/workflow';
import type { WorkflowRepos } from '../../engine/workflow';
import { elsewhere, loadsWithReroutes, movedTo, stoppageOf, worlds } from './worlds';

/** Held-up orders weighed in one turn of the event thread: each alternate costs 2–4 ms at scale 1. */
export const ordersPerTurn = 15;

/** The orders still to weigh, earliest start first: not weighed yet and not rerouted. */
export function unweighed(detail: LineStopDetail): HeldUpOrder[] {
  return detail.orders.filter((o) => !o.alternatesEvaluated && o.rerouted === null).sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

/**
 * The detail's orders with `ids` weighed (up to three alternates each, most free capacity first), and
 * the impact of the planner's world with no further move.
 */
export function weighOrders(detail: LineStopDetail, ids: ReadonlySet<string>, repos: WorkflowRepos, plan: PlanAnalysis): { impact: Impact; orders: HeldUpOrder[] } {
  const stoppage = stoppageOf(detail);
  const capacities = repos.planning.lineCapacities();
  const loads = loadsWithReroutes(detail, repos);
  const options = detail.orders.map((held) => {
    const order = ids.has(held.productionOrderId) ? repos.planning.productionOrder(held.productionOrderId) : undefined;
    if (!order) return [];
    const original = elsewhere(order, detail, held);
    return alternateLines(original, stoppage, repos.planning.routingsOf(order.itemId), capacities, loads)
      .slice(0, 3)
      .flatMap((alternate) => {
        const variant: PlanChange[] | null = movedTo(original, alternate, detail.stoppageId, repos);
        return variant ? [{ alternate, variant }] : [];
      });
  });
  const impacts = plan.whatIfEach(worlds(detail, repos).after, options.flat().map((option) => option.variant));
  let next = 0;
  const orders = detail.orders.map((held, i) =>
    ids.has(held.productionOrderId) ? { ...held, alternates: options[i]!.map(({ alternate }) => ({ ...alternate, projected: summarize(impacts.variants[next++]!) })), alternatesEvaluated: true } : held,
  );
  return { impact: impacts.base, orders };
}
