// Multi-level where-used: every item that uses a component, directly or through subassemblies,
// with the fewest levels between them and how much of the component one unit of it needs.
import type { BomLine } from '../../shared/dataset';

export interface WhereUsed {
  itemId: string;
  /** 1 for a direct parent, 2 for its parents, and so on: the shortest way up. */
  level: number;
  /** Units of the component in one unit of this item, over every way up. */
  quantityPer: number;
}

export function createWhereUsed(bomLines: readonly BomLine[]): (componentItemId: string) => WhereUsed[] {
  const parentsOf = new Map<string, BomLine[]>();
  for (const line of bomLines) {
    const parents = parentsOf.get(line.componentItemId);
    if (parents) parents.push(line);
    else parentsOf.set(line.componentItemId, [line]);
  }
  return (componentItemId) => {
    // Breadth first gives the shortest level; quantities add up over every path (a DAG, so each
    // item is expanded once per level it appears on with the quantity reached at that level).
    const found = new Map<string, WhereUsed>();
    let frontier = new Map<string, number>([[componentItemId, 1]]);
    for (let level = 1; frontier.size > 0; level++) {
      if (level > 50) throw new Error(`bill of materials: ${componentItemId} is used in a cycle`);
      const next = new Map<string, number>();
      for (const [itemId, perUnit] of frontier) {
        for (const line of parentsOf.get(itemId) ?? []) {
          const quantity = perUnit * line.quantityPer;
          next.set(line.parentItemId, (next.get(line.parentItemId) ?? 0) + quantity);
        }
      }
      for (const [itemId, quantity] of next) {
        const known = found.get(itemId);
        if (known) known.quantityPer += quantity;
        else found.set(itemId, { itemId, level, quantityPer: quantity });
      }
      frontier = next;
    }
    return [...found.values()].sort((a, b) => a.level - b.level || (a.itemId < b.itemId ? -1 : 1));
  };
}
