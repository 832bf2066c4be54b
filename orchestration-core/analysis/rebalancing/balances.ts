// Where an item stands at each plant over the rebalancing horizon. Projected available is on-hand
// unrestricted stock plus receipts (PO lines, production orders of the item at their due date,
// inbound transfers at arrival) minus demand (customer orders, component requirements of production
// orders at their start, outbound transfers at ship date), counted day by day from today to the
// horizon's end; anything dated before today counts today, anything after the end not at all.
// Shortage: what it takes to keep projected available at or above safety stock throughout; surplus:
// what can leave today without it dipping below safety stock anywhere. Both in whole units.
import type { SafetyStock } from '../../../shared/dataset';
import { dayOf } from '../../../shared/plan-days';
import type { BalanceInput } from '../plan-types';
import type { KeyState } from '../supply-demand';

export const defaultHorizonDays = 28;

/** A dated quantity into (positive) or out of (negative) a plant's stock of an item. */
export interface StockMovement {
  day: number;
  quantity: number;
}

export interface PlantBalance {
  plant: string;
  safetyStock: number;
  /** The lowest projected available on any day of the horizon, today's included. */
  lowestProjected: number;
  projectedAtEnd: number;
  /** Whole units that can ship today without projected available dipping below safety stock. */
  surplus: number;
  /** Whole units that keep projected available at or above safety stock throughout the horizon. */
  shortage: number;
  /** The first day projected available is below safety stock; null without a shortage. */
  needDay: number | null;
}

/** Quantities within this of a whole unit are that unit: float sums of lots must not cost a unit. */
const epsilon = 1e-9;

/** Projects one plant's stock of one item over the horizon. Sorts `movements` in place. */
export function projectBalance(plant: string, movements: StockMovement[], safetyStock: number, todayDay: number, horizonDays: number): PlantBalance {
  const endDay = todayDay + horizonDays;
  movements.sort((a, b) => a.day - b.day);
  let projected = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let needDay: number | null = null;
  let at = 0;
  // Day by day: movements dated before today land today, and today counts even without any.
  for (let day = todayDay; day <= endDay; day = at < movements.length ? Math.max(movements[at]!.day, todayDay + 1) : endDay + 1) {
    while (at < movements.length && movements[at]!.day <= day) projected += movements[at++]!.quantity;
    if (projected < lowest) lowest = projected;
    if (needDay === null && projected < safetyStock - epsilon) needDay = day;
  }
  const shortage = Math.max(0, Math.ceil(safetyStock - lowest - epsilon));
  // Shipping a unit today lowers every later day by one, so the lowest day bounds what can go.
  const surplus = Math.max(0, Math.floor(lowest - safetyStock + epsilon));
  return { plant, safetyStock, lowestProjected: lowest, projectedAtEnd: projected, surplus, shortage, needDay: shortage > 0 ? needDay : null };
}

/** The movements of one item at one plant as the supply-and-demand index holds them. */
export function movementsOfKey(key: KeyState): StockMovement[] {
  const movements: StockMovement[] = [];
  for (const supply of key.supply) movements.push({ day: supply.day, quantity: supply.quantity });
  for (const producer of key.producers) movements.push({ day: dayOf(producer.order.dueDate), quantity: producer.order.quantity });
  for (const demand of key.demands) movements.push({ day: demand.day, quantity: -demand.quantity });
  return movements;
}

/** Safety stock per item, then plant. */
export function safetyStockIndex(safetyStocks: readonly SafetyStock[]): Map<string, Map<string, number>> {
  const index = new Map<string, Map<string, number>>();
  for (const { itemId, plant, quantity } of safetyStocks) {
    let plants = index.get(itemId);
    if (!plants) index.set(itemId, (plants = new Map()));
    plants.set(plant, quantity);
  }
  return index;
}

/**
 * Every item's balance at every plant that has a record of it or a safety stock, plants in id order,
 * computed from scratch. The rebalancing cache computes the same per item from the index.
 */
export function balancesOf(input: BalanceInput, horizonDays = defaultHorizonDays): Map<string, PlantBalance[]> {
  const todayDay = dayOf(input.today);
  const movements = new Map<string, Map<string, StockMovement[]>>();
  const add = (itemId: string, plant: string, date: string | number, quantity: number) => {
    let plants = movements.get(itemId);
    if (!plants) movements.set(itemId, (plants = new Map()));
    let list = plants.get(plant);
    if (!list) plants.set(plant, (list = []));
    list.push({ day: typeof date === 'number' ? date : dayOf(date), quantity });
  };
  for (const lot of input.lots) add(lot.itemId, lot.plant, todayDay, lot.stockType === 'unrestricted' ? lot.quantity : 0);
  for (const line of input.poLines) add(line.itemId, line.plant, line.expectedDate, line.quantity);
  for (const order of input.productionOrders) {
    add(order.itemId, order.plant, order.dueDate, order.quantity);
    for (const component of order.components) add(component.itemId, order.plant, order.startDate, -component.quantity);
  }
  for (const order of input.customerOrders) add(order.itemId, order.plant, order.shipDate, -order.quantity);
  for (const transfer of input.transfers) {
    add(transfer.itemId, transfer.toPlant, transfer.arrivalDate, transfer.quantity);
    add(transfer.itemId, transfer.fromPlant, transfer.shipDate, -transfer.quantity);
  }
  const safety = safetyStockIndex(input.safetyStocks);
  for (const [itemId, plants] of safety) for (const plant of plants.keys()) add(itemId, plant, todayDay, 0);

  const balances = new Map<string, PlantBalance[]>();
  for (const [itemId, plants] of movements) {
    const list = [...plants].map(([plant, moves]) => projectBalance(plant, moves, safety.get(itemId)?.get(plant) ?? 0, todayDay, horizonDays));
    balances.set(itemId, list.sort((a, b) => (a.plant < b.plant ? -1 : a.plant > b.plant ? 1 : 0)));
  }
  return balances;
}
