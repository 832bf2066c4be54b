// Supply and demand per item and plant, kept current one record at a time. It knows which keys a
// change touches and what undoes it; the plan index decides what to re-peg.
import type { CustomerOrder, PlanLot, PoLine, ProductionOrder, Transfer } from '../../shared/dataset';
import { dayOf } from '../../shared/plan-days';
import type { PlanChange } from './plan-changes';
import type { PlanInput } from './plan-types';

export interface Supply {
  day: number;
  quantity: number;
}

export interface Demand {
  id: string;
  day: number;
  quantity: number;
  priority: number;
}

export const planKey = (itemId: string, plant: string) => `${itemId}@${plant}`;
export const componentDemandId = (orderId: string, index: number) => `component:${orderId}#${index}`;
export const customerDemandId = (orderId: string) => `customer:${orderId}`;

/** What a change touched: keys whose supply or demand changed, orders whose definition changed. */
export interface Touched {
  keys: Set<string>;
  orders: Set<string>;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

export class SupplyDemand {
  readonly staticSupply = new Map<string, Map<string, Supply>>();
  readonly demands = new Map<string, Map<string, Demand>>();
  /** Production orders whose output is supply of the key. */
  readonly producers = new Map<string, Set<string>>();
  /** Production orders with a component requirement on the key. */
  readonly consumers = new Map<string, Set<string>>();
  /** Each production order's component demands, in the order of its components. */
  readonly componentDemands = new Map<string, Demand[]>();
  readonly customerDemands = new Map<string, Demand>();
  readonly productionOrders = new Map<string, ProductionOrder>();
  readonly customerOrders = new Map<string, CustomerOrder>();
  /**
   * Demands made for each record object: putting the same record back (undoing a what-if) reuses
   * them, so plans cached against them stay valid.
   */
  private readonly demandsOfRecord = new WeakMap<object, Demand[]>();
  private readonly poLines = new Map<string, PoLine>();
  private readonly lots = new Map<string, PlanLot>();
  private readonly transfers = new Map<string, Transfer>();

  constructor(
    input: PlanInput,
    private readonly todayDay: number,
  ) {
    for (const poLine of input.poLines) this.putPoLine(poLine);
    for (const lot of input.lots) this.putLot(lot);
    for (const order of input.productionOrders) this.putProductionOrder(order);
    for (const order of input.customerOrders) this.putCustomerOrder(order);
    for (const transfer of input.transfers) this.putTransfer(transfer);
  }

  /** The keys and orders a change will touch, before it is applied (the old relations). */
  touchedBy(change: PlanChange): Touched {
    const touched: Touched = { keys: new Set(), orders: new Set() };
    const old = this.previous(change);
    if (old) this.describe(old, touched);
    if (!change.kind.endsWith('Removed')) this.describe(change, touched);
    return touched;
  }

  /** Applies the change; returns the change that undoes it. */
  apply(change: PlanChange): PlanChange {
    const inverse = this.inverseOf(change);
    const old = this.previous(change);
    if (old) this.remove(old);
    if (!change.kind.endsWith('Removed')) this.put(change);
    return inverse;
  }

  snapshot(): PlanInput {
    return {
      poLines: [...this.poLines.values()],
      lots: [...this.lots.values()],
      productionOrders: [...this.productionOrders.values()],
      customerOrders: [...this.customerOrders.values()],
      transfers: [...this.transfers.values()],
    };
  }

  /** The record the change replaces or removes, as a change that would put it back. */
  private previous(change: PlanChange): PlanChange | undefined {
    switch (change.kind) {
      case 'poLine':
      case 'poLineRemoved': {
        const poLine = this.poLines.get(change.kind === 'poLine' ? change.poLine.id : change.id);
        return poLine && { kind: 'poLine', poLine };
      }
      case 'lot':
      case 'lotRemoved': {
        const lot = this.lots.get(change.kind === 'lot' ? change.lot.lotId : change.id);
        return lot && { kind: 'lot', lot };
      }
      case 'productionOrder':
      case 'productionOrderRemoved': {
        const order = this.productionOrders.get(change.kind === 'productionOrder' ? change.order.id : change.id);
        return order && { kind: 'productionOrder', order };
      }
      case 'customerOrder':
      case 'customerOrderRemoved': {
        const order = this.customerOrders.get(change.kind === 'customerOrder' ? change.order.id : change.id);
        return order && { kind: 'customerOrder', order };
      }
      case 'transfer':
      case 'transferRemoved': {
        const transfer = this.transfers.get(change.kind === 'transfer' ? change.transfer.id : change.id);
        return transfer && { kind: 'transfer', transfer };
      }
    }
  }

  private inverseOf(change: PlanChange): PlanChange {
    const old = this.previous(change);
    if (old) return old;
    switch (change.kind) {
      case 'poLine':
        return { kind: 'poLineRemoved', id: change.poLine.id };
      case 'lot':
        return { kind: 'lotRemoved', id: change.lot.lotId };
      case 'productionOrder':
        return { kind: 'productionOrderRemoved', id: change.order.id };
      case 'customerOrder':
        return { kind: 'customerOrderRemoved', id: change.order.id };
      case 'transfer':
        return { kind: 'transferRemoved', id: change.transfer.id };
      default:
        return change; // removing what is not there: undone by doing nothing again
    }
  }

  /** The keys and orders a put record touches, without changing anything. */
  private describe(change: PlanChange, touched: Touched): void {
    switch (change.kind) {
      case 'poLine':
        touched.keys.add(planKey(change.poLine.itemId, change.poLine.plant));
        return;
      case 'lot':
        touched.keys.add(planKey(change.lot.itemId, change.lot.plant));
        return;
      case 'productionOrder':
        touched.orders.add(change.order.id);
        touched.keys.add(planKey(change.order.itemId, change.order.plant));
        for (const component of change.order.components) touched.keys.add(planKey(component.itemId, change.order.plant));
        return;
      case 'customerOrder':
        touched.keys.add(planKey(change.order.itemId, change.order.plant));
        return;
      case 'transfer':
        touched.keys.add(planKey(change.transfer.itemId, change.transfer.fromPlant));
        touched.keys.add(planKey(change.transfer.itemId, change.transfer.toPlant));
        return;
      default:
        return;
    }
  }

  private put(change: PlanChange): void {
    switch (change.kind) {
      case 'poLine':
        return this.putPoLine(change.poLine);
      case 'lot':
        return this.putLot(change.lot);
      case 'productionOrder':
        return this.putProductionOrder(change.order);
      case 'customerOrder':
        return this.putCustomerOrder(change.order);
      case 'transfer':
        return this.putTransfer(change.transfer);
      default:
        return;
    }
  }

  private remove(change: PlanChange): void {
    switch (change.kind) {
      case 'poLine':
        this.poLines.delete(change.poLine.id);
        this.staticSupply.get(planKey(change.poLine.itemId, change.poLine.plant))?.delete(`po:${change.poLine.id}`);
        return;
      case 'lot':
        this.lots.delete(change.lot.lotId);
        this.staticSupply.get(planKey(change.lot.itemId, change.lot.plant))?.delete(`lot:${change.lot.lotId}`);
        return;
      case 'productionOrder': {
        const { order } = change;
        this.productionOrders.delete(order.id);
        this.componentDemands.delete(order.id);
        this.producers.get(planKey(order.itemId, order.plant))?.delete(order.id);
        order.components.forEach((component, index) => {
          const key = planKey(component.itemId, order.plant);
          this.demands.get(key)?.delete(componentDemandId(order.id, index));
          this.consumers.get(key)?.delete(order.id);
        });
        return;
      }
      case 'customerOrder':
        this.customerOrders.delete(change.order.id);
        this.customerDemands.delete(change.order.id);
        this.demands.get(planKey(change.order.itemId, change.order.plant))?.delete(customerDemandId(change.order.id));
        return;
      case 'transfer': {
        const { transfer } = change;
        this.transfers.delete(transfer.id);
        this.staticSupply.get(planKey(transfer.itemId, transfer.toPlant))?.delete(`transfer:${transfer.id}`);
        this.demands.get(planKey(transfer.itemId, transfer.fromPlant))?.delete(`transfer:${transfer.id}`);
        return;
      }
      default:
        return;
    }
  }

  private demandsFor(record: object, make: () => Demand[]): Demand[] {
    let demands = this.demandsOfRecord.get(record);
    if (!demands) this.demandsOfRecord.set(record, (demands = make()));
    return demands;
  }

  private putPoLine(poLine: PoLine): void {
    this.poLines.set(poLine.id, poLine);
    const key = planKey(poLine.itemId, poLine.plant);
    entry(this.staticSupply, key, () => new Map()).set(`po:${poLine.id}`, { day: dayOf(poLine.expectedDate), quantity: poLine.quantity });
  }

  private putLot(lot: PlanLot): void {
    this.lots.set(lot.lotId, lot);
    const key = planKey(lot.itemId, lot.plant);
    if (lot.stockType === 'unrestricted') entry(this.staticSupply, key, () => new Map()).set(`lot:${lot.lotId}`, { day: this.todayDay, quantity: lot.quantity });
  }

  private putProductionOrder(order: ProductionOrder): void {
    this.productionOrders.set(order.id, order);
    const output = planKey(order.itemId, order.plant);
    entry(this.producers, output, () => new Set()).add(order.id);
    const startDay = dayOf(order.startDate);
    const demands = this.demandsFor(order, () =>
      order.components.map((component, index) => ({ id: componentDemandId(order.id, index), day: startDay, quantity: component.quantity, priority: order.priority })),
    );
    order.components.forEach((component, index) => {
      const key = planKey(component.itemId, order.plant);
      entry(this.demands, key, () => new Map()).set(demands[index]!.id, demands[index]!);
      entry(this.consumers, key, () => new Set()).add(order.id);
    });
    this.componentDemands.set(order.id, demands);
  }

  private putCustomerOrder(order: CustomerOrder): void {
    this.customerOrders.set(order.id, order);
    const key = planKey(order.itemId, order.plant);
    const [demand] = this.demandsFor(order, () => [{ id: customerDemandId(order.id), day: dayOf(order.shipDate), quantity: order.quantity, priority: order.priority }]) as [Demand];
    entry(this.demands, key, () => new Map()).set(demand.id, demand);
    this.customerDemands.set(order.id, demand);
  }

  private putTransfer(transfer: Transfer): void {
    this.transfers.set(transfer.id, transfer);
    const inbound = planKey(transfer.itemId, transfer.toPlant);
    const outbound = planKey(transfer.itemId, transfer.fromPlant);
    const id = `transfer:${transfer.id}`;
    const [demand] = this.demandsFor(transfer, () => [{ id, day: dayOf(transfer.shipDate), quantity: transfer.quantity, priority: 0 }]) as [Demand];
    entry(this.staticSupply, inbound, () => new Map()).set(id, { day: dayOf(transfer.arrivalDate), quantity: transfer.quantity });
    entry(this.demands, outbound, () => new Map()).set(id, demand);
  }
}
