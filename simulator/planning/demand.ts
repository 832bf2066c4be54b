// Customer orders for finished goods, and the stock transport orders that bring standard products
// from the high-volume plant to the regional plant for part of its orders.
import type { CustomerOrder, Lane, PlanItem, Transfer } from '../../shared/dataset';
import { dateOf } from '../../shared/plan-days';
import { formatTransferId } from '../number-ranges';
import type { Random } from '../random';

export const planningPlants = [
  { id: 'P1', name: 'Plant 1 — High-volume standard', role: 'high-volume' as const },
  { id: 'P2', name: 'Plant 2 — Custom configurations', role: 'custom' as const },
  { id: 'P3', name: 'Plant 3 — Overflow and regional', role: 'overflow' as const },
];

export function generateLanes(random: Random): Lane[] {
  return planningPlants.flatMap((from) =>
    planningPlants
      .filter((to) => to.id !== from.id)
      .map((to) => ({ fromPlant: from.id, toPlant: to.id, costPerUnit: Math.round((0.5 + 2.5 * random.next()) * 100) / 100, transitDays: random.int(1, 4) })),
  );
}

export interface Demand {
  customerOrders: CustomerOrder[];
  transfers: Transfer[];
  /** Regional customer orders a stock transport order from P1 covers: P3 does not make these. */
  coveredByTransfer: Set<string>;
}

export function generateDemand(random: Random, finishedGoods: readonly PlanItem[], count: number, todayDay: number, lanes: readonly Lane[]): Demand {
  const homePlant = new Map<string, string>();
  const unitPrice = new Map<string, number>();
  for (const item of finishedGoods) {
    const roll = random.next();
    const plant = roll < 0.6 ? 'P1' : roll < 0.9 ? 'P2' : 'P3';
    homePlant.set(item.id, plant);
    unitPrice.set(item.id, plant === 'P2' ? random.int(2_000, 25_000) : random.int(80, 2_500));
  }
  const transitP1P3 = lanes.find((lane) => lane.fromPlant === 'P1' && lane.toPlant === 'P3')?.transitDays ?? 2;
  const customerOrders: CustomerOrder[] = [];
  const transfers: Transfer[] = [];
  const coveredByTransfer = new Set<string>();
  for (let i = 0; i < count; i++) {
    // A few products sell far more than the rest.
    const item = finishedGoods[Math.floor(finishedGoods.length * random.next() ** 2)]!;
    const home = homePlant.get(item.id)!;
    const regional = home === 'P1' && random.next() < 0.15;
    const plant = regional ? 'P3' : home;
    const quantity = home === 'P2' ? random.int(1, 5) : home === 'P1' ? random.int(10, 200) : random.int(5, 50);
    const shipDay = todayDay + random.int(5, 150);
    const id = `CO-${String(i + 1).padStart(7, '0')}`;
    customerOrders.push({
      id,
      customerId: `C-${String(random.int(1, Math.max(50, Math.round(count / 20)))).padStart(5, '0')}`,
      itemId: item.id,
      plant,
      quantity,
      shipDate: dateOf(shipDay),
      value: quantity * unitPrice.get(item.id)!,
      priority: random.next() < 0.1 ? 3 : random.next() < 0.3 ? 2 : 1,
    });
    if (regional && random.next() < 0.5) {
      const arrival = shipDay - 1;
      coveredByTransfer.add(id);
      transfers.push({ id: formatTransferId(transfers.length + 1), itemId: item.id, fromPlant: 'P1', toPlant: 'P3', quantity, shipDate: dateOf(arrival - transitP1P3), arrivalDate: dateOf(arrival) });
    }
  }
  return { customerOrders, transfers, coveredByTransfer };
}
