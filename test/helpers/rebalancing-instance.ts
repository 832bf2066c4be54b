// A seeded rebalancing input of any size: many plants, every item stocked, bought, sold and kept at
// safety stock at most of them, so that most items are long somewhere and short somewhere else.
// The generated planning dataset has three plants; the rebalancing benchmark wants ten.
import type { CustomerOrder, Lane, PlanLot, PoLine, ProductionOrder, SafetyStock } from '../../shared/dataset';
import type { RebalanceInput } from '../../orchestration-core/analysis/plan-types';
import { dateOf, dayOf } from '../../shared/plan-days';
import { createRandom } from '../../simulator/random';

export interface InstanceSize {
  seed: number;
  plants: number;
  items: number;
}

export const instanceToday = '2026-12-01';

export function rebalancingInstance({ seed, plants: plantCount, items: itemCount }: InstanceSize): RebalanceInput {
  const random = createRandom(seed);
  const todayDay = dayOf(instanceToday);
  const plants = Array.from({ length: plantCount }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
  const items = Array.from({ length: itemCount }, (_, i) => `IT-${String(i + 1).padStart(6, '0')}`);
  const lanes: Lane[] = plants.flatMap((fromPlant) =>
    plants.filter((toPlant) => toPlant !== fromPlant).map((toPlant) => ({ fromPlant, toPlant, costPerUnit: random.int(50, 300) / 100, transitDays: random.int(1, 5) })),
  );
  const lots: PlanLot[] = [];
  const poLines: PoLine[] = [];
  const customerOrders: CustomerOrder[] = [];
  const productionOrders: ProductionOrder[] = [];
  const safetyStocks: SafetyStock[] = [];
  const within = (days: number) => dateOf(todayDay + random.int(0, days));
  for (const itemId of items) {
    for (const plant of plants) {
      if (random.next() < 0.7) lots.push({ lotId: `LOT-${lots.length + 1}`, itemId, plant, quantity: random.int(0, 200), stockType: random.next() < 0.9 ? 'unrestricted' : 'blocked' });
      for (let n = random.int(0, 2); n > 0; n--) {
        poLines.push({ id: `PO-${poLines.length + 1}/10`, supplierId: 'S-1', itemId, plant, quantity: random.int(20, 150), expectedDate: within(40), confirmed: true, asnId: null });
      }
      for (let n = random.int(0, 3); n > 0; n--) {
        const quantity = random.int(5, 80);
        customerOrders.push({ id: `CO-${customerOrders.length + 1}`, customerId: 'C-1', itemId, plant, quantity, shipDate: within(35), value: quantity * 100, priority: 1 });
      }
      if (random.next() < 0.6) safetyStocks.push({ itemId, plant, quantity: random.int(10, 60) });
    }
    // Some items are made from two others at one plant: their output is supply, their inputs demand.
    if (random.next() < 0.1) {
      const start = todayDay + random.int(0, 20);
      const quantity = random.int(10, 100);
      productionOrders.push({
        id: `MO-${productionOrders.length + 1}`,
        itemId,
        plant: random.pick(plants),
        line: 'L1',
        quantity,
        startDate: dateOf(start),
        dueDate: dateOf(start + random.int(1, 5)),
        priority: 1,
        components: [random.pick(items), random.pick(items)].filter((component) => component !== itemId).map((component) => ({ itemId: component, quantity })),
      });
    }
  }
  return { today: instanceToday, lots, poLines, customerOrders, productionOrders, transfers: [], safetyStocks, lanes };
}
