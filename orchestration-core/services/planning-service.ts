// The plan index of the running core: built from SQLite at start, rebuilt after a planning snapshot,
// and kept current by the changes events make, applied after each commit.
import { PlanIndex } from '../analysis/plan-index';
import type { StockRequirementsMaster } from '../analysis/stock-requirements';
import { createWhereUsed, type WhereUsed } from '../analysis/where-used';
import type { Logger } from '../core-ports';
import type { PlanChange } from '../model/plan-changes';
import type { PlanTarget } from '../engine/change-tracker';
import type { Repos } from '../store/repos';

export function createPlanningService(repos: Repos, logger: Logger) {
  let index: PlanIndex | null = null;
  let whereUsed: (itemId: string) => WhereUsed[] = () => [];
  // Read from the store when asked: items and safety stocks change with events as well as snapshots.
  const master: StockRequirementsMaster = { item: (itemId) => repos.planning.itemText(itemId), safetyStock: (itemId, plant) => repos.planning.safetyStock(itemId, plant) };

  function rebuild(): void {
    const started = performance.now();
    const data = repos.planning.load();
    index = data && new PlanIndex(data, data.today);
    whereUsed = createWhereUsed(data?.bomLines ?? []);

    if (data) logger.info('Plan built', { productionOrders: data.productionOrders.length, customerOrders: data.customerOrders.length, ms: Math.round(performance.now() - started) });
  }
  rebuild();

  const target: PlanTarget = {
    apply: (change: PlanChange) => index?.apply(change),
    rebuild,
  };
  return {
    /** The plan, or null before any planning data arrived. */
    index: (): PlanIndex | null => index,
    whereUsed: (itemId: string): WhereUsed[] => whereUsed(itemId),
    /** Items' descriptions and units, plants' safety stocks: what the stock/requirements list reads beside the plan. */
    master: (): StockRequirementsMaster => master,
    /** What the change tracker feeds. */
    target,
  };
}
export type PlanningService = ReturnType<typeof createPlanningService>;
