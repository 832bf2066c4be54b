// The lines worth stopping in a test: a stoppage there holds up orders another line can make.
import type { Dataset } from '../../shared/dataset';

const dayMs = 86_400_000;

/**
 * The lines with the most orders starting in the next two weeks (what a stoppage holds up) whose item
 * has a routing on another line, most promising first.
 */
export function reroutableLines(dataset: Dataset): { plant: string; line: string }[] {
  const today = Date.parse(dataset.today);
  const linesOf = new Map<string, Set<string>>();
  for (const routing of dataset.routings) linesOf.set(routing.itemId, (linesOf.get(routing.itemId) ?? new Set()).add(`${routing.plant}/${routing.line}`));
  const counts = new Map<string, number>();
  for (const order of dataset.productionOrders) {
    const start = Date.parse(order.startDate);
    if (start < today || start >= today + 14 * dayMs) continue;
    const key = `${order.plant}/${order.line}`;
    if ([...(linesOf.get(order.itemId) ?? [])].some((line) => line !== key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key]) => {
      const [plant, line] = key.split('/') as [string, string];
      return { plant, line };
    });
}
