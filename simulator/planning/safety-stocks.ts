// Safety stocks, set as a planner would: a few days of each item's average demand at each plant that
// uses it, for most such items and plants. They come last and from their own random stream, so the
// rest of a seed's dataset is the same as before safety stocks existed.
import type { CustomerOrder, ProductionOrder, SafetyStock, Transfer } from '../../shared/dataset';
import { dayOf } from '../../shared/plan-days';
import { createRandom } from '../random';
import { requirementKey, splitKey } from './requirements';

/** The window whose average daily demand safety stock covers, in days from today. */
const demandWindowDays = 56;
const coveredShare = 0.8;

export interface SafetyStockInput {
  seed: number;
  todayDay: number;
  customerOrders: readonly CustomerOrder[];
  productionOrders: readonly ProductionOrder[];
  transfers: readonly Transfer[];
}

export function planSafetyStocks(input: SafetyStockInput): SafetyStock[] {
  // A derived seed: drawing from the main stream would change every record generated after it.
  const random = createRandom((input.seed ^ 0x5afe_57c4) >>> 0);
  const demandInWindow = new Map<string, number>();
  const add = (itemId: string, plant: string, date: string, quantity: number) => {
    const day = dayOf(date);
    if (day < input.todayDay || day >= input.todayDay + demandWindowDays) return;
    const key = requirementKey(itemId, plant);
    demandInWindow.set(key, (demandInWindow.get(key) ?? 0) + quantity);
  };
  for (const order of input.customerOrders) add(order.itemId, order.plant, order.shipDate, order.quantity);
  for (const order of input.productionOrders) for (const component of order.components) add(component.itemId, order.plant, order.startDate, component.quantity);
  for (const transfer of input.transfers) add(transfer.itemId, transfer.fromPlant, transfer.shipDate, transfer.quantity);

  const safetyStocks: SafetyStock[] = [];
  for (const key of [...demandInWindow.keys()].sort()) {
    if (random.next() >= coveredShare) continue;
    const daysOfCover = random.int(2, 7);
    const quantity = Math.round((demandInWindow.get(key)! / demandWindowDays) * daysOfCover);
    if (quantity > 0) safetyStocks.push({ ...splitKey(key), quantity });
  }
  return safetyStocks;
}
