// Supply and demand per item and plant, kept current one record at a time. Each item and plant is a
// KeyState object and each production order an OrderState, so the plan index links and caches by
// object instead of by composed strings. A record put back (undoing a what-if) gets back the very
// same demand objects and order state, so plans cached against them stay valid.
import type { CustomerOrder, PlanLot, PoLine, ProductionOrder, Transfer } from '../../shared/dataset';
import { dayOf } from '../../shared/plan-days';
import type { PlanChange } from '../model/plan-changes';
import type { PlanInput } from '../model/plan-input';
import type { PlannedProductionOrder } from './plan-types';

export interface Supply {
  day: number;
  quantity: number;
}

/** A need for an item at a plant. Ties on date and priority go to the lower order id, then position. */
export interface Demand {
  kind: 'component' | 'customer' | 'transfer';
  orderId: string;
  index: number;
  day: number;
  quantity: number;
  priority: number;
}

export interface SupplyEntry extends Supply {
  readonly record: object;
}

function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at !== -1) list.splice(at, 1);
}

function removeSupply(list: SupplyEntry[], record: object): void {
  const at = list.findIndex((entry) => entry.record === record);
  if (at !== -1) list.splice(at, 1);
}

export interface KeyState {
  readonly itemId: string;
  readonly plant: string;
  // Arrays, not sets: building the index adds hundreds of thousands of entries and removes few.
  /** Stock, PO lines and inbound transfers, with the record that brings each. */
  readonly supply: SupplyEntry[];
  readonly demands: Demand[];
  /** Production orders whose output is supply here. */
  readonly producers: OrderState[];
  /** Production orders with a component requirement here. */
  readonly consumers: OrderState[];
  /** The plan index's cache: each demand's lateness, or null when stale. */
  pegging: Map<Demand, number | null> | null;
}

export interface OrderState {
  readonly order: ProductionOrder;
  readonly output: KeyState;
  readonly components: readonly { key: KeyState; demand: Demand }[];
  /** The plan index's cache: the order's lateness, or null when stale. */
  planned: PlannedProductionOrder | null;
}

interface CustomerState {
  order: CustomerOrder;
  key: KeyState;
  demand: Demand;
}

/** What a change touches, along its old and new relations. */
export interface Touched {
  keys: Set<KeyState>;
  orders: Set<OrderState>;
}

export class SupplyDemand {
  private readonly byPlant = new Map<string, Map<string, KeyState>>();
  readonly orders = new Map<string, OrderState>();
  readonly customers = new Map<string, CustomerState>();
  private readonly poLines = new Map<string, { line: PoLine; key: KeyState }>();
  private readonly lots = new Map<string, { lot: PlanLot; key: KeyState }>();
  private readonly transfers = new Map<string, { transfer: Transfer; from: KeyState; to: KeyState; demand: Demand }>();
  private readonly orderStateOf = new WeakMap<ProductionOrder, OrderState>();
  private readonly demandOf = new WeakMap<CustomerOrder | Transfer, Demand>();

  constructor(
    input: PlanInput,
    private readonly todayDay: number,
  ) {
    for (const line of input.poLines) this.put({ kind: 'poLine', poLine: line });
    for (const lot of input.lots) this.put({ kind: 'lot', lot });
    for (const order of input.productionOrders) this.put({ kind: 'productionOrder', order });
    for (const order of input.customerOrders) this.put({ kind: 'customerOrder', order });
    for (const transfer of input.transfers) this.put({ kind: 'transfer', transfer });
  }

  key(itemId: string, plant: string): KeyState {
    let items = this.byPlant.get(plant);
    if (!items) this.byPlant.set(plant, (items = new Map()));
    let key = items.get(itemId);
    if (!key) items.set(itemId, (key = { itemId, plant, supply: [], demands: [], producers: [], consumers: [], pegging: null }));
    return key;
  }

  /** The item at the plant, if anything of it is known there (unlike key(), never adds one). */
  find(itemId: string, plant: string): KeyState | undefined {
    return this.byPlant.get(plant)?.get(itemId);
  }

  transfer(id: string): Transfer | undefined {
    return this.transfers.get(id)?.transfer;
  }

  poLine(id: string): PoLine | undefined {
    return this.poLines.get(id)?.line;
  }

  lot(id: string): PlanLot | undefined {
    return this.lots.get(id)?.lot;
  }

  /** Every lot of the item at the plant, whatever its stock type. */
  lotsAt(key: KeyState): PlanLot[] {
    const lots: PlanLot[] = [];
    for (const entry of this.lots.values()) if (entry.key === key) lots.push(entry.lot);
    return lots;
  }

  *keys(): Generator<KeyState> {
    for (const items of this.byPlant.values()) yield* items.values();
  }

  /** The item's key at each plant that has one. */
  *keysOfItem(itemId: string): Generator<KeyState> {
    for (const items of this.byPlant.values()) {
      const key = items.get(itemId);
      if (key) yield key;
    }
  }

  /** Applies the change; returns what it touched (old and new relations) and the change that undoes it. */
  apply(change: PlanChange): { touched: Touched; undo: PlanChange } {
    const touched: Touched = { keys: new Set(), orders: new Set() };
    const undo = this.remove(change, touched);
    if (!change.kind.endsWith('Removed')) this.put(change, touched);
    return { touched, undo };
  }

  /** Removes the record the change replaces or removes; returns the change that puts things back. */
  private remove(change: PlanChange, touched: Touched): PlanChange {
    switch (change.kind) {
      case 'poLine':
      case 'poLineRemoved': {
        const id = change.kind === 'poLine' ? change.poLine.id : change.id;
        const old = this.poLines.get(id);
        if (!old) return { kind: 'poLineRemoved', id };
        this.poLines.delete(id);
        removeSupply(old.key.supply, old.line);
        touched.keys.add(old.key);
        return { kind: 'poLine', poLine: old.line };
      }
      case 'lot':
      case 'lotRemoved': {
        const id = change.kind === 'lot' ? change.lot.lotId : change.id;
        const old = this.lots.get(id);
        if (!old) return { kind: 'lotRemoved', id };
        this.lots.delete(id);
        removeSupply(old.key.supply, old.lot);
        touched.keys.add(old.key);
        return { kind: 'lot', lot: old.lot };
      }
      case 'productionOrder':
      case 'productionOrderRemoved': {
        const id = change.kind === 'productionOrder' ? change.order.id : change.id;
        const old = this.orders.get(id);
        if (!old) return { kind: 'productionOrderRemoved', id };
        this.orders.delete(id);
        removeFrom(old.output.producers, old);
        touched.keys.add(old.output);
        touched.orders.add(old);
        for (const { key, demand } of old.components) {
          removeFrom(key.demands, demand);
          removeFrom(key.consumers, old);
          touched.keys.add(key);
        }
        return { kind: 'productionOrder', order: old.order };
      }
      case 'customerOrder':
      case 'customerOrderRemoved': {
        const id = change.kind === 'customerOrder' ? change.order.id : change.id;
        const old = this.customers.get(id);
        if (!old) return { kind: 'customerOrderRemoved', id };
        this.customers.delete(id);
        removeFrom(old.key.demands, old.demand);
        touched.keys.add(old.key);
        return { kind: 'customerOrder', order: old.order };
      }
      case 'transfer':
      case 'transferRemoved': {
        const id = change.kind === 'transfer' ? change.transfer.id : change.id;
        const old = this.transfers.get(id);
        if (!old) return { kind: 'transferRemoved', id };
        this.transfers.delete(id);
        removeSupply(old.to.supply, old.transfer);
        removeFrom(old.from.demands, old.demand);
        touched.keys.add(old.from).add(old.to);
        return { kind: 'transfer', transfer: old.transfer };
      }
    }
  }

  private put(change: PlanChange, touched?: Touched): void {
    switch (change.kind) {
      case 'poLine': {
        const { poLine } = change;
        const key = this.key(poLine.itemId, poLine.plant);
        key.supply.push({ record: poLine, day: dayOf(poLine.expectedDate), quantity: poLine.quantity });
        this.poLines.set(poLine.id, { line: poLine, key });
        touched?.keys.add(key);
        return;
      }
      case 'lot': {
        const { lot } = change;
        const key = this.key(lot.itemId, lot.plant);
        if (lot.stockType === 'unrestricted') key.supply.push({ record: lot, day: this.todayDay, quantity: lot.quantity });
        this.lots.set(lot.lotId, { lot, key });
        touched?.keys.add(key);
        return;
      }
      case 'productionOrder': {
        const state = this.orderState(change.order);
        this.orders.set(state.order.id, state);
        state.output.producers.push(state);
        touched?.keys.add(state.output);
        touched?.orders.add(state);
        for (const { key, demand } of state.components) {
          key.demands.push(demand);
          key.consumers.push(state);
          touched?.keys.add(key);
        }
        return;
      }
      case 'customerOrder': {
        const { order } = change;
        const key = this.key(order.itemId, order.plant);
        const demand = this.demandFor(order, () => ({ kind: 'customer', orderId: order.id, index: 0, day: dayOf(order.shipDate), quantity: order.quantity, priority: order.priority }));
        key.demands.push(demand);
        this.customers.set(order.id, { order, key, demand });
        touched?.keys.add(key);
        return;
      }
      case 'transfer': {
        const { transfer } = change;
        const from = this.key(transfer.itemId, transfer.fromPlant);
        const to = this.key(transfer.itemId, transfer.toPlant);
        const demand = this.demandFor(transfer, () => ({ kind: 'transfer', orderId: transfer.id, index: 0, day: dayOf(transfer.shipDate), quantity: transfer.quantity, priority: 0 }));
        to.supply.push({ record: transfer, day: dayOf(transfer.arrivalDate), quantity: transfer.quantity });
        from.demands.push(demand);
        this.transfers.set(transfer.id, { transfer, from, to, demand });
        touched?.keys.add(from).add(to);
        return;
      }
      default:
        return;
    }
  }

  private orderState(order: ProductionOrder): OrderState {
    let state = this.orderStateOf.get(order);
    if (!state) {
      const startDay = dayOf(order.startDate);
      state = {
        order,
        output: this.key(order.itemId, order.plant),
        components: order.components.map((component, index) => ({
          key: this.key(component.itemId, order.plant),
          demand: { kind: 'component' as const, orderId: order.id, index, day: startDay, quantity: component.quantity, priority: order.priority },
        })),
        planned: null,
      };
      this.orderStateOf.set(order, state);
    }
    return state;
  }

  private demandFor(record: CustomerOrder | Transfer, make: () => Demand): Demand {
    let demand = this.demandOf.get(record);
    if (!demand) this.demandOf.set(record, (demand = make()));
    return demand;
  }

  snapshot(): PlanInput {
    return {
      poLines: [...this.poLines.values()].map((entry) => entry.line),
      lots: [...this.lots.values()].map((entry) => entry.lot),
      productionOrders: [...this.orders.values()].map((state) => state.order),
      customerOrders: [...this.customers.values()].map((state) => state.order),
      transfers: [...this.transfers.values()].map((entry) => entry.transfer),
    };
  }
}
