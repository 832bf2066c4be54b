// Finds a PO schedule line whose delay makes customer orders later and hits production orders that
// have an alternate for the delayed component, where using the alternate (as the substitute
// response proposes: the first alternate, in every late order that has it) puts revenue back.
import type { PlanChange } from '../../orchestration-core/model/plan-changes';
import { ordersTheSubstituteCovers } from '../../orchestration-core/analysis/delay-responses';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { Dataset, PoLine } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';

export function findSubstitutableDelay(dataset: Dataset, days: number): PoLine | undefined {
  // component -> parent -> first alternate
  const parentsWithAlternate = new Map<string, Map<string, string>>();
  for (const bomLine of dataset.bomLines) {
    const alternate = bomLine.alternates[0];
    if (alternate === undefined) continue;
    const parents = parentsWithAlternate.get(bomLine.componentItemId) ?? new Map<string, string>();
    parents.set(bomLine.parentItemId, alternate);
    parentsWithAlternate.set(bomLine.componentItemId, parents);
  }
  const orders = new Map(dataset.productionOrders.map((order) => [order.id, order]));
  const index = new PlanIndex(dataset, dataset.today);
  return dataset.poLines.find((line) => {
    const parents = parentsWithAlternate.get(line.itemId);
    if (!parents) return false;
    const delay: PlanChange = { kind: 'poLine', poLine: { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + days) } };
    const impact = index.whatIf([delay]);
    if (impact.customerOrders.length === 0) return false;
    const late = impact.productionOrders.flatMap((hit) => {
      const order = orders.get(hit.id);
      const alternate = order && order.plant === line.plant && order.components.some((c) => c.itemId === line.itemId) ? parents.get(order.itemId) : undefined;
      return order && alternate ? [{ order, alternate }] : [];
    });
    const alternate = late[0]?.alternate;
    if (alternate === undefined) return false;
    // As the response takes it: only what of the substitute no other order needs, earliest orders first.
    const safety = dataset.safetyStocks.find((s) => s.itemId === alternate && s.plant === line.plant)?.quantity ?? 0;
    const free = index.freeQuantity(alternate, line.plant, safety);
    const candidates = late.filter((candidate) => candidate.alternate === alternate).map((candidate) => candidate.order);
    const substituted = ordersTheSubstituteCovers(candidates, line.itemId, free)
      .orders.map((order): PlanChange => ({ kind: 'productionOrder', order: { ...order, components: order.components.map((c) => (c.itemId === line.itemId ? { ...c, itemId: alternate } : c)) } }));
    if (substituted.length === 0) return false;
    return index.whatIf([delay, ...substituted]).totalRevenueAtRisk < impact.totalRevenueAtRisk;
  });
}
