// Safety stocks in the generated dataset: for items and plants with demand, a few days of it, the same
// for the same seed, and none in a dataset file written before they existed.
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../shared/dataset';
import { generateDataset } from '../../simulator/planning/generate-dataset';

describe('generated safety stocks', () => {
  const dataset = generateDataset({ seed: 7, scale: 1 });

  it('keeps a few days of demand at most items and plants that have demand, nowhere else', () => {
    expect(dataset.safetyStocks.length).toBeGreaterThan(2000);
    expect(dataset.safetyStocks.length).toBeLessThan(4000);
    const demanded = new Set([
      ...dataset.customerOrders.map((order) => `${order.itemId}@${order.plant}`),
      ...dataset.productionOrders.flatMap((order) => order.components.map((component) => `${component.itemId}@${order.plant}`)),
      ...dataset.transfers.map((transfer) => `${transfer.itemId}@${transfer.fromPlant}`),
    ]);
    const keys = dataset.safetyStocks.map((stock) => `${stock.itemId}@${stock.plant}`);
    expect(keys.filter((key) => !demanded.has(key))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(dataset.safetyStocks.every((stock) => Number.isInteger(stock.quantity) && stock.quantity > 0)).toBe(true);
  });

  it('is the same for the same seed', () => {
    expect(generateDataset({ seed: 7, scale: 0.2 }).safetyStocks).toEqual(generateDataset({ seed: 7, scale: 0.2 }).safetyStocks);
  });

  it('reads a dataset without safety stocks as keeping none', () => {
    const { safetyStocks: _kept, ...before } = generateDataset({ seed: 7, scale: 0.05 });
    expect(datasetSchema.parse(before).safetyStocks).toEqual([]);
  });
});
