// Production orders level by level, finished goods first: each level's orders cover the requirements
// of the level above and add their component requirements to the levels below.
import type { BomLine, PlanItem, ProductionOrder } from '../../shared/dataset';
import { dateOf } from '../../shared/plan-days';
import { ceilToUnit, decimalsOf } from '../../shared/units';
import { formatProductionOrderId } from '../number-ranges';
import type { Random } from '../random';
import { addRequirement, batches, newOrderRate, splitKey, sumQuantity, type Requirements } from './requirements';

/** Share of the production orders made on each manufactured level, finished goods first. */
const levelOrderShares = [0.4, 0.3, 0.2, 0.1];
const linesPerPlant: Record<string, number> = { P1: 4, P2: 3, P3: 2 };

export interface ProductionPlanInput {
  random: Random;
  levels: readonly (readonly PlanItem[])[];
  bomOf: ReadonlyMap<string, readonly BomLine[]>;
  itemById: ReadonlyMap<string, PlanItem>;
  /** Finished-goods requirements per item and plant (customer orders, outbound transfers). */
  finishedRequirements: Requirements;
  targetCount: number;
  todayDay: number;
}

export interface ProductionPlan {
  productionOrders: ProductionOrder[];
  /** What the orders need of purchased items, per item and plant. */
  purchasedRequirements: Requirements;
}

function lineFor(itemId: string, plant: string): string {
  let hash = 0;
  for (const char of itemId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `L${1 + (hash % (linesPerPlant[plant] ?? 1))}`;
}

export function planProduction(input: ProductionPlanInput): ProductionPlan {
  const { random, bomOf, itemById, todayDay } = input;
  const productionOrders: ProductionOrder[] = [];
  const purchasedRequirements: Requirements = new Map();
  let current = input.finishedRequirements;
  for (let level = 0; level < input.levels.length; level++) {
    const next: Requirements = new Map();
    const target = Math.max(1, Math.round(input.targetCount * (levelOrderShares[level] ?? 0.1)));
    const rate = newOrderRate(current, target);
    for (const [key, list] of current) {
      const { itemId, plant } = splitKey(key);
      const item = itemById.get(itemId)!;
      for (const batch of batches(list, rate, random.next)) {
        const quantity = sumQuantity(batch);
        let dueDay = batch[0]!.day - random.int(0, 2);
        let startDay = dueDay - item.leadTimeDays;
        if (startDay < todayDay) {
          startDay = todayDay;
          dueDay = todayDay + item.leadTimeDays;
        }
        // A component in whole units is needed whole: 0.5 per piece of 7 pieces is 4, not 3.5.
        const components = (bomOf.get(itemId) ?? []).map((line) => ({ itemId: line.componentItemId, quantity: ceilToUnit(quantity * line.quantityPer, decimalsOf(itemById.get(line.componentItemId)?.unit ?? 'EA')) }));
        const priority = Math.max(...batch.map((r) => r.priority));
        productionOrders.push({
          id: formatProductionOrderId(productionOrders.length + 1),
          itemId,
          plant,
          line: lineFor(itemId, plant),
          quantity,
          startDate: dateOf(startDay),
          dueDate: dateOf(dueDay),
          priority,
          components,
        });
        for (const component of components) {
          const target = itemById.get(component.itemId)?.kind === 'manufactured' ? next : purchasedRequirements;
          addRequirement(target, component.itemId, plant, { day: startDay, quantity: component.quantity, priority });
        }
      }
    }
    current = next;
  }
  return { productionOrders, purchasedRequirements };
}
