// Finds a PO schedule line whose delay has a response that leaves things worse than doing nothing
// (rescheduling every late order to the arrival, often), computed as the core proposes and projects
// responses: the same analysis on the simulator's own dataset.
import { proposeDelayResponses } from '../../orchestration-core/analysis/delay-responses';
import type { PlanChange } from '../../orchestration-core/model/plan-changes';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import { markWorseThanDoingNothing } from '../../orchestration-core/model/response-harm';
import { summarize } from '../../orchestration-core/model/impact';
import type { ExceptionResponse } from '../../shared/api/impact';
import type { Dataset, PoLine } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';

export function findHarmfulDelay(dataset: Dataset, days: number, maxLines = 300): { line: PoLine; responseId: ExceptionResponse['id'] } | undefined {
  const index = new PlanIndex(dataset, dataset.today);
  const items = new Map(dataset.items.map((item) => [item.id, item]));
  const orders = new Map(dataset.productionOrders.map((order) => [order.id, order]));
  const safety = new Map(dataset.safetyStocks.map((stock) => [`${stock.itemId}@${stock.plant}`, stock.quantity]));
  const lines = dataset.poLines.filter((line) => line.asnId !== null).slice(0, maxLines);
  for (const line of lines) {
    const delayed = { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + days) };
    const undo: PlanChange[] = [{ kind: 'poLine', poLine: line }];
    index.apply({ kind: 'poLine', poLine: delayed });
    try {
      const impact = index.impactSince(undo);
      if (impact.customerOrders.length === 0) continue;
      const lateConsumers = impact.productionOrders.flatMap((hit) => {
        const order = orders.get(hit.id);
        return order && order.plant === line.plant && order.components.some((c) => c.itemId === line.itemId) ? [order] : [];
      });
      const responses = proposeDelayResponses({
        line: delayed,
        previousDate: line.expectedDate,
        today: dataset.today,
        item: items.get(line.itemId)!,
        lateConsumers,
        alternates: (parent) => dataset.bomLines.find((b) => b.parentItemId === parent && b.componentItemId === line.itemId)?.alternates ?? [],
        plantsWithStock: [...new Set(dataset.lots.filter((lot) => lot.itemId === line.itemId && lot.stockType === 'unrestricted' && lot.quantity > 0).map((lot) => lot.plant))],
        freeStock: (itemId, plant) => index.freeQuantity(itemId, plant, safety.get(`${itemId}@${plant}`) ?? 0),
        transitDays: (from, to) => dataset.lanes.find((lane) => lane.fromPlant === from && lane.toPlant === to)?.transitDays,
      });
      const marked = markWorseThanDoingNothing(responses.map((r) => ({ id: r.id, label: r.label, description: r.description, needsApproval: r.needsApproval, projected: summarize(index.compare(undo, r.changes)), commandCount: r.commands.length })));
      // One that applies without a supervisor: the planner's confirmation is what the test looks at.
      const worse = marked.find((response) => response.worseThanDoingNothing && !response.needsApproval);
      if (worse) return { line, responseId: worse.id };
    } finally {
      index.apply({ kind: 'poLine', poLine: line });
    }
  }
  return undefined;
}
