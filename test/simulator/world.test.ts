import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockTypes } from '../../shared/domain';
import { snapshotLotSchema } from '../../shared/sync-protocol';
import { generateDataset } from '../../simulator/planning/generate-dataset';
import { buildWorld, defectCatalogue } from '../../simulator/world';
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

describe('world', () => {
  const world = buildWorld(1, 0.2, '2026-12-06');
  const itemById = new Map(world.items.map((item) => [item.id, item]));

  it('is the same for the same seed and day, and differs for another seed', () => {
    expect(buildWorld(1, 0.05, '2026-12-06')).toEqual(buildWorld(1, 0.05, '2026-12-06'));
    expect(buildWorld(2, 0.05, '2026-12-06').lots).not.toEqual(buildWorld(1, 0.05, '2026-12-06').lots);
  });

  it('is one item master and one set of lots for quality and planning', () => {
    expect(world.plants.map((plant) => plant.id)).toEqual(['P1', 'P2', 'P3']);
    expect(world.items.map((item) => item.id)).toEqual(world.planning.items.map((item) => item.id));
    expect(world.items.some((item) => /^RM-/.test(item.id)) && world.items.some((item) => /^FG-/.test(item.id))).toBe(true);
    expect(world.planning.lots.map((lot) => lot.lotId)).toEqual(world.lots.map((lot) => lot.lotId));
    const units = new Map(world.units.map((unit) => [unit.unit, unit.decimals]));
    for (const lot of world.lots) {
      expect(lot.lotId).toMatch(/^L-\d{6}$/);
      const item = itemById.get(lot.itemId)!;
      expect(lot.unit).toBe(item.unit);
      // A purchased item's lot names one of its suppliers; what is made in-house names none.
      const suppliers = world.planning.items.find((i) => i.id === lot.itemId)!.supplierIds;
      if (item.supplierId === undefined) expect(lot.supplierId).toBeUndefined();
      else expect(suppliers).toContain(lot.supplierId);
      // Whole units are whole; measured ones have no more decimals than their unit.
      const decimals = units.get(lot.unit)!;
      expect(Math.round(lot.quantity * 10 ** decimals) / 10 ** decimals, lot.lotId).toBe(lot.quantity);
      expect(snapshotLotSchema.safeParse(lot).success).toBe(true);
    }
    expect(world.items.filter((item) => /^RM-/.test(item.id)).every((item) => item.supplierId !== undefined)).toBe(true);
    expect(world.items.filter((item) => /^(FG|SA)-/.test(item.id)).every((item) => item.supplierId === undefined)).toBe(true);
  });

  it('spreads lots over every stock type and opens an inspection lot for each in quality inspection', () => {
    const count = (type: string) => world.lots.filter((lot) => lot.stockType === type).length;
    for (const type of stockTypes) expect(count(type)).toBeGreaterThan(0);
    const inspected = world.lots.filter((lot) => lot.inspectionLotId !== undefined);
    expect(inspected.every((lot) => lot.stockType === 'quality-inspection')).toBe(true);
    expect(inspected).toHaveLength(count('quality-inspection'));
    expect(new Set(inspected.map((lot) => lot.inspectionLotId)).size).toBe(inspected.length);
  });

  it('seeds failed deliveries the plan counted on: PO lines due soon at P1, received into quality inspection', () => {
    const generated = generateDataset({ seed: 1, scale: 0.2, today: '2026-12-06' });
    expect(world.openInspections.length).toBeGreaterThan(0);
    for (const open of world.openInspections) {
      const lot = world.lots.find((l) => l.lotId === open.lotId)!;
      expect(lot).toMatchObject({ plant: 'P1', stockType: 'quality-inspection', inspectionLotId: open.inspectionLotId, version: 2 });
      // The PO line it delivered is gone from the open purchase orders, its quantity and supplier are the lot's.
      const line = generated.poLines.find((l) => l.itemId === lot.itemId && l.quantity === lot.quantity && l.plant === 'P1' && !world.planning.poLines.some((open) => open.id === l.id));
      expect(line, open.lotId).toBeDefined();
      expect(lot.supplierId).toBe(line!.supplierId);
      expect(defectCatalogue.map((defect) => defect.code)).toContain(open.defectCode);
    }
    expect(world.planning.poLines.length).toBe(generated.poLines.length - world.openInspections.length);
  });

  it('continues each number range after the seeded documents', () => {
    const highest = (ids: string[]) => Math.max(...ids.map((id) => Number(/(\d+)(\/\d+)?$/.exec(id)![1])));
    expect(world.lastNumbers.lot).toBe(highest(world.lots.map((lot) => lot.lotId)));
    expect(world.lastNumbers.productionOrder).toBe(highest(world.planning.productionOrders.map((order) => order.id)));
    expect(world.planning.productionOrders.every((order) => /^MO-\d{7}$/.test(order.id))).toBe(true);
    expect(world.planning.poLines.every((line) => /^PO-\d{7}\/10$/.test(line.id))).toBe(true);
    expect(world.planning.transfers.every((transfer) => /^STO-\d{6}$/.test(transfer.id))).toBe(true);
  });

  it('has a defect catalogue with unique codes', () => {
    expect(new Set(defectCatalogue.map((defect) => defect.code)).size).toBe(defectCatalogue.length);
  });
});
