// The rebalancing optimizer: small instances worked by hand with their exact flows; on random
// instances, the total cost HiGHS (an independent LP solver) finds for the most units that can ship,
// and never more than a plant's surplus or more than a shortage needs.
import fc from 'fast-check';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlantBalance } from '../../orchestration-core/analysis/rebalancing/balances';
import { indexLanes, problemFor, solveProblem, type RebalanceProblem, type RebalanceSolution } from '../../orchestration-core/analysis/rebalancing/rebalance';
import { solveTransportation } from '../../orchestration-core/analysis/rebalancing/transportation';
import type { Lane } from '../../shared/dataset';
import { dayOf } from '../../shared/plan-days';
import { leastCostLp, maximumShipmentLp } from '../helpers/rebalance-lp';

const T = dayOf('2026-12-01');
type Highs = Awaited<ReturnType<typeof loadHighs>>;

const giver = (plant: string, surplus: number): PlantBalance => ({ plant, safetyStock: 0, lowestProjected: surplus, projectedAtEnd: surplus, surplus, shortage: 0, needDay: null });
const taker = (plant: string, shortage: number, needIn: number): PlantBalance => ({ plant, safetyStock: shortage, lowestProjected: 0, projectedAtEnd: 0, surplus: 0, shortage, needDay: T + needIn });
const lane = (fromPlant: string, toPlant: string, costPerUnit: number, transitDays: number): Lane => ({ fromPlant, toPlant, costPerUnit, transitDays });

function solve(balances: PlantBalance[], lanes: Lane[], latenessPenaltyPerUnitDay = 5): { problem: RebalanceProblem; solution: RebalanceSolution } {
  const problem = problemFor('A', balances, indexLanes(lanes), T, { horizonDays: 28, latenessPenaltyPerUnitDay })!;
  return { problem, solution: solveProblem(problem) };
}

const flows = (solution: RebalanceSolution) => solution.shipments.map(({ fromPlant, toPlant, quantity }) => `${fromPlant}->${toPlant} ${quantity}`);

describe('rebalancing optimizer, worked by hand', () => {
  it('prices a late lane with the lateness penalty and ships the whole shortage', () => {
    // Arrives on day 3, needed on day 1: 2 days late, 2 + 5 × 2 = 12 a unit.
    const { problem, solution } = solve([giver('P1', 100), taker('P2', 60, 1)], [lane('P1', 'P2', 2, 3)]);
    expect(problem.lanes).toEqual([{ fromPlant: 'P1', toPlant: 'P2', costPerUnit: 2, transitDays: 3, arrivalDate: '2026-12-04', daysLate: 2, unitCost: 12 }]);
    expect(solution).toEqual({ shipments: [{ fromPlant: 'P1', toPlant: 'P2', quantity: 60, unitCost: 12, cost: 720 }], shipped: 60, unmetShortage: 0, totalCost: 720 });
  });

  it('takes the on-time lane first and the late one for the rest', () => {
    // P2 -> P3 arrives in time at 3; P1 -> P3 is 2 days late at 1 + 10 = 11. 50 × 3 + 30 × 11 = 480.
    const { solution } = solve([giver('P1', 50), giver('P2', 50), taker('P3', 80, 2)], [lane('P1', 'P3', 1, 4), lane('P2', 'P3', 3, 1)]);
    expect(flows(solution)).toEqual(['P1->P3 30', 'P2->P3 50']);
    expect(solution.totalCost).toBe(480);
  });

  it('ships as much as it can before it saves: the dearer shortage gets what the cheaper one leaves', () => {
    // 40 units for two shortages of 30: 30 to P3 at 2, the other 10 to P2 at 1 + 5 = 6. 60 + 60 = 120.
    const { solution } = solve([giver('P1', 40), taker('P2', 30, 0), taker('P3', 30, 5)], [lane('P1', 'P2', 1, 1), lane('P1', 'P3', 2, 2)]);
    expect(flows(solution)).toEqual(['P1->P2 10', 'P1->P3 30']);
    expect(solution).toMatchObject({ shipped: 40, unmetShortage: 20, totalCost: 120 });
  });

  it('reroutes a cheap first choice when a second source can only reach the same plant', () => {
    // P1 -> P3 at 1 is cheapest, but P2 reaches only P3: the optimum sends P2 to P3 and P1 to P4 (2 + 2).
    const { solution } = solve(
      [giver('P1', 10), giver('P2', 10), taker('P3', 10, 10), taker('P4', 10, 10)],
      [lane('P1', 'P3', 1, 1), lane('P1', 'P4', 2, 1), lane('P2', 'P3', 2, 1)],
    );
    expect(flows(solution)).toEqual(['P1->P4 10', 'P2->P3 10']);
    expect(solution).toMatchObject({ shipped: 20, unmetShortage: 0, totalCost: 40 });
  });

  it('has no problem without both a surplus and a shortage, and ships nothing without a lane', () => {
    expect(problemFor('A', [giver('P1', 10), giver('P2', 5)], indexLanes([lane('P1', 'P2', 1, 1)]), T, { horizonDays: 28, latenessPenaltyPerUnitDay: 5 })).toBeNull();
    const { problem, solution } = solve([giver('P1', 10), taker('P2', 5, 0)], [lane('P2', 'P1', 1, 1)]);
    expect(problem.lanes).toEqual([]);
    expect(solution).toEqual({ shipments: [], shipped: 0, unmetShortage: 5, totalCost: 0 });
  });

  it('refuses fractional units and negative costs', () => {
    expect(() => solveTransportation({ supply: [1.5], demand: [1], arcs: [{ from: 0, to: 0, unitCost: 1 }] })).toThrow(/whole number/);
    expect(() => solveTransportation({ supply: [1], demand: [1], arcs: [{ from: 0, to: 0, unitCost: -1 }] })).toThrow(/non-negative/);
  });
});

/** Givers and takers under plant ids, with a lane (or none) for every ordered pair of plants. */
function instances(maxPlantsPerSide: number, maxUnits: number) {
  return fc
    .record({
      surpluses: fc.array(fc.integer({ min: 1, max: maxUnits }), { minLength: 1, maxLength: maxPlantsPerSide }),
      shortages: fc.array(fc.record({ units: fc.integer({ min: 1, max: maxUnits }), needIn: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: maxPlantsPerSide }),
      laneSeeds: fc.array(fc.option(fc.record({ cents: fc.integer({ min: 0, max: 500 }), transitDays: fc.integer({ min: 0, max: 8 }) }), { freq: 4 }), { minLength: 4 * maxPlantsPerSide ** 2, maxLength: 4 * maxPlantsPerSide ** 2 }),
      penalty: fc.constantFrom(0, 1, 5, 12.5),
    })
    .map(({ surpluses, shortages, laneSeeds, penalty }) => {
      const balances = [...surpluses.map((units, i) => giver(`G${i + 1}`, units)), ...shortages.map(({ units, needIn }, i) => taker(`S${i + 1}`, units, needIn))];
      const lanes: Lane[] = [];
      let next = 0;
      for (const from of balances) {
        for (const to of balances) {
          const seed = laneSeeds[next++];
          if (from !== to && seed) lanes.push(lane(from.plant, to.plant, seed.cents / 100, seed.transitDays));
        }
      }
      return { balances, lanes, penalty };
    });
}

function expectWithinLimits(problem: RebalanceProblem, solution: RebalanceSolution): void {
  for (const plant of problem.plants) {
    const out = solution.shipments.filter((s) => s.fromPlant === plant.plant).reduce((sum, s) => sum + s.quantity, 0);
    const into = solution.shipments.filter((s) => s.toPlant === plant.plant).reduce((sum, s) => sum + s.quantity, 0);
    expect(out).toBeLessThanOrEqual(plant.surplus);
    expect(into).toBeLessThanOrEqual(plant.shortage);
  }
  for (const shipment of solution.shipments) {
    expect(Number.isInteger(shipment.quantity) && shipment.quantity > 0).toBe(true);
    expect(problem.lanes.some((l) => l.fromPlant === shipment.fromPlant && l.toPlant === shipment.toPlant)).toBe(true);
  }
  expect(solution.unmetShortage).toBe(problem.plants.reduce((sum, plant) => sum + plant.shortage, 0) - solution.shipped);
}

describe('rebalancing optimizer, random instances', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  const lpValue = (lp: string): number => {
    const result = highs.solve(lp, { output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}\n${lp}`);
    return result.ObjectiveValue;
  };

  it('ships the most units possible at the least cost HiGHS finds, on 500 instances', () => {
    fc.assert(
      fc.property(instances(4, 60), ({ balances, lanes, penalty }) => {
        const { problem, solution } = solve(balances, lanes, penalty);
        // The prices the problem states, from the lanes and need dates independently.
        for (const offer of problem.lanes) {
          const needDay = balances.find((b) => b.plant === offer.toPlant)!.needDay!;
          expect(offer.unitCost).toBeCloseTo(offer.costPerUnit + penalty * Math.max(0, T + offer.transitDays - needDay), 9);
        }
        expectWithinLimits(problem, solution);
        const most = problem.lanes.length === 0 ? 0 : Math.round(lpValue(maximumShipmentLp(problem)));
        expect(solution.shipped).toBe(most);
        const least = most === 0 ? 0 : lpValue(leastCostLp(problem, most));
        expect(Math.abs(solution.totalCost - least)).toBeLessThanOrEqual(1e-6 * Math.max(1, least));
      }),
      { numRuns: 500 },
    );
  });

  it('never ships more than a plant has spare or more than a shortage needs, up to ten plants a side', () => {
    fc.assert(
      fc.property(instances(10, 10_000), ({ balances, lanes, penalty }) => {
        const { problem, solution } = solve(balances, lanes, penalty);
        expectWithinLimits(problem, solution);
      }),
      { numRuns: 500 },
    );
  });
});
