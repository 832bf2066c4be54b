// MaterialUse in the words of the canonical events. V0401 says Consumed / Produced; V0700 adds
// Yield Produced, Co-product Produced, By-product Produced and the maintenance words.
export type PlannedUse = 'consumed' | 'produced' | 'co-product' | 'by-product';

const uses = new Map<string, PlannedUse>([
  ['consumed', 'consumed'],
  ['consumable', 'consumed'],
  ['materialconsumed', 'consumed'],
  ['produced', 'produced'],
  ['yieldproduced', 'produced'],
  ['materialproduced', 'produced'],
  ['coproduct', 'co-product'],
  ['coproductproduced', 'co-product'],
  ['byproduct', 'by-product'],
  ['byproductproduced', 'by-product'],
]);

/**
 * undefined for a use that neither consumes nor produces (samples, carriers, Inventoried, Other) and
 * for a missing one: such material is named, not planned or spent, so it stays out of the lists.
 */
export function plannedUse(materialUse: string | undefined): PlannedUse | undefined {
  return materialUse === undefined ? undefined : uses.get(materialUse.replace(/[\s_-]/g, '').toLowerCase());
}
