// The planning rule, computed from scratch. Per item and plant, supply (unrestricted on-hand, PO
// receipts at their expected date, production output at its due date plus the order's lateness,
// inbound transfers at arrival) is pegged first-come first-served to demand (component requirements
// at the production order's start, customer orders at ship date, outbound transfers at ship date),
// ordered by need date, then higher priority, then order id (and position in the order). A demand is late by the days from its need
// date to the day cumulative supply first covers it; never covered is unfulfilled. A production
// order is as late as its latest component (unfulfilled if any is), and its output moves with it.
import { dayOf } from '../../shared/plan-days';
import type { PlanInput } from '../model/plan-input';
import type { DemandOutcome, Plan, PlannedProductionOrder } from './plan-types';

interface Supply {
  day: number;
  quantity: number;
}

/** What pegging reads of a demand; `id` is this planner's own lookup key. */
interface Demand {
  id: string;
  orderId: string;
  index: number;
  day: number;
  quantity: number;
  priority: number;
}

export type PeggedDemand = Omit<Demand, 'id'>;

/** Quantities below this are rounding, not shortage. */
const epsilon = 1e-9;

const keyOf = (itemId: string, plant: string) => `${itemId}@${plant}`;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The order demands are served in: need date, then higher priority, then order id and position. */
export const byNeed = (a: PeggedDemand, b: PeggedDemand) =>
  a.day - b.day || b.priority - a.priority || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : a.index - b.index);

/** Pegs supplies to demands in need order; returns each demand's lateness (null: never covered). */
export function pegDemands<D extends PeggedDemand>(supplies: Supply[], demands: D[]): Map<D, number | null> {
  // Both arrays are the caller's own copies: sorted in place.
  const sortedSupply = supplies.sort((a, b) => a.day - b.day);
  const outcome = new Map<D, number | null>();
  let supplied = 0;
  let next = 0;
  let coverDay = Number.NEGATIVE_INFINITY;
  let demanded = 0;
  for (const demand of demands.sort(byNeed)) {
    demanded += demand.quantity;
    while (supplied + epsilon < demanded && next < sortedSupply.length) {
      const supply = sortedSupply[next++]!;
      supplied += supply.quantity;
      coverDay = supply.day;
    }
    outcome.set(demand, supplied + epsilon >= demanded ? Math.max(0, coverDay - demand.day) : null);
  }
  return outcome;
}

export function computePlan(input: PlanInput, today: string): Plan {
  const staticSupply = new Map<string, Supply[]>();
  const demands = new Map<string, Demand[]>();
  const onHandDay = dayOf(today);
  for (const lot of input.lots) {
    if (lot.stockType === 'unrestricted') push(staticSupply, keyOf(lot.itemId, lot.plant), { day: onHandDay, quantity: lot.quantity });
  }
  for (const line of input.poLines) push(staticSupply, keyOf(line.itemId, line.plant), { day: dayOf(line.expectedDate), quantity: line.quantity });
  for (const transfer of input.transfers) {
    push(staticSupply, keyOf(transfer.itemId, transfer.toPlant), { day: dayOf(transfer.arrivalDate), quantity: transfer.quantity });
    push(demands, keyOf(transfer.itemId, transfer.fromPlant), { id: `transfer:${transfer.id}`, orderId: transfer.id, index: 0, day: dayOf(transfer.shipDate), quantity: transfer.quantity, priority: 0 });
  }
  for (const order of input.customerOrders) {
    push(demands, keyOf(order.itemId, order.plant), { id: `customer:${order.id}`, orderId: order.id, index: 0, day: dayOf(order.shipDate), quantity: order.quantity, priority: order.priority });
  }
  const producers = new Map<string, string[]>();
  const productionById = new Map(input.productionOrders.map((order) => [order.id, order]));
  for (const order of input.productionOrders) {
    push(producers, keyOf(order.itemId, order.plant), order.id);
    order.components.forEach((component, index) =>
      push(demands, keyOf(component.itemId, order.plant), { id: `component:${order.id}#${index}`, orderId: order.id, index, day: dayOf(order.startDate), quantity: component.quantity, priority: order.priority }),
    );
  }

  const pegged = new Map<string, Map<string, number | null>>();
  const planned = new Map<string, PlannedProductionOrder>();
  const inProgress = new Set<string>();

  // Pegs one item at one plant, after planning the production orders that supply it (and so, first,
  // their components): the BOM is walked depth first, each key once.
  function pegKey(key: string): Map<string, number | null> {
    const done = pegged.get(key);
    if (done) return done;
    if (inProgress.has(key)) throw new Error(`bill of materials: ${key} is its own component (a cycle)`);
    inProgress.add(key);
    const supply = [...(staticSupply.get(key) ?? [])];
    for (const orderId of producers.get(key) ?? []) {
      const order = planOrder(orderId);
      if (order.outputDay !== null) supply.push({ day: order.outputDay, quantity: productionById.get(orderId)!.quantity });
    }
    const outcome = new Map<string, number | null>();
    for (const [demand, late] of pegDemands(supply, [...(demands.get(key) ?? [])])) outcome.set(demand.id, late);
    inProgress.delete(key);
    pegged.set(key, outcome);
    return outcome;
  }

  function planOrder(orderId: string): PlannedProductionOrder {
    const done = planned.get(orderId);
    if (done) return done;
    const order = productionById.get(orderId)!;
    let daysLate: number | null = 0;
    for (const [index, component] of order.components.entries()) {
      const late = pegKey(keyOf(component.itemId, order.plant)).get(`component:${order.id}#${index}`) ?? null;
      daysLate = late === null || daysLate === null ? null : Math.max(daysLate, late);
    }
    const result: PlannedProductionOrder = { daysLate, outputDay: daysLate === null ? null : dayOf(order.dueDate) + daysLate };
    planned.set(orderId, result);
    return result;
  }

  for (const order of input.productionOrders) planOrder(order.id);
  const customerOrders = new Map<string, DemandOutcome>();
  for (const order of input.customerOrders) {
    customerOrders.set(order.id, { daysLate: pegKey(keyOf(order.itemId, order.plant)).get(`customer:${order.id}`) ?? null });
  }
  return { productionOrders: planned, customerOrders };
}
