// Planning data through SQLite: what goes in comes back out, and plans the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computePlan } from '../../orchestration-core/analysis/plan';
import { openStore, type Store } from '../../orchestration-core/store/open-store';
import { createPlanningRepo } from '../../orchestration-core/store/planning-repo';
import { generateDataset } from '../../simulator/planning/generate-dataset';
import { makeTempDir } from '../helpers/temp-dir';

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('planning repository', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir();
    store = openStore(temp.file('core.sqlite'));
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('reads back the dataset it stored, and the plan is the same', () => {
    const repo = createPlanningRepo(store.db);
    expect(repo.load()).toBeNull();
    const dataset = generateDataset({ seed: 3, scale: 0.05 });
    store.transaction(() => repo.replaceDataset(dataset, '2026-12-01T08:00:00Z'));
    const loaded = repo.load()!;
    expect(loaded.today).toBe(dataset.today);
    expect(byId(loaded.productionOrders)).toEqual(byId(dataset.productionOrders));
    expect(byId(loaded.poLines)).toEqual(byId(dataset.poLines));
    expect(byId(loaded.customerOrders)).toEqual(byId(dataset.customerOrders));
    expect(byId(loaded.transfers)).toEqual(byId(dataset.transfers));
    expect([...loaded.lots].sort((a, b) => a.lotId.localeCompare(b.lotId))).toEqual([...dataset.lots].sort((a, b) => a.lotId.localeCompare(b.lotId)));
    expect(loaded.bomLines).toHaveLength(dataset.bomLines.length);
    const plan = computePlan(loaded, loaded.today);
    expect(plan).toEqual(computePlan(dataset, dataset.today));
  });

  it('finds items by id or description: an exact id first, then ids starting with the text; % and _ are plain characters', () => {
    const repo = createPlanningRepo(store.db);
    const dataset = generateDataset({ seed: 3, scale: 0.05 });
    const items = [
      { id: 'RM-10', description: 'Steel bar 10 mm', unit: 'M', kind: 'purchased' as const, supplierIds: [], leadTimeDays: 5 },
      { id: 'RM-1', description: 'Steel bar', unit: 'M', kind: 'purchased' as const, supplierIds: [], leadTimeDays: 5 },
      { id: 'FG-9', description: 'Housing for RM-1 bar', unit: 'EA', kind: 'manufactured' as const, supplierIds: [], leadTimeDays: 5 },
      { id: 'SA-5', description: 'Seal 50% shore', unit: 'EA', kind: 'purchased' as const, supplierIds: [], leadTimeDays: 5 },
    ];
    store.transaction(() => repo.replaceDataset({ ...dataset, items }, '2026-12-01T08:00:00Z'));
    expect(repo.searchItems('rm-1', 10).map((item) => item.id)).toEqual(['RM-1', 'RM-10', 'FG-9']);
    expect(repo.searchItems('50%', 10).map((item) => item.id)).toEqual(['SA-5']);
    expect(repo.searchItems('%', 10).map((item) => item.id)).toEqual(['SA-5']);
    expect(repo.searchItems('_', 10)).toEqual([]);
    expect(repo.searchItems('steel', 1)).toHaveLength(1);
  });

  it('replaces the previous planning data instead of adding to it', () => {
    const repo = createPlanningRepo(store.db);
    store.transaction(() => repo.replaceDataset(generateDataset({ seed: 3, scale: 0.05 }), 'now'));
    const second = generateDataset({ seed: 4, scale: 0.02 });
    store.transaction(() => repo.replaceDataset(second, 'now'));
    const loaded = repo.load()!;
    expect(loaded.productionOrders).toHaveLength(second.productionOrders.length);
    expect(loaded.customerOrders).toHaveLength(second.customerOrders.length);
  });
});
