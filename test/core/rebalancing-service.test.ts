// The rebalancing worker through its service: a real worker thread running the TypeScript source
// under tsx gives the same solutions as solving in this thread, before and after changes.
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlanChange } from '../../orchestration-core/model/plan-changes';
import { solveAll } from '../../orchestration-core/analysis/rebalancing/rebalance';
import { createRebalancingService, recordsPerPart, type RebalancingService } from '../../orchestration-core/analysis/rebalancing/rebalancing-service';
import { startRebalanceWorkerFromSource } from '../../orchestration-core/analysis/rebalancing/start-rebalance-worker';
import { rebalancingInstance } from '../helpers/rebalancing-instance';

let service: RebalancingService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

describe('rebalancing service', () => {
  it('loads the input in parts, solves in the worker, and re-solves what a change moves', async () => {
    service = createRebalancingService(startRebalanceWorkerFromSource());
    const input = rebalancingInstance({ seed: 3, plants: 4, items: 1500 });
    expect(input.customerOrders.length).toBeGreaterThan(recordsPerPart);

    const summary = await service.load(input);
    const expected = solveAll(input);
    expect(summary).toMatchObject({ problems: expected.length, shipped: expected.reduce((sum, r) => sum + r.solution.shipped, 0) });
    expect(await service.results()).toEqual(expected);

    // A customer order due today, big enough to leave its plant short.
    const order = { ...input.customerOrders[0]!, quantity: 1000, shipDate: input.today };
    const outcome = await service.apply([{ kind: 'customerOrder', order }]);
    const after = solveAll({ ...input, ...applyPlanChange(input, { kind: 'customerOrder', order }) });
    expect(outcome).toMatchObject({ balanced: 1, solved: 1 });
    expect(outcome.changed).toEqual(after.filter((result) => result.itemId === order.itemId));
    expect(await service.results([order.itemId])).toEqual(outcome.changed);
  });

  it('answers a request it cannot serve with an error, and fails calls after close', async () => {
    service = createRebalancingService(startRebalanceWorkerFromSource());
    await expect(service.apply([])).rejects.toThrow(/nothing loaded/);
    const closing = service;
    service = undefined;
    await closing.close();
    await expect(closing.results()).rejects.toThrow(/closed/);
  });
});
