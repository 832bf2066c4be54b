// No import circle inside the core, type-only imports included: a circle means two files can no longer
// be read, tested or moved one without the other, and the layer table cannot say which comes first.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph } from './import-graph';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('import circles', () => {
  it('finds none in orchestration-core', () => {
    const core = path.join(repoRoot, 'orchestration-core');
    const graph = importGraph(core);
    expect(graph.size).toBeGreaterThan(100);
    expect(importCircles(graph, repoRoot)).toEqual([]);
  });

  it('names each circle by its files, through type-only and dynamic imports too', () => {
    const folder = path.join(import.meta.dirname, 'fixtures/import-circle');
    expect(importCircles(importGraph(folder), folder)).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
  });
});
