// A line stoppage at scale 1: the time the event thread spends on `line.stopped` (the held-up orders,
// what waiting costs, and the earliest orders' alternate lines as plan what-ifs), then on each of the
// weigher's turns for the rest, for every line with an order starting in the next two weeks, stopped
// for five days.
import { derivedId } from '../../orchestration-core/engine/derived-ids';
import { createLineStopWeigher } from '../../orchestration-core/services/line-stop-weigher';
import type { LineStopDetail } from '../../shared/api/impact';
import { dayOf } from '../../shared/plan-days';
import { generateDataset } from '../../simulator/planning/generate-dataset';
import { createCoreParts, fixedClock, quietLogger } from '../helpers/core-parts';
import { createEventFactory } from '../helpers/event-factory';
import { makeTempDir } from '../helpers/temp-dir';
import { figure, percentile, report } from './report';

/** My own target: a planner's workstation stays responsive while a stoppage is weighed. */
const targetMs = 250;

export function benchLineStop(): void {
  console.log('\n# line stoppage, scale 1');
  const dataset = generateDataset({ seed: 1, scale: 1 });
  const temp = makeTempDir();
  const parts = createCoreParts(temp.file('core.sqlite'), fixedClock(`${dataset.today}T08:00:00Z`), { planning: dataset });
  try {
    const event = createEventFactory();
    const turns: (() => void)[] = [];
    const weigher = createLineStopWeigher({ store: parts.store, repos: parts.repos, changes: parts.changes, plan: parts.plan, logger: quietLogger, afterTurn: () => parts.changes.take('exception'), schedule: (turn) => turns.push(turn) });
    const turnSamples: number[] = [];
    let weighAllMs = 0;
    const today = dayOf(dataset.today);
    const lines = [...new Set(dataset.productionOrders.filter((o) => dayOf(o.startDate) >= today && dayOf(o.startDate) < today + 14).map((o) => `${o.plant}/${o.line}`))].sort();
    const samples: number[] = [];
    let held = 0;
    let alternates = 0;
    for (const [i, key] of lines.entries()) {
      const [plant, line] = key.split('/') as [string, string];
      const start = performance.now();
      parts.ingest.applyBatch([event('erp', 'line.stopped', { stoppageId: `LS-${i}`, plant, line, from: dataset.today, expectedDays: 5, reason: 'bench' })]);
      samples.push(performance.now() - start);
      weigher.look();
      for (let turn = turns.shift(); turn; turn = turns.shift()) {
        const turnStart = performance.now();
        turn();
        turnSamples.push(performance.now() - turnStart);
      }
      weighAllMs += performance.now() - start;
      const detail = parts.repos.exceptions.get(derivedId('EX-', `LS-${i}`))?.detail as LineStopDetail | undefined;
      held += detail?.orders.length ?? 0;
      if (detail?.orders.some((o) => !o.alternatesEvaluated)) throw new Error(`LS-${i}: orders left unweighed`);
      alternates += detail?.orders.reduce((sum, order) => sum + order.alternates.length, 0) ?? 0;
    }
    samples.sort((a, b) => a - b);
    figure(`stoppages weighed (${lines.length} lines, ${held} held-up orders, ${alternates} alternates)`, lines.length, 'stoppages');
    figure('line.stopped handled, median', percentile(samples, 50), 'ms');
    report('line.stopped handled, slowest', samples[samples.length - 1] ?? 0, 'ms', targetMs, false);
    turnSamples.sort((a, b) => a - b);
    figure(`weigher turns (${turnSamples.length}), median`, percentile(turnSamples, 50), 'ms');
    report('weigher turn, slowest', turnSamples[turnSamples.length - 1] ?? 0, 'ms', targetMs, false);
    figure('every held-up order weighed, per stoppage (mean)', weighAllMs / lines.length, 'ms');
  } finally {
    parts.store.close();
    temp.remove();
  }
}
