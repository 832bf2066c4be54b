// A planning snapshot arrives in parts: every table of the dataset, the capacity and routings that line
// stoppages need included, comes out of the merge.
import { describe, expect, it } from 'vitest';
import { createPlanningParts } from '../../orchestration-core/connectors/planning-parts';
import { datasetSchema } from '../../shared/dataset';
import { handBuilt } from '../helpers/hand-built-dataset';

describe('planning parts', () => {
  it('merges the parts into every table of the dataset', () => {
    const { schemaVersion: _v, seed: _s, scale: _c, today, ...tables } = {
      ...handBuilt,
      safetyStocks: [{ itemId: 'FG-1', plant: 'P1', quantity: 5 }],
      lines: [{ plant: 'P1', line: 'L1', capacityPerDay: 40 }],
      routings: [{ itemId: 'FG-1', plant: 'P1', line: 'L1' }],
    };
    const parts = createPlanningParts(2);
    const names = Object.keys(tables) as (keyof typeof tables)[];
    expect(names.sort()).toEqual(Object.keys(datasetSchema.shape).filter((k) => !['schemaVersion', 'seed', 'scale', 'today'].includes(k)).sort());
    const half = Math.ceil(names.length / 2);
    expect(parts.add({ part: 1, of: 2, planning: { today, ...Object.fromEntries(names.slice(0, half).map((n) => [n, tables[n]])) } })).toEqual({ done: false });
    const merged = parts.add({ part: 2, of: 2, planning: Object.fromEntries(names.slice(half).map((n) => [n, tables[n]])) });
    expect(merged).toEqual({ done: true, dataset: { today, ...tables } });
  });
});
