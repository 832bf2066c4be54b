// A line stoppage: which production orders it holds up, how far they move if they wait for the line,
// and which other plant's line could make each one in its own window instead (a routing for the item
// and enough free capacity every day of the window). Line load is spread evenly over an order's days.
import type { ProductionOrder, Transfer } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';

export interface LineCapacity {
  plant: string;
  line: string;
  /** Units of output a day, whatever the item. */
  capacityPerDay: number;
}

export interface Routing {
  itemId: string;
  plant: string;
  line: string;
}

export interface Stoppage {
  plant: string;
  line: string;
  from: string;
  expectedDays: number;
}

export interface AlternateLine {
  plant: string;
  line: string;
  /** The least free capacity on any day of the order's window, after it is added. */
  freeAfter: number;
}

const daysOf = (order: Pick<ProductionOrder, 'startDate' | 'dueDate'>): number => Math.max(1, dayOf(order.dueDate) - dayOf(order.startDate) + 1);
const dailyRate = (order: ProductionOrder): number => order.quantity / daysOf(order);

/** Orders on the line whose window overlaps the stoppage: not finished before it starts. */
export function ordersHeldUp(orders: readonly ProductionOrder[], stoppage: Stoppage): ProductionOrder[] {
  const from = dayOf(stoppage.from);
  const until = from + stoppage.expectedDays;
  return orders.filter((o) => o.plant === stoppage.plant && o.line === stoppage.line && dayOf(o.dueDate) >= from && dayOf(o.startDate) < until);
}

/** The order waiting for the line: it starts when the line runs again (or later) and keeps its length. */
export function waitingForTheLine(order: ProductionOrder, stoppage: Stoppage): ProductionOrder {
  const restart = dayOf(stoppage.from) + stoppage.expectedDays;
  const shift = Math.max(0, restart - dayOf(order.startDate));
  return { ...order, startDate: dateOf(dayOf(order.startDate) + shift), dueDate: dateOf(dayOf(order.dueDate) + shift) };
}

/** Load per line and day, from every order. */
export function lineLoads(orders: readonly ProductionOrder[]): Map<string, Map<number, number>> {
  const loads = new Map<string, Map<number, number>>();
  for (const order of orders) {
    const key = `${order.plant}/${order.line}`;
    const byDay = loads.get(key) ?? new Map<number, number>();
    loads.set(key, byDay);
    const rate = dailyRate(order);
    for (let day = dayOf(order.startDate); day <= dayOf(order.dueDate); day++) byDay.set(day, (byDay.get(day) ?? 0) + rate);
  }
  return loads;
}

/**
 * The other lines that can make the order's item in its own window, most free capacity first; none
 * on the stopped line itself, none without a routing or short of capacity on any day.
 */
export function alternateLines(order: ProductionOrder, stoppage: Stoppage, routings: readonly Routing[], capacities: readonly LineCapacity[], loads: Map<string, Map<number, number>>): AlternateLine[] {
  const rate = dailyRate(order);
  const alternates: AlternateLine[] = [];
  for (const routing of routings) {
    if (routing.itemId !== order.itemId || (routing.plant === stoppage.plant && routing.line === stoppage.line)) continue;
    const capacity = capacities.find((c) => c.plant === routing.plant && c.line === routing.line);
    if (!capacity) continue;
    const byDay = loads.get(`${routing.plant}/${routing.line}`);
    let freeAfter = Number.POSITIVE_INFINITY;
    for (let day = dayOf(order.startDate); day <= dayOf(order.dueDate); day++) freeAfter = Math.min(freeAfter, capacity.capacityPerDay - (byDay?.get(day) ?? 0) - rate);
    if (freeAfter >= 0) alternates.push({ plant: routing.plant, line: routing.line, freeAfter: Math.floor(freeAfter) });
  }
  return alternates.sort((a, b) => b.freeAfter - a.freeAfter || (a.plant < b.plant ? -1 : a.plant > b.plant ? 1 : 0));
}

/**
 * The order made on the alternate line in its own window and, from another plant, its output shipped
 * back to the plant whose demand it serves (a stock transport order over the lane, leaving when the
 * order is due). Null when no lane leads back.
 */
export function rerouted(order: ProductionOrder, to: { plant: string; line: string }, transitDays: (from: string, to: string) => number | undefined, transferId: string): { order: ProductionOrder; transfer: Transfer | null } | null {
  const moved = { ...order, plant: to.plant, line: to.line };
  if (to.plant === order.plant) return { order: moved, transfer: null };
  const days = transitDays(to.plant, order.plant);
  if (days === undefined) return null;
  const transfer: Transfer = { id: transferId, itemId: order.itemId, fromPlant: to.plant, toPlant: order.plant, quantity: order.quantity, shipDate: order.dueDate, arrivalDate: dateOf(dayOf(order.dueDate) + days) };
  return { order: moved, transfer };
}
