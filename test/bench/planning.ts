// Planning at scale: generating the dataset, loading it into the core's SQLite file, reading it back,
// building the plan index, and the impact of single PO-line delays (200 random ones).
import type { PlanChange } from '../../orchestration-core/model/plan-changes';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import { createRepos, type Repos } from '../../orchestration-core/store/repos';
import { delayResponses } from '../../orchestration-core/workflows/supplier-delay-responses';
import type { PoLine } from '../../shared/dataset';
import { openStore } from '../../orchestration-core/store/open-store';
import { createPlanningRepo } from '../../orchestration-core/store/planning-repo';
import { dateOf, dayOf } from '../../shared/plan-days';
import { generateDataset } from '../../simulator/planning/generate-dataset';
import { createRandom, type Random } from '../../simulator/random';
import { makeTempDir } from '../helpers/temp-dir';
import { figure, heapMb, percentile, report, timed } from './report';

/** Targets of issue 3, at scale 10. */
const targets = { buildMs: 2000, impactP95Ms: 50, heapMb: 1024 };
const delays = 200;

export function benchPlanning(scale: number): void {
  console.log(`\n# planning, scale ${scale}`);
  const temp = makeTempDir();
  const store = openStore(temp.file('core.sqlite'));
  try {
    const repo = createPlanningRepo(store.db);
    // The generated dataset goes out of scope once stored: the plan is built from what SQLite holds.
    (() => {
      const [dataset, generateMs] = timed(() => generateDataset({ seed: 1, scale }));
      figure(`dataset generated (${dataset.productionOrders.length} production orders)`, generateMs, 'ms');
      const rows = dataset.items.length + dataset.bomLines.length + dataset.poLines.length + dataset.productionOrders.length + dataset.customerOrders.length + dataset.lots.length + dataset.transfers.length + dataset.productionOrders.reduce((sum, order) => sum + order.components.length, 0);
      const [, loadMs] = timed(() => store.durableTransaction(() => repo.replaceDataset(dataset, new Date().toISOString())));
      figure(`dataset loaded into SQLite (${rows} rows)`, loadMs, 'ms');
      figure('  rows per second', rows / (loadMs / 1000), 'rows/s');
    })();
    globalThis.gc?.();
    const [loaded, readMs] = timed(() => repo.load()!);
    figure('planning data read from SQLite', readMs, 'ms');

    globalThis.gc?.();
    const heapBefore = heapMb();
    const [index, buildMs] = timed(() => new PlanIndex(loaded, loaded.today));
    const heapIndex = heapMb() - heapBefore;
    report('full plan build (index of every item and plant)', buildMs, 'ms', targets.buildMs, false);

    const random = createRandom(scale * 1000 + 7);
    const samples: number[] = [];
    let ordersHit = 0;
    for (let i = 0; i < delays; i++) {
      const line = random.pick(loaded.poLines);
      const newDate = dateOf(dayOf(line.expectedDate) + random.int(3, 30));
      const [impact, ms] = timed(() => index.whatIf([{ kind: 'poLine', poLine: { ...line, expectedDate: newDate } }]));
      samples.push(ms);
      ordersHit += impact.productionOrders.length + impact.customerOrders.length;
    }
    samples.sort((a, b) => a - b);
    figure(`single PO-line delay impact, median of ${delays}`, percentile(samples, 50), 'ms');
    report(`single PO-line delay impact, p95 of ${delays}`, percentile(samples, 95), 'ms', targets.impactP95Ms, false);
    figure('  orders hit per delay, mean', ordersHit / delays, 'orders');
    benchResponses(index, createRepos(store.db), loaded.poLines, random);

    globalThis.gc?.();
    report('heap in use with the plan index', heapMb(), 'MB', targets.heapMb, false);
    figure('  of which the plan index', heapIndex, 'MB');
  } finally {
    store.close();
    temp.remove();
  }
}

/**
 * What-if per response: for delays that hit orders, the time to propose the responses (reading the
 * store as the workflow does) and to compute each one's projected effect against the plan before
 * the delay.
 */
function benchResponses(index: PlanIndex, repos: Repos, poLines: readonly PoLine[], random: Random): void {
  const perKind = new Map<string, number[]>();
  const proposeMs: number[] = [];
  let delays = 0;
  for (let tries = 0; delays < 50 && tries < 2000; tries++) {
    const line = random.pick(poLines);
    const delayed = { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + random.int(10, 30)) };
    const undo: PlanChange[] = [{ kind: 'poLine', poLine: line }];
    index.apply({ kind: 'poLine', poLine: delayed });
    repos.planning.putPoLine(delayed);
    const impact = index.impactSince(undo);
    if (impact.productionOrders.length > 0) {
      delays++;
      const [responses, ms] = timed(() => delayResponses({ poLineId: line.id, previousDate: line.expectedDate }, impact, repos, index));
      proposeMs.push(ms);
      for (const response of responses) {
        const [, compareMs] = timed(() => index.compare(undo, response.changes));
        perKind.set(response.id, [...(perKind.get(response.id) ?? []), compareMs]);
      }
    }
    index.apply(undo[0]!);
    repos.planning.putPoLine(line);
  }
  proposeMs.sort((a, b) => a - b);
  figure(`responses proposed for ${delays} delays that hit orders, median`, percentile(proposeMs, 50), 'ms');
  for (const [kind, samples] of perKind) {
    samples.sort((a, b) => a - b);
    report(`  what-if "${kind}" (${samples.length}), p95`, percentile(samples, 95), 'ms', targets.impactP95Ms, false);
  }
}
