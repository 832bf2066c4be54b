import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockTypes } from '../../shared/domain';
import { snapshotLotSchema } from '../../shared/sync-protocol';
import { buildDataset, defectCatalogue } from '../../simulator/dataset';
import { createRandom, mulberry32 } from '../../simulator/random';

describe('random', () => {
  it('repeats the same sequence for the same seed and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const value = a();
          expect(value).toBe(b());
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
        }
      }),
    );
  });

  it('int stays within its inclusive bounds and reaches both', () => {
    const random = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffle keeps every element', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer()), (seed, items) => {
        expect(createRandom(seed).shuffle(items).sort()).toEqual([...items].sort());
      }),
    );
  });
});

describe('dataset', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(buildDataset(1)).toEqual(buildDataset(1));
    expect(buildDataset(2).lots).not.toEqual(buildDataset(1).lots);
  });

  it('has the three plants, about 25 items, 5 suppliers and 60 lots at version 1', () => {
    const dataset = buildDataset(1);
    expect(dataset.plants.map((plant) => plant.id)).toEqual(['P1', 'P2', 'P3']);
    expect(dataset.plants[0]?.name).toBe('Plant 1 — High-volume standard');
    expect(dataset.items).toHaveLength(25);
    expect(new Set(dataset.items.map((item) => item.id)).size).toBe(25);
    expect(dataset.suppliers.map((supplier) => supplier.id)).toContain('S-100');
    expect(dataset.lots).toHaveLength(60);
    for (const lot of dataset.lots) {
      expect(lot.lotId).toMatch(/^L-\d{6}$/);
      expect(lot.version).toBe(1);
      expect(lot.quantity).toBeGreaterThan(0);
      expect(['EA', 'KG', 'M']).toContain(lot.unit);
      expect(dataset.items.find((item) => item.id === lot.itemId)?.unit).toBe(lot.unit);
      expect(snapshotLotSchema.safeParse(lot).success).toBe(true);
    }
  });

  it('spreads lots over every stock type, mostly unrestricted, and opens inspection lots for those on hold', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { lots, lastNumbers } = buildDataset(seed);
        const count = (type: string) => lots.filter((lot) => lot.stockType === type).length;
        for (const type of stockTypes) expect(count(type)).toBeGreaterThan(0);
        expect(count('unrestricted')).toBeGreaterThan(lots.length / 2);
        const inspected = lots.filter((lot) => lot.inspectionLotId !== undefined);
        expect(inspected.every((lot) => lot.stockType === 'quality-inspection')).toBe(true);
        expect(inspected).toHaveLength(count('quality-inspection'));
        expect(inspected.every((lot) => /^IL-\d{6}$/.test(lot.inspectionLotId ?? ''))).toBe(true);
        expect(lastNumbers.lot).toBe(Number(lots.at(-1)?.lotId.slice(2)));
      }),
      { numRuns: 20 },
    );
  });

  it('has a defect catalogue with unique codes', () => {
    expect(new Set(defectCatalogue.map((defect) => defect.code)).size).toBe(defectCatalogue.length);
    const codes = defectCatalogue.map((defect) => defect.code);
    expect(codes).toEqual(expect.arrayContaining(['DIM-OOT', 'SURF-PORO', 'COC-MISS']));
  });
});
