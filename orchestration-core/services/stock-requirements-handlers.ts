// The stock/requirements list, pegging and late-order explanation as API methods, read from the plan
// index of the running core; and the push that tells open lists the plan changed (at most once a
// second of elapsed time, so a burst of events costs one refresh).
import type { Handlers } from '../../shared/api';
import type { StockApi, StockItemHit } from '../../shared/api/stock-requirements';
import { explainLate } from '../analysis/late-explanation';
import { pegUp } from '../analysis/pegging-up';
import { stockRequirements } from '../analysis/stock-requirements';
import type { Repos } from '../store/repos';
import type { PlanningService } from './planning-service';

const searchLimit = 20;
const pushEveryMs = 1000;

export function createStockRequirementsHandlers(deps: { planning: PlanningService; repos: Pick<Repos, 'planning'>; publish(at: string): void; now(): Date }) {
  const { planning, repos } = deps;
  let pushTimer: NodeJS.Timeout | null = null;
  let lastPush = 0;
  let closed = false;

  const handlers = {
    'stock.list': ({ itemId, plant }) => {
      const index = planning.index();
      return index ? stockRequirements(index, planning.master(), itemId, plant) : null;
    },
    'stock.pegUp': ({ itemId, plant, document }) => {
      const index = planning.index();
      return index ? pegUp(index, itemId, plant, document, (id) => planning.master().item(id)?.unit ?? '') : null;
    },
    'stock.explain': ({ orderId }) => {
      const index = planning.index();
      return index ? explainLate(index, orderId, (id) => planning.master().item(id)?.unit ?? '') : null;
    },
    'stock.search': ({ text }) => {
      const index = planning.index();
      if (!index) return [];
      const plants = repos.planning.plantIds();
      const hits: StockItemHit[] = [];
      // Items the plan has nothing of anywhere are left out: their list would be empty.
      for (const item of repos.planning.searchItems(text, searchLimit * 5)) {
        const at = plants.filter((plant) => index.hasKey(item.id, plant));
        if (at.length > 0) hits.push({ itemId: item.id, description: item.description, unit: item.unit, plants: at });
        if (hits.length === searchLimit) break;
      }
      return hits;
    },
  } satisfies Handlers<StockApi>;

  function push(): void {
    pushTimer = null;
    if (closed) return;
    lastPush = performance.now();
    deps.publish(deps.now().toISOString());
  }

  return {
    handlers,
    /** The plan changed: push now, or once the second since the last push is over. */
    planChanged(): void {
      if (closed || pushTimer) return;
      const wait = lastPush + pushEveryMs - performance.now();
      if (wait <= 0) push();
      else {
        pushTimer = setTimeout(push, wait);
        pushTimer.unref();
      }
    },
    close(): void {
      closed = true;
      if (pushTimer) clearTimeout(pushTimer);
    },
  };
}
