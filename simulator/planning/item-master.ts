// Items, bills of materials and suppliers. Manufactured items sit on levels 0 (finished) to 3;
// purchased items are leaves, so a BOM is at most five levels deep. Each manufactured item uses one
// or two manufactured items of the next level and two to four purchased ones; some purchased lines
// carry an alternate of the same family.
import type { BomLine, PlanItem, Supplier } from '../../shared/dataset';
import type { Random } from '../random';
import { manufacturedDescription, purchasedDescription, purchasedFamilyCount, supplierName } from './item-names';

export interface ItemMaster {
  items: PlanItem[];
  bomLines: BomLine[];
  suppliers: Supplier[];
  /** Manufactured items per level, 0 = finished goods. */
  levels: PlanItem[][];
  bomOf: Map<string, BomLine[]>;
}

/** Shares of the item count per manufactured level; the rest are purchased. */
const levelShares = [0.125, 0.125, 0.1, 0.075];
const alternateShare = 0.08;

export function generateItemMaster(random: Random, itemCount: number, supplierCount: number): ItemMaster {
  const suppliers: Supplier[] = Array.from({ length: supplierCount }, (_, i) => ({
    id: `S-${String(i + 1).padStart(4, '0')}`,
    name: supplierName(random),
    onTimeRate: Math.round((0.6 + 0.39 * Math.sqrt(random.next())) * 100) / 100,
  }));

  let serial = 0;
  const levels: PlanItem[][] = levelShares.map((share, level) =>
    Array.from({ length: Math.max(1, Math.round(itemCount * share)) }, () => {
      serial++;
      return {
        id: `${level === 0 ? 'FG' : 'SA'}-${String(serial).padStart(6, '0')}`,
        description: manufacturedDescription(level, random, serial),
        unit: 'EA',
        kind: 'manufactured' as const,
        supplierIds: [],
        leadTimeDays: random.int(1, 4),
      };
    }),
  );
  const manufacturedCount = levels.reduce((sum, level) => sum + level.length, 0);
  const purchasedByFamily: PlanItem[][] = Array.from({ length: purchasedFamilyCount }, () => []);
  const familyOf = new Map<string, number>();
  const purchased = Array.from({ length: Math.max(purchasedFamilyCount, itemCount - manufacturedCount) }, (_, i) => {
    serial++;
    const family = i % purchasedFamilyCount;
    const { description, unit } = purchasedDescription(family, random);
    const usual = random.pick(suppliers).id;
    const second = random.next() < 0.3 ? random.pick(suppliers).id : null;
    const item: PlanItem = {
      id: `RM-${String(serial).padStart(6, '0')}`,
      description,
      unit,
      kind: 'purchased',
      supplierIds: second && second !== usual ? [usual, second] : [usual],
      leadTimeDays: random.int(5, 40),
    };
    purchasedByFamily[family]!.push(item);
    familyOf.set(item.id, family);
    return item;
  });

  const bomLines: BomLine[] = [];
  const bomOf = new Map<string, BomLine[]>();
  levels.forEach((levelItems, level) => {
    const below = levels[level + 1];
    for (const parent of levelItems) {
      const lines: BomLine[] = [];
      const components = new Set<string>();
      if (below) for (let n = random.int(1, 2); n > 0; n--) components.add(random.pick(below).id);
      for (let n = random.int(2, 4); n > 0; n--) components.add(random.pick(purchased).id);
      for (const componentItemId of components) {
        const line: BomLine = { parentItemId: parent.id, componentItemId, quantityPer: random.pick([1, 1, 1, 2, 2, 4, 0.5, 1.5]), alternates: [] };
        const familyIndex = familyOf.get(componentItemId);
        const family = familyIndex === undefined ? undefined : purchasedByFamily[familyIndex];
        if (family && family.length > 1 && random.next() < alternateShare) {
          const alternate = random.pick(family).id;
          if (alternate !== componentItemId) line.alternates.push(alternate);
        }
        lines.push(line);
      }
      bomOf.set(parent.id, lines);
      bomLines.push(...lines);
    }
  });

  return { items: [...levels.flat(), ...purchased], bomLines, suppliers, levels, bomOf };
}
