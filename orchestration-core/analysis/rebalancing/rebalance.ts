// Rebalancing one item: the transportation problem between its plants with surplus and its plants
// short of demand plus safety stock, each lane priced at its cost per unit plus a lateness penalty
// per unit and day that a transfer shipped today arrives after the shortage's need date, and its
// solution: the most units the surpluses and lanes can cover, at the least total cost.
import type { Lane } from '../../../shared/dataset';
import { dateOf, dayOf } from '../../../shared/plan-days';
import type { RebalanceInput } from '../plan-types';
import { balancesOf, defaultHorizonDays, type PlantBalance } from './balances';
import { solveTransportation } from './transportation';

export interface RebalanceOptions {
  /** Days from today that balances look ahead. */
  horizonDays: number;
  /** What a unit arriving a day after its need date costs on top of the lane's cost per unit. */
  latenessPenaltyPerUnitDay: number;
}

export const defaultRebalanceOptions: RebalanceOptions = { horizonDays: defaultHorizonDays, latenessPenaltyPerUnitDay: 5 };

/** A plant with something to give or something missing; never both. */
export interface PlantPosition {
  plant: string;
  surplus: number;
  shortage: number;
  /** When the shortage begins; null for a plant with surplus. */
  needDate: string | null;
}

/** A lane from a plant with surplus to a plant with a shortage, priced for this item's need date. */
export interface LaneOffer {
  fromPlant: string;
  toPlant: string;
  costPerUnit: number;
  transitDays: number;
  /** Shipped today, it arrives then. */
  arrivalDate: string;
  daysLate: number;
  /** costPerUnit + latenessPenaltyPerUnitDay × daysLate: the cost the optimizer minimizes. */
  unitCost: number;
}

export interface RebalanceProblem {
  itemId: string;
  plants: PlantPosition[];
  lanes: LaneOffer[];
}

export interface Shipment {
  fromPlant: string;
  toPlant: string;
  quantity: number;
  unitCost: number;
  cost: number;
}

export interface RebalanceSolution {
  shipments: Shipment[];
  shipped: number;
  /** Shortage the surpluses and lanes cannot cover. */
  unmetShortage: number;
  totalCost: number;
}

export interface ItemRebalancing {
  itemId: string;
  problem: RebalanceProblem;
  solution: RebalanceSolution;
}

/** Money in the output: a sum of float products, shown without its last-digit noise. */
export const roundMoney = (amount: number) => Math.round(amount * 1e6) / 1e6;

/** Lanes by the plant they leave from, then the plant they reach: every item looks up the same few. */
export type LaneIndex = ReadonlyMap<string, ReadonlyMap<string, Lane>>;

export function indexLanes(lanes: readonly Lane[]): LaneIndex {
  const index = new Map<string, Map<string, Lane>>();
  for (const lane of lanes) {
    let reached = index.get(lane.fromPlant);
    if (!reached) index.set(lane.fromPlant, (reached = new Map()));
    reached.set(lane.toPlant, lane);
  }
  return index;
}

/** The item's transportation problem; null unless one plant has surplus and another a shortage. */
export function problemFor(itemId: string, balances: readonly PlantBalance[], lanes: LaneIndex, todayDay: number, options: RebalanceOptions): RebalanceProblem | null {
  const givers = balances.filter((balance) => balance.surplus > 0);
  const takers = balances.filter((balance) => balance.shortage > 0);
  if (givers.length === 0 || takers.length === 0) return null;
  const plants: PlantPosition[] = [...givers, ...takers]
    .sort((a, b) => (a.plant < b.plant ? -1 : a.plant > b.plant ? 1 : 0))
    .map((balance) => ({ plant: balance.plant, surplus: balance.surplus, shortage: balance.shortage, needDate: balance.needDay === null ? null : dateOf(balance.needDay) }));
  const offers: LaneOffer[] = [];
  for (const giver of givers) {
    const reached = lanes.get(giver.plant);
    for (const taker of takers) {
      const lane = reached?.get(taker.plant);
      if (!lane) continue;
      const arrivalDay = todayDay + lane.transitDays;
      const daysLate = Math.max(0, arrivalDay - taker.needDay!);
      const { costPerUnit, transitDays } = lane;
      offers.push({ fromPlant: giver.plant, toPlant: taker.plant, costPerUnit, transitDays, arrivalDate: dateOf(arrivalDay), daysLate, unitCost: costPerUnit + options.latenessPenaltyPerUnitDay * daysLate });
    }
  }
  return { itemId, plants, lanes: offers };
}

export function solveProblem(problem: RebalanceProblem): RebalanceSolution {
  const givers = problem.plants.filter((plant) => plant.surplus > 0);
  const takers = problem.plants.filter((plant) => plant.shortage > 0);
  const giverIndex = new Map(givers.map((plant, i) => [plant.plant, i]));
  const takerIndex = new Map(takers.map((plant, i) => [plant.plant, i]));
  const { flow } = solveTransportation({
    supply: givers.map((plant) => plant.surplus),
    demand: takers.map((plant) => plant.shortage),
    arcs: problem.lanes.map((lane) => ({ from: giverIndex.get(lane.fromPlant)!, to: takerIndex.get(lane.toPlant)!, unitCost: lane.unitCost })),
  });
  const shipments = problem.lanes.flatMap((lane, i): Shipment[] =>
    flow[i]! > 0 ? [{ fromPlant: lane.fromPlant, toPlant: lane.toPlant, quantity: flow[i]!, unitCost: lane.unitCost, cost: roundMoney(lane.unitCost * flow[i]!) }] : [],
  );
  const shipped = shipments.reduce((sum, shipment) => sum + shipment.quantity, 0);
  const shortage = takers.reduce((sum, plant) => sum + plant.shortage, 0);
  return { shipments, shipped, unmetShortage: shortage - shipped, totalCost: roundMoney(shipments.reduce((sum, shipment) => sum + shipment.unitCost * shipment.quantity, 0)) };
}

/** Rebalances every item from scratch, items in id order: what the cache must agree with. */
export function solveAll(input: RebalanceInput, options: RebalanceOptions = defaultRebalanceOptions): ItemRebalancing[] {
  const todayDay = dayOf(input.today);
  const results: ItemRebalancing[] = [];
  const balances = balancesOf(input, options.horizonDays);
  const lanes = indexLanes(input.lanes);
  for (const itemId of [...balances.keys()].sort()) {
    const problem = problemFor(itemId, balances.get(itemId)!, lanes, todayDay, options);
    if (problem) results.push({ itemId, problem, solution: solveProblem(problem) });
  }
  return results;
}

/** What decides an item's problem besides the lanes: a changed fingerprint means solve again. */
export function balanceFingerprint(balances: readonly PlantBalance[]): string {
  let fingerprint = '';
  for (const { plant, surplus, shortage, needDay } of balances) if (surplus > 0 || shortage > 0) fingerprint += `${plant}:${surplus}:${shortage}:${needDay ?? ''};`;
  return fingerprint;
}
