// The incremental rebalancing cache against rebalancing from scratch: after any sequence of changes
// to supply, demand and safety stock, both give the same problems and solutions, and a change
// reports exactly the items whose rebalancing it changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPlanChange, type PlanChange } from '../../orchestration-core/model/plan-changes';
import type { RebalanceInput } from '../../orchestration-core/analysis/plan-types';
import { defaultRebalanceOptions, solveAll, type ItemRebalancing } from '../../orchestration-core/analysis/rebalancing/rebalance';
import { RebalancingCache, type RebalanceChange } from '../../orchestration-core/analysis/rebalancing/rebalancing-cache';
import type { SafetyStock } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';

const today = '2026-12-01';
const plants = ['P1', 'P2', 'P3'];
const items = ['A', 'B', 'C'];
const lanes = [
  { fromPlant: 'P1', toPlant: 'P2', costPerUnit: 1.5, transitDays: 2 },
  { fromPlant: 'P2', toPlant: 'P1', costPerUnit: 1, transitDays: 1 },
  { fromPlant: 'P1', toPlant: 'P3', costPerUnit: 2.25, transitDays: 4 },
  { fromPlant: 'P3', toPlant: 'P2', costPerUnit: 0.5, transitDays: 3 },
];

// Dates from before today to past the 28-day horizon, so both edges are crossed.
const date = fc.integer({ min: -3, max: 34 }).map((offset) => dateOf(dayOf(today) + offset));
const quantity = fc.integer({ min: 0, max: 40 });
const plant = fc.constantFrom(...plants);
const item = fc.constantFrom(...items);
const idFrom = (prefix: string, count: number) => fc.integer({ min: 1, max: count }).map((n) => `${prefix}-${n}`);

const change: fc.Arbitrary<RebalanceChange> = fc.oneof(
  fc.record({ id: idFrom('PO', 6), itemId: item, plant, quantity, expectedDate: date }).map((line): RebalanceChange => ({ kind: 'poLine', poLine: { ...line, supplierId: 'S-1', confirmed: true, asnId: null } })),
  idFrom('PO', 6).map((id): RebalanceChange => ({ kind: 'poLineRemoved', id })),
  // Stock and safety stock come up more often than the rest: they are what makes surplus and shortage.
  {
    arbitrary: fc
      .record({ lotId: idFrom('L', 6), itemId: item, plant, quantity, stockType: fc.constantFrom('unrestricted' as const, 'blocked' as const) })
      .map((lot): RebalanceChange => ({ kind: 'lot', lot })),
    weight: 3,
  },
  idFrom('L', 6).map((id): RebalanceChange => ({ kind: 'lotRemoved', id })),
  fc
    .record({ id: idFrom('MO', 3), plant, quantity, start: date, lead: fc.integer({ min: 0, max: 5 }), perUnit: fc.integer({ min: 0, max: 2 }) })
    .map((order): RebalanceChange => ({
      kind: 'productionOrder',
      order: {
        id: order.id,
        itemId: 'A',
        plant: order.plant,
        line: 'L1',
        quantity: order.quantity,
        startDate: order.start,
        dueDate: dateOf(dayOf(order.start) + order.lead),
        priority: 1,
        components: [{ itemId: 'B', quantity: order.quantity * order.perUnit }],
      },
    })),
  idFrom('MO', 3).map((id): RebalanceChange => ({ kind: 'productionOrderRemoved', id })),
  fc.record({ id: idFrom('CO', 6), itemId: item, plant, quantity, shipDate: date }).map((order): RebalanceChange => ({ kind: 'customerOrder', order: { ...order, customerId: 'C-1', value: 0, priority: 1 } })),
  idFrom('CO', 6).map((id): RebalanceChange => ({ kind: 'customerOrderRemoved', id })),
  fc
    .record({ id: idFrom('STO', 3), itemId: item, from: plant, to: plant, quantity, shipDate: date, transit: fc.integer({ min: 0, max: 4 }) })
    .filter((t) => t.from !== t.to)
    .map((t): RebalanceChange => ({ kind: 'transfer', transfer: { id: t.id, itemId: t.itemId, fromPlant: t.from, toPlant: t.to, quantity: t.quantity, shipDate: t.shipDate, arrivalDate: dateOf(dayOf(t.shipDate) + t.transit) } })),
  idFrom('STO', 3).map((id): RebalanceChange => ({ kind: 'transferRemoved', id })),
  { arbitrary: fc.record({ itemId: item, plant, quantity: fc.integer({ min: 0, max: 30 }) }).map((safetyStock): RebalanceChange => ({ kind: 'safetyStock', safetyStock })), weight: 3 },
);

/** The plain reading of a change: the input with it applied. */
function applied(input: RebalanceInput, change: RebalanceChange): RebalanceInput {
  if (change.kind !== 'safetyStock') return { ...input, ...applyPlanChange(input, change as PlanChange) };
  const { itemId, plant: at, quantity: units } = change.safetyStock;
  const rest = input.safetyStocks.filter((s) => !(s.itemId === itemId && s.plant === at));
  const safetyStocks: SafetyStock[] = units > 0 ? [...rest, change.safetyStock] : rest;
  return { ...input, safetyStocks };
}

const empty: RebalanceInput = { today, lots: [], poLines: [], productionOrders: [], customerOrders: [], transfers: [], safetyStocks: [], lanes };
const byItem = (results: readonly ItemRebalancing[]) => new Map(results.map((result) => [result.itemId, JSON.stringify(result)]));

describe('rebalancing cache', () => {
  it('agrees with rebalancing from scratch after every change, and reports exactly what changed', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (initial, batches) => {
        let input = initial.reduce(applied, empty);
        const cache = new RebalancingCache(input, defaultRebalanceOptions);
        expect(cache.solveAll()).toEqual(solveAll(input));
        for (const batch of batches) {
          const before = byItem(solveAll(input));
          input = batch.reduce(applied, input);
          const after = byItem(solveAll(input));
          const outcome = cache.apply(batch);
          expect(cache.results()).toEqual(solveAll(input));
          const differing = [...new Set([...before.keys(), ...after.keys()])].filter((itemId) => before.get(itemId) !== after.get(itemId)).sort();
          expect([...outcome.changed.map((result) => result.itemId), ...outcome.cleared].sort()).toEqual(differing);
          expect(outcome.balanced).toBeLessThanOrEqual(items.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('re-solves only the items whose balances moved', () => {
    const input: RebalanceInput = {
      ...empty,
      lots: [
        { lotId: 'L1', itemId: 'A', plant: 'P1', quantity: 50, stockType: 'unrestricted' },
        { lotId: 'L2', itemId: 'C', plant: 'P1', quantity: 50, stockType: 'unrestricted' },
      ],
      safetyStocks: [
        { itemId: 'A', plant: 'P2', quantity: 20 },
        { itemId: 'C', plant: 'P2', quantity: 20 },
      ],
    };
    const cache = new RebalancingCache(input, defaultRebalanceOptions);
    expect(cache.solveAll().map((result) => result.itemId)).toEqual(['A', 'C']);
    // An order far beyond the horizon moves nothing; one today at P2 deepens A's shortage only.
    expect(cache.apply([{ kind: 'customerOrder', order: { id: 'CO-1', customerId: 'C-1', itemId: 'A', plant: 'P2', quantity: 5, shipDate: '2027-03-01', value: 0, priority: 1 } }])).toMatchObject({ changed: [], balanced: 1, solved: 0 });
    const outcome = cache.apply([{ kind: 'customerOrder', order: { id: 'CO-1', customerId: 'C-1', itemId: 'A', plant: 'P2', quantity: 5, shipDate: today, value: 0, priority: 1 } }]);
    expect(outcome).toMatchObject({ balanced: 1, solved: 1, cleared: [] });
    expect(outcome.changed.map((result) => [result.itemId, result.solution.shipped])).toEqual([['A', 25]]);
  });
});
