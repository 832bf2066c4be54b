// Purchased supply: on-hand lots for what falls inside the supplier's lead time, PO schedule lines
// for the rest (a few already promised late), and further lots across the other stock types.
import type { PlanItem, PlanLot, PoLine } from '../../shared/dataset';
import type { StockType } from '../../shared/domain';
import { dateOf } from '../../shared/plan-days';
import { ceilToUnit, decimalsOf } from '../../shared/units';
import { firstLotNumber, formatAsnId, formatLotId, formatPoLineId } from '../number-ranges';
import type { Random } from '../random';
import { batches, newOrderRate, splitKey, sumQuantity, type Requirement, type Requirements } from './requirements';

export interface PurchasingInput {
  random: Random;
  itemById: ReadonlyMap<string, PlanItem>;
  requirements: Requirements;
  poLineTarget: number;
  lotTarget: number;
  todayDay: number;
  plants: readonly string[];
}

const lateLineShare = 0.06;
const asnHorizonDays = 14;
const otherStockTypes: readonly StockType[] = ['unrestricted', 'unrestricted', 'quality-inspection', 'quality-inspection', 'blocked', 'restricted', 'in-transit'];

export function planPurchasing(input: PurchasingInput): { poLines: PoLine[]; lots: PlanLot[] } {
  const { random, itemById, todayDay } = input;
  const poLines: PoLine[] = [];
  const lots: PlanLot[] = [];
  // Whole units are received whole; measured ones to their unit's decimals.
  const newLot = (itemId: string, plant: string, quantity: number, stockType: StockType) =>
    lots.push({ lotId: formatLotId(firstLotNumber + lots.length), itemId, plant, quantity: ceilToUnit(quantity, decimalsOf(itemById.get(itemId)!.unit)), stockType });

  const later = new Map<string, Requirement[]>();
  for (const [key, list] of input.requirements) {
    const { itemId, plant } = splitKey(key);
    const horizon = todayDay + itemById.get(itemId)!.leadTimeDays;
    const near = list.filter((r) => r.day < horizon);
    const rest = list.filter((r) => r.day >= horizon);
    if (near.length > 0) newLot(itemId, plant, sumQuantity(near) * (1 + 0.3 * random.next()), 'unrestricted');
    if (rest.length > 0) later.set(key, rest);
  }

  const rate = newOrderRate(later, input.poLineTarget);
  for (const [key, list] of later) {
    const { itemId, plant } = splitKey(key);
    const item = itemById.get(itemId)!;
    for (const batch of batches(list, rate, random.next)) {
      const needDay = batch[0]!.day;
      const late = random.next() < lateLineShare;
      const expectedDay = Math.max(todayDay + 1, late ? needDay + random.int(1, 7) : needDay - random.int(1, 5));
      const number = poLines.length + 1;
      poLines.push({
        id: formatPoLineId(number),
        supplierId: item.supplierIds[random.next() < 0.2 && item.supplierIds.length > 1 ? 1 : 0] ?? 'S-0001',
        itemId,
        plant,
        quantity: sumQuantity(batch),
        expectedDate: dateOf(expectedDay),
        confirmed: random.next() < 0.85,
        asnId: expectedDay <= todayDay + asnHorizonDays ? formatAsnId(number) : null,
      });
    }
  }

  const items = [...itemById.values()];
  // At least a fifth of the lots are in quality inspection, blocked, restricted, in transit or surplus.
  const target = Math.max(input.lotTarget, Math.ceil(lots.length * 1.25));
  while (lots.length < target) {
    const item = random.pick(items);
    newLot(item.id, random.pick(input.plants), random.int(1, 500), random.pick(otherStockTypes));
  }
  return { poLines, lots };
}
