// The generated planning dataset: the sizes asked for, valid references, a BOM at most five levels
// deep, the same data for the same seed, and a plan that is mostly on time with something to hit.
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../orchestration-core/analysis/plan';
import { datasetSchema, type Dataset } from '../../shared/dataset';
import { generateDataset } from '../../simulator/planning/generate-dataset';

const dataset: Dataset = generateDataset({ seed: 7, scale: 1 });

function bomDepth(data: Dataset): number {
  const components = new Map<string, string[]>();
  for (const line of data.bomLines) components.set(line.parentItemId, [...(components.get(line.parentItemId) ?? []), line.componentItemId]);
  const depth = new Map<string, number>();
  const visit = (itemId: string, path: Set<string>): number => {
    if (path.has(itemId)) throw new Error(`BOM cycle through ${itemId}`);
    const known = depth.get(itemId);
    if (known !== undefined) return known;
    path.add(itemId);
    const below = Math.max(0, ...(components.get(itemId) ?? []).map((child) => visit(child, path)));
    path.delete(itemId);
    depth.set(itemId, below + 1);
    return below + 1;
  };
  return Math.max(...data.items.map((item) => visit(item.id, new Set())));
}

describe('planning dataset', () => {
  it('has the sizes of scale 1 and passes its own schema', () => {
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
    expect(dataset.plants.map((plant) => plant.role)).toEqual(['high-volume', 'custom', 'overflow']);
    expect(dataset.items).toHaveLength(2000);
    expect(dataset.suppliers).toHaveLength(300);
    expect(dataset.customerOrders).toHaveLength(8000);
    expect(dataset.lots).toHaveLength(3000);
    expect(dataset.poLines.length).toBeGreaterThan(4500);
    expect(dataset.poLines.length).toBeLessThan(5500);
    expect(dataset.productionOrders.length).toBeGreaterThan(9000);
    expect(dataset.productionOrders.length).toBeLessThan(11000);
    expect(dataset.lanes).toHaveLength(6);
    expect(dataset.transfers.length).toBeGreaterThan(0);
  });

  it('scales every volume, not the plants', () => {
    const half = generateDataset({ seed: 7, scale: 0.5 });
    expect(half.items).toHaveLength(1000);
    expect(half.customerOrders).toHaveLength(4000);
    expect(half.plants).toHaveLength(3);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(generateDataset({ seed: 7, scale: 0.2 }))).toBe(JSON.stringify(generateDataset({ seed: 7, scale: 0.2 })));
    expect(JSON.stringify(generateDataset({ seed: 8, scale: 0.2 }))).not.toBe(JSON.stringify(generateDataset({ seed: 7, scale: 0.2 })));
  });

  it('builds BOMs up to five levels deep, without cycles, with alternates on some lines', () => {
    expect(bomDepth(dataset)).toBe(5);
    const withAlternates = dataset.bomLines.filter((line) => line.alternates.length > 0);
    expect(withAlternates.length).toBeGreaterThan(0);
    const itemIds = new Set(dataset.items.map((item) => item.id));
    for (const line of withAlternates) for (const alternate of line.alternates) expect(itemIds.has(alternate)).toBe(true);
  });

  it('refers only to items, plants and suppliers that exist', () => {
    const itemIds = new Set(dataset.items.map((item) => item.id));
    const plantIds = new Set(dataset.plants.map((plant) => plant.id));
    const supplierIds = new Set(dataset.suppliers.map((supplier) => supplier.id));
    const itemRefs = [
      ...dataset.poLines.map((line) => line.itemId),
      ...dataset.productionOrders.flatMap((order) => [order.itemId, ...order.components.map((c) => c.itemId)]),
      ...dataset.customerOrders.map((order) => order.itemId),
      ...dataset.lots.map((lot) => lot.itemId),
    ];
    expect(itemRefs.filter((id) => !itemIds.has(id))).toEqual([]);
    const plantRefs = [...dataset.poLines, ...dataset.productionOrders, ...dataset.customerOrders, ...dataset.lots].map((row) => row.plant);
    expect(plantRefs.filter((id) => !plantIds.has(id))).toEqual([]);
    expect(dataset.poLines.filter((line) => !supplierIds.has(line.supplierId))).toEqual([]);
  });

  it('spreads lots over the stock types', () => {
    const types = new Set(dataset.lots.map((lot) => lot.stockType));
    expect([...types].sort()).toEqual(['blocked', 'in-transit', 'quality-inspection', 'restricted', 'unrestricted']);
  });

  it('plans most customer orders on time, some late, so a disruption has something to hit', () => {
    const plan = computePlan(dataset, dataset.today);
    const outcomes = [...plan.customerOrders.values()];
    const onTime = outcomes.filter((o) => o.daysLate === 0).length / outcomes.length;
    expect(onTime).toBeGreaterThan(0.8);
    expect(onTime).toBeLessThan(1);
  });

  it('names the option that is out of range', () => {
    expect(() => generateDataset({ seed: 1.5, scale: 1 })).toThrow(/seed/);
    expect(() => generateDataset({ seed: 1, scale: 0 })).toThrow(/scale/);
  });
});
