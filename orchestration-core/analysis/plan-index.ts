// The plan, kept current change by change. It caches each key's pegging and each production order's
// lateness; a change evicts what depends on the keys it touched (consumers of a key, their output
// keys, and so on up the BOM) and only that is planned again. A what-if applies changes, plans the
// evicted cone, compares, and undoes them, putting the cached plan back as it was.
import { dayOf } from '../../shared/plan-days';
import { planImpact, type Impact } from './impact';
import { pegDemands } from './plan';
import type { PlanChange } from './plan-changes';
import type { DemandOutcome, Plan, PlanInput, PlannedProductionOrder } from './plan-types';
import { customerDemandId, planKey, SupplyDemand, type Demand, type Supply } from './supply-demand';

type Pegging = Map<Demand, number | null>;

const customerPrefix = customerDemandId('');

/** What a what-if evicted, with the values they had before. */
interface Journal {
  keys: Map<string, Pegging>;
  orders: Map<string, PlannedProductionOrder>;
}

export class PlanIndex {
  private readonly data: SupplyDemand;
  private readonly pegged = new Map<string, Pegging>();
  private readonly planned = new Map<string, PlannedProductionOrder>();
  /** Keys and orders evicted since the plan was last complete. */
  private readonly staleKeys = new Set<string>();
  private readonly staleOrders = new Set<string>();
  private journal: Journal | null = null;
  private readonly inProgress = new Set<string>();

  constructor(input: PlanInput, today: string) {
    this.data = new SupplyDemand(input, dayOf(today));
    for (const id of this.data.productionOrders.keys()) this.staleOrders.add(id);
    for (const key of this.data.demands.keys()) this.staleKeys.add(key);
    this.refresh();
  }

  /** Applies a change to supply or demand; re-plans only what it affects, lazily. */
  apply(change: PlanChange): void {
    const touched = this.data.touchedBy(change);
    // Evict along the old relations, change, then along the new ones.
    this.evictAll(touched.keys, touched.orders);
    this.data.apply(change);
    this.evictAll(touched.keys, touched.orders);
  }

  /** The whole plan: every production order and customer order with its lateness. */
  plan(): Plan {
    this.refresh();
    const customerOrders = new Map<string, DemandOutcome>();
    for (const order of this.data.customerOrders.values()) customerOrders.set(order.id, { daysLate: this.customerLateness(order.id) });
    return { productionOrders: new Map(this.planned), customerOrders };
  }

  /** The impact of changes as if they happened, leaving the plan as it was. */
  whatIf(changes: readonly PlanChange[]): Impact {
    this.refresh();
    const journal: Journal = { keys: new Map(), orders: new Map() };
    this.journal = journal;
    const undo: PlanChange[] = [];
    const touchedKeys = new Set<string>();
    const touchedOrders = new Set<string>();
    try {
      for (const change of changes) {
        const touched = this.data.touchedBy(change);
        for (const key of touched.keys) touchedKeys.add(key);
        for (const id of touched.orders) touchedOrders.add(id);
        this.evictAll(touched.keys, touched.orders);
        undo.push(this.data.apply(change));
        this.evictAll(touched.keys, touched.orders);
      }
    } finally {
      this.journal = null;
    }
    const before: Plan = { productionOrders: new Map(journal.orders), customerOrders: new Map() };
    const after: Plan = { productionOrders: new Map(), customerOrders: new Map() };
    for (const id of new Set([...journal.orders.keys(), ...touchedOrders])) {
      if (this.data.productionOrders.has(id)) after.productionOrders.set(id, this.planOrder(id));
    }
    // Keys the changes touched that were never planned (no demand yet) have no before.
    for (const key of new Set([...journal.keys.keys(), ...touchedKeys])) {
      for (const [demand, daysLate] of journal.keys.get(key) ?? []) if (demand.id.startsWith(customerPrefix)) before.customerOrders.set(demand.id.slice(customerPrefix.length), { daysLate });
      for (const [demand, daysLate] of this.pegKey(key)) if (demand.id.startsWith(customerPrefix)) after.customerOrders.set(demand.id.slice(customerPrefix.length), { daysLate });
    }
    const impact = planImpact(before, after, [...after.customerOrders.keys()].map((id) => this.data.customerOrders.get(id)!));
    for (const change of undo.reverse()) this.apply(change);
    for (const [key, pegging] of journal.keys) this.restoreKey(key, pegging);
    for (const [id, planned] of journal.orders) this.restoreOrder(id, planned);
    return impact;
  }

  /** The current records, for planning from scratch. */
  input(): PlanInput {
    return this.data.snapshot();
  }

  private customerLateness(orderId: string): number | null {
    const order = this.data.customerOrders.get(orderId)!;
    return this.pegKey(planKey(order.itemId, order.plant)).get(this.data.customerDemands.get(orderId)!) ?? null;
  }

  private refresh(): void {
    for (const id of this.staleOrders) if (this.data.productionOrders.has(id)) this.planOrder(id);
    for (const key of this.staleKeys) this.pegKey(key);
    this.staleOrders.clear();
    this.staleKeys.clear();
  }

  private restoreKey(key: string, pegging: Pegging): void {
    this.pegged.set(key, pegging);
    this.staleKeys.delete(key);
  }

  private restoreOrder(id: string, planned: PlannedProductionOrder): void {
    this.planned.set(id, planned);
    this.staleOrders.delete(id);
  }

  private evictAll(keys: Iterable<string>, orders: Iterable<string>): void {
    for (const id of orders) this.evictOrder(id);
    for (const key of keys) this.evictKey(key);
  }

  private evictKey(key: string): void {
    this.staleKeys.add(key);
    const pegging = this.pegged.get(key);
    if (!pegging) return;
    this.pegged.delete(key);
    if (this.journal && !this.journal.keys.has(key)) this.journal.keys.set(key, pegging);
    for (const orderId of this.data.consumers.get(key) ?? []) this.evictOrder(orderId);
  }

  private evictOrder(id: string): void {
    this.staleOrders.add(id);
    const planned = this.planned.get(id);
    if (!planned) return;
    this.planned.delete(id);
    if (this.journal && !this.journal.orders.has(id)) this.journal.orders.set(id, planned);
    const order = this.data.productionOrders.get(id);
    if (order) this.evictKey(planKey(order.itemId, order.plant));
  }

  private pegKey(key: string): Pegging {
    const cached = this.pegged.get(key);
    if (cached) return cached;
    if (this.inProgress.has(key)) throw new Error(`bill of materials: ${key} is its own component (a cycle)`);
    this.inProgress.add(key);
    const supply: Supply[] = [...(this.data.staticSupply.get(key)?.values() ?? [])];
    for (const orderId of this.data.producers.get(key) ?? []) {
      const planned = this.planOrder(orderId);
      if (planned.outputDay !== null) supply.push({ day: planned.outputDay, quantity: this.data.productionOrders.get(orderId)!.quantity });
    }
    const pegging = pegDemands(supply, [...(this.data.demands.get(key)?.values() ?? [])]);
    this.inProgress.delete(key);
    this.pegged.set(key, pegging);
    return pegging;
  }

  private planOrder(id: string): PlannedProductionOrder {
    const cached = this.planned.get(id);
    if (cached) return cached;
    const order = this.data.productionOrders.get(id)!;
    const demands = this.data.componentDemands.get(id)!;
    let daysLate: number | null = 0;
    // Every component is pegged, even after one is found unfulfilled: a planned order's component
    // keys must be cached for a change to them to evict the order.
    for (let i = 0; i < demands.length; i++) {
      const late = this.pegKey(planKey(order.components[i]!.itemId, order.plant)).get(demands[i]!) ?? null;
      daysLate = late === null || daysLate === null ? null : Math.max(daysLate, late);
    }
    const planned: PlannedProductionOrder = { daysLate, outputDay: daysLate === null ? null : dayOf(order.dueDate) + daysLate };
    this.planned.set(id, planned);
    return planned;
  }
}
