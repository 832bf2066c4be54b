// Multi-level where-used on a hand-built BOM: levels, quantities over several paths, cycles named.
import { describe, expect, it } from 'vitest';
import { createWhereUsed } from '../../orchestration-core/analysis/where-used';
import type { BomLine } from '../../shared/dataset';

const line = (parentItemId: string, componentItemId: string, quantityPer: number): BomLine => ({ parentItemId, componentItemId, quantityPer, alternates: [] });

describe('where-used', () => {
  // FG-1 <- SA-1 (x2) <- RM-1 (x3); FG-1 <- RM-1 (x1) directly; FG-2 <- SA-1 (x1).
  const whereUsed = createWhereUsed([line('SA-1', 'RM-1', 3), line('FG-1', 'SA-1', 2), line('FG-1', 'RM-1', 1), line('FG-2', 'SA-1', 1)]);

  it('lists every item above a component with the shortest level and the quantity over all paths', () => {
    expect(whereUsed('RM-1')).toEqual([
      { itemId: 'FG-1', level: 1, quantityPer: 7 }, // 1 directly + 2 x 3 through SA-1
      { itemId: 'SA-1', level: 1, quantityPer: 3 },
      { itemId: 'FG-2', level: 2, quantityPer: 3 },
    ]);
    expect(whereUsed('SA-1')).toEqual([
      { itemId: 'FG-1', level: 1, quantityPer: 2 },
      { itemId: 'FG-2', level: 1, quantityPer: 1 },
    ]);
    expect(whereUsed('FG-1')).toEqual([]);
  });

  it('names the item of a BOM cycle instead of running forever', () => {
    const cyclic = createWhereUsed([line('A', 'B', 1), line('B', 'A', 1)]);
    expect(() => cyclic('A')).toThrow(/A is used in a cycle/);
  });
});
