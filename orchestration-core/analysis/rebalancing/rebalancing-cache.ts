// Rebalancing kept current change by change: each item's solution is cached under the fingerprint of
// its balances, and a change re-solves only the items whose balances it moved. Lanes and options are
// fixed for the cache's life; a change to either is a new cache.
import type { SafetyStock } from '../../../shared/dataset';
import { dayOf } from '../../../shared/plan-days';
import type { PlanChange } from '../../model/plan-changes';
import type { RebalanceInput } from '../plan-types';
import { SupplyDemand } from '../supply-demand';
import { movementsOfKey, projectBalance, safetyStockIndex, type PlantBalance } from './balances';
import { balanceFingerprint, indexLanes, problemFor, solveProblem, type ItemRebalancing, type LaneIndex, type RebalanceOptions } from './rebalance';

/** A change to supply and demand, or a plant's new safety stock of an item (0 to drop it). */
export type RebalanceChange = PlanChange | { kind: 'safetyStock'; safetyStock: SafetyStock };

export interface ResolveOutcome {
  /** Items whose problem or solution is new, in id order. */
  changed: ItemRebalancing[];
  /** Items that had a problem and have none now. */
  cleared: string[];
  /** Items whose balances were computed again. */
  balanced: number;
  /** Items whose balances moved and that have a problem to solve. */
  solved: number;
}

interface Entry {
  fingerprint: string;
  result: ItemRebalancing | null;
}

export class RebalancingCache {
  private readonly data: SupplyDemand;
  private readonly todayDay: number;
  private readonly lanes: LaneIndex;
  private readonly safety: Map<string, Map<string, number>>;
  private readonly entries = new Map<string, Entry>();

  constructor(
    input: RebalanceInput,
    private readonly options: RebalanceOptions,
  ) {
    this.todayDay = dayOf(input.today);
    this.data = new SupplyDemand(input, this.todayDay);
    this.lanes = indexLanes(input.lanes);
    this.safety = safetyStockIndex(input.safetyStocks);
  }

  /** Solves every item; returns those with a problem, in id order. */
  solveAll(): ItemRebalancing[] {
    const itemIds = new Set(this.safety.keys());
    for (const key of this.data.keys()) itemIds.add(key.itemId);
    this.entries.clear();
    for (const itemId of itemIds) this.refresh(itemId);
    return this.results();
  }

  /** Applies the changes, then re-solves the items whose balances they moved. */
  apply(changes: readonly RebalanceChange[]): ResolveOutcome {
    const touched = new Set<string>();
    for (const change of changes) {
      if (change.kind === 'safetyStock') {
        this.setSafetyStock(change.safetyStock);
        touched.add(change.safetyStock.itemId);
      } else {
        for (const key of this.data.apply(change).touched.keys) touched.add(key.itemId);
      }
    }
    const outcome: ResolveOutcome = { changed: [], cleared: [], balanced: touched.size, solved: 0 };
    for (const itemId of [...touched].sort()) {
      const before = this.entries.get(itemId)?.result ?? null;
      const after = this.refresh(itemId);
      if (after === undefined) continue;
      if (after) {
        outcome.solved++;
        outcome.changed.push(after);
      } else if (before) outcome.cleared.push(itemId);
    }
    return outcome;
  }

  /** Items with a balance at some plant, a problem or not. */
  itemCount(): number {
    return this.entries.size;
  }

  /** The items with a problem (those asked for, or all), in id order. */
  results(itemIds?: readonly string[]): ItemRebalancing[] {
    const ids = itemIds ?? [...this.entries.keys()];
    return ids
      .map((itemId) => this.entries.get(itemId)?.result)
      .filter((result): result is ItemRebalancing => result !== null && result !== undefined)
      .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  }

  private setSafetyStock({ itemId, plant, quantity }: SafetyStock): void {
    let plants = this.safety.get(itemId);
    if (!plants) this.safety.set(itemId, (plants = new Map()));
    if (quantity > 0) plants.set(plant, quantity);
    else plants.delete(plant);
  }

  private balancesOf(itemId: string): PlantBalance[] {
    const safety = this.safety.get(itemId);
    const balances: PlantBalance[] = [];
    const seen = new Set<string>();
    for (const key of this.data.keysOfItem(itemId)) {
      seen.add(key.plant);
      balances.push(projectBalance(key.plant, movementsOfKey(key), safety?.get(key.plant) ?? 0, this.todayDay, this.options.horizonDays));
    }
    // A safety stock where nothing else is recorded is short all of it from today.
    for (const [plant, quantity] of safety ?? []) if (!seen.has(plant)) balances.push(projectBalance(plant, [], quantity, this.todayDay, this.options.horizonDays));
    return balances.sort((a, b) => (a.plant < b.plant ? -1 : a.plant > b.plant ? 1 : 0));
  }

  /**
   * Computes the item's balances and, when their fingerprint moved, solves its problem again: returns
   * the new result (null without a problem), or undefined when the fingerprint stayed.
   */
  private refresh(itemId: string): ItemRebalancing | null | undefined {
    const balances = this.balancesOf(itemId);
    const fingerprint = balanceFingerprint(balances);
    if (this.entries.get(itemId)?.fingerprint === fingerprint) return undefined;
    const problem = problemFor(itemId, balances, this.lanes, this.todayDay, this.options);
    const result = problem && { itemId, problem, solution: solveProblem(problem) };
    this.entries.set(itemId, { fingerprint, result });
    return result;
  }
}
