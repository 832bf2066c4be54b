// `npm run cli -- rebalance`: a three-plant dataset worked by hand, printed as a problem anyone can
// hand to another solver and its solution; a dataset from before safety stocks still reads.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebalanceCommand } from '../../electron/cli-commands';
import type { Dataset } from '../../shared/dataset';
import { handBuilt } from '../helpers/hand-built-dataset';
import { makeTempDir } from '../helpers/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');

// Item B: P1 holds 100 and keeps 20 (80 spare); P2 holds 35, keeps 30 and ships 40 on 12-03 (35
// short from 12-03); P3 holds 15 and keeps 25 (10 short from today). Lanes: P1 -> P2 in 1 day at
// 1.5 (in time), P1 -> P3 in 3 days at 0.5 (3 days late: 0.5 + 5 × 3 = 15.5).
const threePlants: Dataset = {
  ...handBuilt,
  plants: [
    { id: 'P1', name: 'Plant 1', role: 'high-volume' },
    { id: 'P2', name: 'Plant 2', role: 'custom' },
    { id: 'P3', name: 'Plant 3', role: 'overflow' },
  ],
  items: [{ id: 'B', description: 'Bracket', unit: 'EA', kind: 'purchased', supplierIds: ['S-1'], leadTimeDays: 10 }],
  bomLines: [],
  poLines: [],
  productionOrders: [],
  customerOrders: [{ id: 'CO-1', customerId: 'C-1', itemId: 'B', plant: 'P2', quantity: 40, shipDate: '2026-12-03', value: 400, priority: 1 }],
  lots: [
    { lotId: 'LOT-1', itemId: 'B', plant: 'P1', quantity: 100, stockType: 'unrestricted' },
    { lotId: 'LOT-2', itemId: 'B', plant: 'P2', quantity: 35, stockType: 'unrestricted' },
    { lotId: 'LOT-3', itemId: 'B', plant: 'P3', quantity: 15, stockType: 'unrestricted' },
  ],
  lanes: [
    { fromPlant: 'P1', toPlant: 'P2', costPerUnit: 1.5, transitDays: 1 },
    { fromPlant: 'P1', toPlant: 'P3', costPerUnit: 0.5, transitDays: 3 },
    { fromPlant: 'P2', toPlant: 'P1', costPerUnit: 1, transitDays: 1 },
  ],
  safetyStocks: [
    { itemId: 'B', plant: 'P1', quantity: 20 },
    { itemId: 'B', plant: 'P2', quantity: 30 },
    { itemId: 'B', plant: 'P3', quantity: 25 },
  ],
};

describe('cli rebalance', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('prints each plant position, each lane priced with the lateness penalty, and the optimal flows', () => {
    const file = temp.file('three-plants.json');
    writeFileSync(file, JSON.stringify(threePlants));
    const report = JSON.parse(rebalanceCommand(['--dataset', file]));
    expect(report).toMatchObject({ today: '2026-12-01', horizonDays: 28, latenessPenaltyPerUnitDay: 5 });
    expect(report.items).toEqual([
      {
        itemId: 'B',
        problem: {
          itemId: 'B',
          plants: [
            { plant: 'P1', surplus: 80, shortage: 0, needDate: null },
            { plant: 'P2', surplus: 0, shortage: 35, needDate: '2026-12-03' },
            { plant: 'P3', surplus: 0, shortage: 10, needDate: '2026-12-01' },
          ],
          lanes: [
            { fromPlant: 'P1', toPlant: 'P2', costPerUnit: 1.5, transitDays: 1, arrivalDate: '2026-12-02', daysLate: 0, unitCost: 1.5 },
            { fromPlant: 'P1', toPlant: 'P3', costPerUnit: 0.5, transitDays: 3, arrivalDate: '2026-12-04', daysLate: 3, unitCost: 15.5 },
          ],
        },
        solution: {
          shipments: [
            { fromPlant: 'P1', toPlant: 'P2', quantity: 35, unitCost: 1.5, cost: 52.5 },
            { fromPlant: 'P1', toPlant: 'P3', quantity: 10, unitCost: 15.5, cost: 155 },
          ],
          shipped: 45,
          unmetShortage: 0,
          totalCost: 207.5,
        },
      },
    ]);
    expect(report.summary).toEqual({ problems: 1, shipped: 45, unmetShortage: 0, totalCost: 207.5 });
  });

  it('takes the horizon and penalty as flags, and reads a dataset written before safety stocks', () => {
    const file = temp.file('three-plants.json');
    writeFileSync(file, JSON.stringify(threePlants));
    // No penalty: P1 -> P3 costs its 0.5 a unit.
    expect(JSON.parse(rebalanceCommand(['--dataset', file, '--penalty', '0'])).summary).toEqual({ problems: 1, shipped: 45, unmetShortage: 0, totalCost: 57.5 });
    // A one-day horizon ends before P2's order ships: P2 has 5 above its safety stock to spare.
    expect(JSON.parse(rebalanceCommand(['--dataset', file, '--horizon-days', '1'])).items[0].problem.plants).toEqual([
      { plant: 'P1', surplus: 80, shortage: 0, needDate: null },
      { plant: 'P2', surplus: 5, shortage: 0, needDate: null },
      { plant: 'P3', surplus: 0, shortage: 10, needDate: '2026-12-01' },
    ]);
    const { safetyStocks: _none, ...before } = threePlants;
    writeFileSync(file, JSON.stringify(before));
    // Without safety stocks P2 is still 5 short of its order on 12-03; P1 can give all 100.
    expect(JSON.parse(rebalanceCommand(['--dataset', file])).summary).toEqual({ problems: 1, shipped: 5, unmetShortage: 0, totalCost: 7.5 });
    expect(() => rebalanceCommand(['--dataset', file, '--penalty', '-1'])).toThrow(/--penalty: -1 is negative/);
    expect(() => rebalanceCommand(['--dataset', file, '--horizon-days', 'soon'])).toThrow(/--horizon-days: "soon" is not an integer/);
  });

  it('runs from npm run cli', () => {
    const file = temp.file('three-plants.json');
    writeFileSync(file, JSON.stringify(threePlants));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'rebalance', '--dataset', file], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary.totalCost).toBe(207.5);
  });
});
