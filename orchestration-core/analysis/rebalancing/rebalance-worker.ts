// The worker thread that rebalances off the UI thread: it holds the planning input and the solved
// items, takes the input in parts (so no single message blocks the sender for long), solves every
// item once, then re-solves only what each change moves. One request at a time, answered in order.
import { parentPort } from 'node:worker_threads';
import { roundMoney } from './rebalance';
import { rebalanceTables, type RebalanceReplies, type RebalanceRequest, type RebalanceTables, type SolveSummary, type WorkerReply } from './rebalance-protocol';
import { RebalancingCache } from './rebalancing-cache';

function emptyTables(): RebalanceTables {
  return { lots: [], poLines: [], productionOrders: [], customerOrders: [], transfers: [], safetyStocks: [] };
}

function createHandler() {
  let pending = emptyTables();
  let cache: RebalancingCache | null = null;
  const loaded = () => {
    if (!cache) throw new Error('rebalancing: nothing loaded yet (load first)');
    return cache;
  };

  return (request: RebalanceRequest): RebalanceReplies[RebalanceRequest['kind']] => {
    switch (request.kind) {
      case 'loadPart':
        for (const table of rebalanceTables) for (const row of request.part[table] ?? []) (pending[table] as unknown[]).push(row);
        return null;
      case 'solveAll': {
        const start = performance.now();
        cache = new RebalancingCache({ ...pending, today: request.today, lanes: request.lanes }, request.options);
        pending = emptyTables();
        const indexed = performance.now();
        const results = cache.solveAll();
        const summary: SolveSummary = { items: cache.itemCount(), problems: results.length, shipped: 0, unmetShortage: 0, totalCost: 0, indexMs: indexed - start, solveMs: performance.now() - indexed };
        for (const { solution } of results) {
          summary.shipped += solution.shipped;
          summary.unmetShortage += solution.unmetShortage;
          summary.totalCost += solution.totalCost;
        }
        summary.totalCost = roundMoney(summary.totalCost);
        return summary;
      }
      case 'apply': {
        const start = performance.now();
        const outcome = loaded().apply(request.changes);
        return { ...outcome, solveMs: performance.now() - start };
      }
      case 'results':
        return loaded().results(request.itemIds);
    }
  };
}

const port = parentPort;
if (port) {
  const handle = createHandler();
  port.on('message', ({ id, request }: { id: number; request: RebalanceRequest }) => {
    let reply: WorkerReply;
    try {
      reply = { id, ok: true, value: handle(request) };
    } catch (error) {
      reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
