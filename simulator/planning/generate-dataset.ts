// The planning dataset of a three-plant business, seeded and scalable: scale 1 is about 2,000 items,
// 300 suppliers, 5,000 PO schedule lines, 10,000 production orders, 8,000 customer orders, 3,000
// lots and about 3,000 safety stocks; scale 10 is ten times that. Supply is planned against demand
// as an MRP run would, so most orders are on time and a disruption has something to hit.
import type { Dataset, PlanItem } from '../../shared/dataset';
import { dayOf } from '../../shared/plan-days';
import { standardUnits } from '../../shared/units';
import { createRandom } from '../random';
import { generateDemand, generateLanes, planningPlants } from './demand';
import { generateItemMaster } from './item-master';
import { planProduction } from './production-orders';
import { planPurchasing } from './purchasing';
import { addRequirement, type Requirements } from './requirements';
import { planLineCapacity } from './line-capacity';
import { planSafetyStocks } from './safety-stocks';

export interface DatasetOptions {
  seed: number;
  scale: number;
  /** The first planning day; on-hand stock is available from then. */
  today?: string;
}

/** A fixed first day for callers that name none (tests, benchmarks), so the same seed gives the same dataset; the CLI and the simulator date from the calendar day. */
const defaultPlanningToday = '2026-12-01';

export function generateDataset(options: DatasetOptions): Dataset {
  const { seed, scale } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`seed: ${seed} is not an integer`);
  if (!(scale > 0 && scale <= 100)) throw new RangeError(`scale: ${scale} is not in (0, 100]`);
  const today = options.today ?? defaultPlanningToday;
  const todayDay = dayOf(today);
  const random = createRandom(seed);
  const size = (base: number) => Math.max(1, Math.round(base * scale));

  const master = generateItemMaster(random, size(2000), size(300));
  const itemById = new Map<string, PlanItem>(master.items.map((item) => [item.id, item]));
  const lanes = generateLanes(random);
  const demand = generateDemand(random, master.levels[0]!, size(8000), todayDay, lanes);

  const finishedRequirements: Requirements = new Map();
  for (const order of demand.customerOrders) {
    if (demand.coveredByTransfer.has(order.id)) continue;
    addRequirement(finishedRequirements, order.itemId, order.plant, { day: dayOf(order.shipDate), quantity: order.quantity, priority: order.priority });
  }
  for (const transfer of demand.transfers) {
    addRequirement(finishedRequirements, transfer.itemId, transfer.fromPlant, { day: dayOf(transfer.shipDate), quantity: transfer.quantity, priority: 2 });
  }
  const production = planProduction({ random, levels: master.levels, bomOf: master.bomOf, itemById, finishedRequirements, targetCount: size(10_000), todayDay });
  const purchasing = planPurchasing({
    random,
    itemById,
    requirements: production.purchasedRequirements,
    poLineTarget: size(5000),
    lotTarget: size(3000),
    todayDay,
    plants: planningPlants.map((plant) => plant.id),
  });

  return {
    schemaVersion: 1,
    seed,
    scale,
    today,
    currency: 'EUR',
    units: [...standardUnits],
    plants: planningPlants.map((plant) => ({ ...plant })),
    items: master.items,
    bomLines: master.bomLines,
    suppliers: master.suppliers,
    poLines: purchasing.poLines,
    productionOrders: production.productionOrders,
    customerOrders: demand.customerOrders,
    lots: purchasing.lots,
    transfers: demand.transfers,
    lanes,
    ...planLineCapacity(seed, production.productionOrders),
    safetyStocks: planSafetyStocks({ seed, todayDay, customerOrders: demand.customerOrders, productionOrders: production.productionOrders, transfers: demand.transfers }),
  };
}
