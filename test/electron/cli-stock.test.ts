// `npm run cli -- stock` and `explain` on the plan worked by hand in helpers/three-level-dataset.ts:
// the list as JSON with its pegging, the late order's chain to the PO line, and flags named when wrong.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainCommand, stockCommand } from '../../electron/cli-stock';
import { threeLevels } from '../helpers/three-level-dataset';
import { makeTempDir } from '../helpers/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('cli stock and explain', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = temp.file('dataset.json');
    writeFileSync(file, JSON.stringify(threeLevels));
  });
  afterEach(() => temp.remove());

  it('prints the stock/requirements list with each requirement’s pegging and covered date', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'stock', '--dataset', file, '--item', 'RM-1', '--plant', 'P1'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout) as { rows: { kind: string; document: string; available: number; pegged?: { coveredDate: string; from: { document: string; quantity: number }[] } }[] };
    expect(list.rows.map((row) => row.available)).toEqual([5, 3, 13, -7, 3]);
    const requirement = list.rows.find((row) => row.kind === 'component')!;
    expect(requirement.pegged).toMatchObject({ coveredDate: '2026-12-20', from: [{ document: 'L-RM', quantity: 5 }, { document: 'PO-1/10', quantity: 10 }, { document: 'PO-2/10', quantity: 5 }] });
  });

  it('prints a late order’s chain down to the receipt that makes it late', () => {
    const explained = JSON.parse(explainCommand(['--dataset', file, '--order', 'CO-1'])) as { because: string; steps: { document: string }[] };
    expect(explained.because).toBe('late because PO-2/10 arrives 20 Dec 2026, needed 08 Dec 2026; 7 M of RM-1 there is blocked (L-RMB)');
    expect(explained.steps.map((step) => step.document)).toEqual(['CO-1', 'MO-FG', 'MO-FG', 'MO-SA', 'MO-SA', 'PO-2/10']);
    // A production order explains itself too.
    expect(JSON.parse(explainCommand(['--dataset', file, '--order', 'MO-SA'])).because).toBe('late because PO-2/10 arrives 20 Dec 2026, needed 08 Dec 2026; 7 M of RM-1 there is blocked (L-RMB)');
  });

  it('names the flag that is wrong or missing', () => {
    expect(() => stockCommand(['--dataset', file, '--item', 'RM-9', '--plant', 'P1'])).toThrow('--item: no item "RM-9" in');
    expect(() => stockCommand(['--dataset', file, '--item', 'RM-1', '--plant', 'P7'])).toThrow('--plant: no plant "P7" in');
    expect(() => stockCommand(['--dataset', file, '--item', 'RM-1'])).toThrow(/--plant/);
    expect(() => explainCommand(['--dataset', file, '--order', 'CO-404'])).toThrow('--order: no customer order or production order "CO-404" in');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'explain', '--dataset', file], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^explain: --order/);
  });
});
