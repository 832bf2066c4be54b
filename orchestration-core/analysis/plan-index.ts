// The plan, kept current change by change. Each item-and-plant key caches its pegging and each
// production order its lateness; a change evicts what depends on what it touched (consumers of a
// key, their output keys, and so on up the BOM) and only that is planned again, lazily. A what-if
// applies changes, plans the evicted cone, compares, and undoes them, putting the cache back.
import type { CustomerOrder, PlanLot, PoLine, ProductionOrder, Transfer } from '../../shared/dataset';
import { dayOf } from '../../shared/plan-days';
import { impactOf, type Impact, type ImpactedCustomerOrder, type ImpactedOrder } from '../model/impact';
import { planImpact, worse } from './impact';
import { pegDemands } from './plan';
import { defaultHorizonDays, movementsOfKey, projectBalance } from './rebalancing/balances';
import type { PlanChange } from '../model/plan-changes';
import type { PlanInput } from '../model/plan-input';
import type { DemandOutcome, Plan, PlannedProductionOrder } from './plan-types';
import { SupplyDemand, type Demand, type KeyState, type OrderState, type Supply, type Touched } from './supply-demand';

type Pegging = Map<Demand, number | null>;

/** What brings a supply: a lot in stock, a PO line, an inbound transfer, or a production order's output. */
export type SupplySource =
  | { kind: 'lot'; lot: PlanLot }
  | { kind: 'poLine'; line: PoLine }
  | { kind: 'transfer'; transfer: Transfer }
  | { kind: 'production'; order: ProductionOrder; planned: PlannedProductionOrder };

export interface KeySupply extends Supply {
  source: SupplySource;
}

export interface KeyElements {
  supplies: KeySupply[];
  demands: Demand[];
  /** Every lot there, whatever its stock type (only unrestricted ones are supply). */
  lots: PlanLot[];
  /** Production orders of the item there that never finish (a component never covered): no receipt. By due date, then id. */
  unfulfilledProducers: ProductionOrder[];
}

function sourceOf(record: object): SupplySource {
  if ('lotId' in record) return { kind: 'lot', lot: record as PlanLot };
  if ('fromPlant' in record) return { kind: 'transfer', transfer: record as Transfer };
  return { kind: 'poLine', line: record as PoLine };
}

/** One side of a comparison: the plan of the cone and the customer orders as that side has them. */
interface PlanSide {
  plan: Plan;
  customerOrders: CustomerOrder[];
}

/** What a what-if evicted, with the values they had before. */
interface Journal {
  keys: Map<KeyState, Pegging>;
  orders: Map<OrderState, PlannedProductionOrder>;
}

/** Changes applied for a what-if: what they evicted (the values before, where planned), all they reached, and how to undo them. */
interface Layer {
  journal: Journal;
  reached: Touched;
  undo: PlanChange[];
}

export class PlanIndex {
  private readonly data: SupplyDemand;
  /** Keys and orders evicted since the plan was last complete. */
  private readonly staleKeys = new Set<KeyState>();
  private readonly staleOrders = new Set<OrderState>();
  /** The layer being applied: evictions journal their values into it. */
  private layer: Layer | null = null;
  private readonly inProgress = new Set<KeyState>();

  private readonly todayDay: number;

  constructor(input: PlanInput, today: string) {
    this.todayDay = dayOf(today);
    this.data = new SupplyDemand(input, this.todayDay);
    for (const state of this.data.orders.values()) this.staleOrders.add(state);
    for (const key of this.data.keys()) if (key.demands.length > 0) this.staleKeys.add(key);
    this.refresh();
  }

  /** Applies a change to supply or demand; re-plans only what it affects, lazily. */
  apply(change: PlanChange): void {
    this.evict(this.data.apply(change).touched);
  }

  /**
   * What can leave a plant's stock of an item today without its projected available dipping below
   * safety stock on any day of the horizon: its own needs come first (rebalancing's surplus).
   */
  freeQuantity(itemId: string, plant: string, safetyStock: number, horizonDays = defaultHorizonDays): number {
    let key: KeyState | undefined;
    for (const candidate of this.data.keysOfItem(itemId)) if (candidate.plant === plant) key = candidate;
    return projectBalance(plant, key ? movementsOfKey(key) : [], safetyStock, this.todayDay, horizonDays).surplus;
  }

  /**
   * An item at a plant as the plan has it now: its supplies in the order pegging takes them (stock,
   * PO lines and inbound transfers as recorded, then production output at its planned day) and its
   * demands; null when the plan knows nothing of it there.
   */
  keyElements(itemId: string, plant: string): KeyElements | null {
    const key = this.data.find(itemId, plant);
    if (!key) return null;
    const supplies: KeySupply[] = key.supply.map((entry) => ({ day: entry.day, quantity: entry.quantity, source: sourceOf(entry.record) }));
    for (const state of key.producers) {
      const planned = this.planOrder(state);
      if (planned.outputDay !== null) supplies.push({ day: planned.outputDay, quantity: state.order.quantity, source: { kind: 'production', order: state.order, planned } });
    }
    return { supplies, demands: [...key.demands], lots: this.data.lotsAt(key), unfulfilledProducers: key.producers
        .filter((state) => this.planOrder(state).outputDay === null)
        .map((state) => state.order)
        .sort((a, b) => dayOf(a.dueDate) - dayOf(b.dueDate) || (a.id < b.id ? -1 : 1)) };
  }

  /** The plan has supply or demand of the item at the plant. */
  hasKey(itemId: string, plant: string): boolean {
    const key = this.data.find(itemId, plant);
    return key !== undefined && (key.supply.length > 0 || key.demands.length > 0 || key.producers.length > 0);
  }

  /** A production order as planned now, with its components' demands. */
  productionOrder(id: string): { order: ProductionOrder; planned: PlannedProductionOrder; components: readonly { itemId: string; plant: string; demand: Demand }[] } | undefined {
    const state = this.data.orders.get(id);
    if (!state) return undefined;
    return { order: state.order, planned: this.planOrder(state), components: state.components.map(({ key, demand }) => ({ itemId: key.itemId, plant: key.plant, demand })) };
  }

  customerOrder(id: string): CustomerOrder | undefined {
    return this.data.customers.get(id)?.order;
  }

  transfer(id: string): Transfer | undefined {
    return this.data.transfer(id);
  }

  poLine(id: string): PoLine | undefined {
    return this.data.poLine(id);
  }

  lot(id: string): PlanLot | undefined {
    return this.data.lot(id);
  }

  /** Production orders on a plant's line, as the plan has them now. */
  ordersOnLine(plant: string, line: string): ProductionOrder[] {
    const found: ProductionOrder[] = [];
    for (const state of this.data.orders.values()) if (state.order.plant === plant && state.order.line === line) found.push(state.order);
    return found;
  }

  /** The day the plan counts from. */
  get today(): number {
    return this.todayDay;
  }

  /** The whole plan: every production order and customer order with its lateness. */
  plan(): Plan {
    this.refresh();
    const productionOrders = new Map<string, PlannedProductionOrder>();
    for (const [id, state] of this.data.orders) productionOrders.set(id, this.planOrder(state));
    const customerOrders = new Map<string, DemandOutcome>();
    for (const [id, customer] of this.data.customers) customerOrders.set(id, { daysLate: this.pegKey(customer.key).get(customer.demand) ?? null });
    return { productionOrders, customerOrders };
  }

  /** The impact of changes as if they happened, leaving the plan as it was. */
  whatIf(changes: readonly PlanChange[]): Impact {
    const { current, changed } = this.compareWith(changes);
    return planImpact(current.plan, changed.plan, changed.customerOrders);
  }

  /**
   * whatIf's impact, and every customer order the changes reach with its days late now and in the
   * world they make (null: never covered): what a scenario makes earlier shows as well as later.
   */
  whatIfReaching(changes: readonly PlanChange[]): { impact: Impact; customerOrders: { id: string; now: number | null; then: number | null }[] } {
    const { current, changed } = this.compareWith(changes);
    const ids = new Set([...current.plan.customerOrders.keys(), ...changed.plan.customerOrders.keys()]);
    const customerOrders = [...ids].map((id) => {
      const now = current.plan.customerOrders.get(id) ?? this.presentOutcome(id);
      return { id, now: now.daysLate, then: (changed.plan.customerOrders.get(id) ?? now).daysLate };
    });
    return { impact: planImpact(current.plan, changed.plan, changed.customerOrders), customerOrders };
  }

  /** A customer order's days late in the plan as it is (null: never covered or unknown). */
  customerLateness(customerOrderId: string): number | null {
    this.refresh();
    return this.presentOutcome(customerOrderId).daysLate;
  }

  private presentOutcome(customerOrderId: string): DemandOutcome {
    const customer = this.data.customers.get(customerOrderId);
    return { daysLate: customer ? (this.pegKey(customer.key).get(customer.demand) ?? null) : null };
  }

  /**
   * The impact of what already happened, against a baseline described by the changes that would
   * undo it (a delayed PO line's previous date): the orders the present plan makes later.
   */
  impactSince(baseline: readonly PlanChange[]): Impact {
    const { current, changed } = this.compareWith(baseline);
    return planImpact(changed.plan, current.plan, current.customerOrders);
  }

  /**
   * The impact of moving from one what-if world to another, both described as changes to the present
   * plan: `compare(undoDelay, response)` is a response's effect against the plan before the delay.
   */
  compare(from: readonly PlanChange[], to: readonly PlanChange[]): Impact {
    const a = this.compareWith(from);
    const b = this.compareWith(to);
    // A world's plan: its own cone as changed; orders only the other world's cone reaches stand as in
    // the present plan. An order in its own cone but not in its changed plan was removed there.
    const planOf = (side: { current: PlanSide; changed: PlanSide }, other: { current: PlanSide; changed: PlanSide }): Plan => {
      const plan: Plan = { productionOrders: new Map(side.changed.plan.productionOrders), customerOrders: new Map(side.changed.plan.customerOrders) };
      for (const id of [...other.current.plan.productionOrders.keys(), ...other.changed.plan.productionOrders.keys()]) {
        if (!plan.productionOrders.has(id) && !side.current.plan.productionOrders.has(id)) this.presentProductionOrder(id, plan);
      }
      for (const id of [...other.current.plan.customerOrders.keys(), ...other.changed.plan.customerOrders.keys()]) {
        if (!plan.customerOrders.has(id) && !side.current.plan.customerOrders.has(id)) this.presentCustomerOrder(id, plan);
      }
      return plan;
    };
    const before = planOf(a, b);
    const after = planOf(b, a);
    const customerOrders = new Map(b.changed.customerOrders.map((order) => [order.id, order]));
    for (const id of after.customerOrders.keys()) if (!customerOrders.has(id)) {
      const customer = this.data.customers.get(id);
      if (customer) customerOrders.set(id, customer.order);
    }
    return planImpact(before, after, [...customerOrders.values()]);
  }

  private presentProductionOrder(id: string, into: Plan): void {
    const state = this.data.orders.get(id);
    if (state) into.productionOrders.set(id, this.planOrder(state));
  }

  private presentCustomerOrder(id: string, into: Plan): void {
    const customer = this.data.customers.get(id);
    if (customer) into.customerOrders.set(id, { daysLate: this.pegKey(customer.key).get(customer.demand) ?? null });
  }

  /**
   * What-ifs that share most of their changes: `whatIf(base)`, and `variants.map((v) => whatIf([...base, ...v]))`, with
   * the base applied and planned once: each variant re-plans only what it reaches beyond the base (a
   * stopped line's held-up orders all wait; each alternate moves one of them elsewhere).
   */
  whatIfEach(base: readonly PlanChange[], variants: readonly (readonly PlanChange[])[]): { base: Impact; variants: Impact[] } {
    this.refresh();
    const outer = this.applyLayer(base);
    try {
      this.refresh();
      const { current, changed } = this.sides(outer);
      const baseImpact = planImpact(current, changed.plan, changed.customerOrders);
      const each = variants.map((variant) => {
        const inner = this.applyLayer(variant);
        try {
          return this.amendedImpact(baseImpact, current, outer, inner);
        } finally {
          this.undoLayer(inner);
        }
      });
      return { base: baseImpact, variants: each };
    } finally {
      this.undoLayer(outer);
    }
  }

  /** Plans the cone the changes touch with and without them; leaves the plan as it was. */
  private compareWith(changes: readonly PlanChange[]): { current: PlanSide; changed: PlanSide } {
    this.refresh();
    const layer = this.applyLayer(changes);
    let sides: { current: Plan; changed: PlanSide };
    try {
      sides = this.sides(layer);
    } finally {
      this.undoLayer(layer);
    }
    const { current, changed } = sides;
    // The present plan's customer orders as the present has them (a what-if may change an order's value).
    const currentOrders = [...current.customerOrders.keys()].flatMap((id) => this.data.customers.get(id)?.order ?? []);
    return { current: { plan: current, customerOrders: currentOrders }, changed };
  }

  /** Applies changes, journaling the values they evict: undoLayer puts the plan back as it was. */
  private applyLayer(changes: readonly PlanChange[]): Layer {
    const layer: Layer = { journal: { keys: new Map(), orders: new Map() }, reached: { keys: new Set(), orders: new Set() }, undo: [] };
    this.layer = layer;
    try {
      for (const change of changes) {
        const applied = this.data.apply(change);
        layer.undo.push(applied.undo);
        this.evict(applied.touched);
      }
    } catch (error) {
      this.layer = null;
      this.undoLayer(layer);
      throw error;
    } finally {
      this.layer = null;
    }
    return layer;
  }

  private undoLayer(layer: Layer): void {
    for (const change of [...layer.undo].reverse()) this.apply(change);
    for (const [key, pegging] of layer.journal.keys) {
      key.pegging = pegging;
      this.staleKeys.delete(key);
    }
    for (const [state, planned] of layer.journal.orders) {
      state.planned = planned;
      this.staleOrders.delete(state);
    }
  }

  /** The cone the layer reached, as the present plan has it and with the layer applied. */
  private sides(layer: Layer): { current: Plan; changed: PlanSide } {
    const current: Plan = { productionOrders: new Map(), customerOrders: new Map() };
    const changed: Plan = { productionOrders: new Map(), customerOrders: new Map() };
    for (const [state, planned] of layer.journal.orders) current.productionOrders.set(state.order.id, planned);
    for (const state of layer.reached.orders) {
      if (this.data.orders.get(state.order.id) === state) changed.productionOrders.set(state.order.id, this.planOrder(state));
    }
    // Keys the changes touched that were never planned (no demand yet) have no current plan.
    for (const key of layer.reached.keys) {
      for (const [demand, daysLate] of layer.journal.keys.get(key) ?? []) if (demand.kind === 'customer') current.customerOrders.set(demand.orderId, { daysLate });
      for (const [demand, daysLate] of this.pegKey(key)) if (demand.kind === 'customer') changed.customerOrders.set(demand.orderId, { daysLate });
    }
    // The customer orders as the changed side has them (a what-if may change an order's value).
    const changedOrders = [...changed.customerOrders.keys()].map((id) => this.data.customers.get(id)!.order);
    return { current, changed: { plan: changed, customerOrders: changedOrders } };
  }

  /**
   * A variant's impact against the present plan: the base's impact, its rows re-valued only where the
   * variant (applied on top of the base) reached. Present values come from the outer journal, or from
   * the inner one for what the base did not reach (there the base world is the present one).
   */
  private amendedImpact(baseImpact: Impact, present: Plan, outer: Layer, inner: Layer): Impact {
    const orders = new Map<string, ImpactedOrder>(baseImpact.productionOrders.map((row) => [row.id, row]));
    const customers = new Map<string, ImpactedCustomerOrder>(baseImpact.customerOrders.map((row) => [row.id, row]));
    const innerOrders = new Map<string, PlannedProductionOrder>();
    for (const [state, planned] of inner.journal.orders) if (!outer.reached.orders.has(state)) innerOrders.set(state.order.id, planned);
    const innerCustomers = new Map<string, DemandOutcome>();
    const customerIds = new Set<string>();
    for (const key of inner.reached.keys) {
      const before = inner.journal.keys.get(key);
      for (const demand of [...(before?.keys() ?? []), ...this.pegKey(key).keys()]) if (demand.kind === 'customer') customerIds.add(demand.orderId);
      if (before && !outer.reached.keys.has(key)) {
        for (const [demand, daysLate] of before) if (demand.kind === 'customer') innerCustomers.set(demand.orderId, { daysLate });
      }
    }
    for (const id of new Set([...inner.reached.orders].map((state) => state.order.id))) {
      const live = this.data.orders.get(id);
      const hit = live ? worse(present.productionOrders.get(id) ?? innerOrders.get(id), this.planOrder(live)) : null;
      if (hit) orders.set(id, { id, ...hit });
      else orders.delete(id);
    }
    for (const id of customerIds) {
      const customer = this.data.customers.get(id);
      const daysLate = customer ? this.pegKey(customer.key).get(customer.demand) : undefined;
      const hit = customer && daysLate !== undefined ? worse(present.customerOrders.get(id) ?? innerCustomers.get(id), { daysLate }) : null;
      if (hit) customers.set(id, { id, ...hit, revenueAtRisk: customer!.order.value });
      else customers.delete(id);
    }
    return impactOf([...orders.values()], [...customers.values()]);
  }

  /** The current records, for planning from scratch. */
  input(): PlanInput {
    return this.data.snapshot();
  }

  private refresh(): void {
    for (const state of this.staleOrders) if (this.data.orders.get(state.order.id) === state) this.planOrder(state);
    for (const key of this.staleKeys) this.pegKey(key);
    this.staleOrders.clear();
    this.staleKeys.clear();
  }

  private evict(touched: Touched): void {
    for (const state of touched.orders) this.evictOrder(state);
    for (const key of touched.keys) this.evictKey(key);
  }

  private evictKey(key: KeyState): void {
    this.staleKeys.add(key);
    this.layer?.reached.keys.add(key);
    const pegging = key.pegging;
    if (!pegging) return;
    key.pegging = null;
    if (this.layer && !this.layer.journal.keys.has(key)) this.layer.journal.keys.set(key, pegging);
    for (const state of key.consumers) this.evictOrder(state);
  }

  private evictOrder(state: OrderState): void {
    this.staleOrders.add(state);
    this.layer?.reached.orders.add(state);
    const planned = state.planned;
    if (!planned) return;
    state.planned = null;
    if (this.layer && !this.layer.journal.orders.has(state)) this.layer.journal.orders.set(state, planned);
    this.evictKey(state.output);
  }

  private pegKey(key: KeyState): Pegging {
    if (key.pegging) return key.pegging;
    if (this.inProgress.has(key)) throw new Error(`bill of materials: ${key.itemId} at ${key.plant} is its own component (a cycle)`);
    this.inProgress.add(key);
    try {
      const supply: Supply[] = key.supply.map((entry) => ({ day: entry.day, quantity: entry.quantity }));
      for (const state of key.producers) {
        const planned = this.planOrder(state);
        if (planned.outputDay !== null) supply.push({ day: planned.outputDay, quantity: state.order.quantity });
      }
      const pegging = pegDemands(supply, [...key.demands]);
      key.pegging = pegging;
      return pegging;
    } finally {
      // A cycle found below leaves no key marked as being pegged: the next question starts clean.
      this.inProgress.delete(key);
    }
  }

  private planOrder(state: OrderState): PlannedProductionOrder {
    if (state.planned) return state.planned;
    // Every component is pegged, even after one is found unfulfilled: a planned order's component
    // keys must be cached for a change to them to evict the order.
    let daysLate: number | null = 0;
    for (const { key, demand } of state.components) {
      const late = this.pegKey(key).get(demand) ?? null;
      daysLate = late === null || daysLate === null ? null : Math.max(daysLate, late);
    }
    const planned: PlannedProductionOrder = { daysLate, outputDay: daysLate === null ? null : dayOf(state.order.dueDate) + daysLate };
    state.planned = planned;
    return planned;
  }
}
