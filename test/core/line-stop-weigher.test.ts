// A long stoppage holds up more orders than one turn weighs: the line-stopped workflow weighs the
// earliest, and the weigher the rest, a turn at a time, each turn pushed; a closed exception stops it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineStopDetail } from '../../shared/api/impact';
import { dayOf } from '../../shared/plan-days';
import { derivedId } from '../../orchestration-core/engine/derived-ids';
import { createLineStopWeigher, type LineStopWeigher } from '../../orchestration-core/services/line-stop-weigher';
import { ordersPerTurn } from '../../orchestration-core/workflows/line-stop/weighing';
import { movedTo, worlds } from '../../orchestration-core/workflows/line-stop/worlds';
import { summarize } from '../../orchestration-core/model/impact';
import { generateDataset } from '../../simulator/planning/generate-dataset';
import { createCoreParts, fixedClock, quietLogger, type CoreParts } from '../helpers/core-parts';
import { createEventFactory } from '../helpers/event-factory';
import { makeTempDir } from '../helpers/temp-dir';

const dataset = generateDataset({ seed: 1, scale: 1 });

/** The line with the most orders starting in the next two weeks: a stoppage there holds up many. */
function busiestLine(): { plant: string; line: string } {
  const counts = new Map<string, number>();
  for (const o of dataset.productionOrders) if (dayOf(o.startDate) >= dayOf(dataset.today) && dayOf(o.startDate) < dayOf(dataset.today) + 14) counts.set(`${o.plant}/${o.line}`, (counts.get(`${o.plant}/${o.line}`) ?? 0) + 1);
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const [plant, line] = key.split('/') as [string, string];
  return { plant, line };
}

describe('line-stop weigher', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: CoreParts;
  let weigher: LineStopWeigher;
  let turns: (() => void)[];
  let pushes: number;
  const exceptionId = derivedId('EX-', 'LS-1');
  const detail = () => parts.repos.exceptions.get(exceptionId)!.detail as LineStopDetail;
  const runTurns = () => {
    let run = 0;
    while (turns.length > 0 && run++ < 100) turns.shift()!();
    return run;
  };

  beforeEach(() => {
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'), fixedClock(`${dataset.today}T08:00:00Z`), { planning: dataset });
    turns = [];
    pushes = 0;
    weigher = createLineStopWeigher({
      store: parts.store,
      repos: parts.repos,
      changes: parts.changes,
      plan: parts.plan,
      logger: quietLogger,
      afterTurn: () => (pushes += parts.changes.take('exception').length),
      schedule: (turn) => turns.push(turn),
    });
    const { plant, line } = busiestLine();
    parts.ingest.applyBatch([createEventFactory()('erp', 'line.stopped', { stoppageId: 'LS-1', plant, line, from: dataset.today, expectedDays: 5, reason: 'Spindle drive fault' })]);
  });
  afterEach(() => {
    weigher.close();
    parts.store.close();
    temp.remove();
  });

  it('weighs the orders left for later, a turn at a time, the same as weighing them with the others waiting', () => {
    const first = detail();
    const heldUp = first.orders.length;
    expect(heldUp).toBeGreaterThan(ordersPerTurn * 2);
    expect(first.orders.filter((o) => o.alternatesEvaluated)).toHaveLength(ordersPerTurn);

    weigher.look();
    const ran = runTurns();
    expect(ran).toBe(Math.ceil((heldUp - ordersPerTurn) / ordersPerTurn));
    expect(pushes).toBe(ran);
    const weighed = detail();
    expect(weighed.orders.every((o) => o.alternatesEvaluated)).toBe(true);
    // The orders weighed when the line stopped are as they were.
    expect(weighed.orders.filter((o) => first.orders.find((f) => f.productionOrderId === o.productionOrderId)!.alternatesEvaluated)).toEqual(first.orders.filter((o) => o.alternatesEvaluated));

    // A late order's alternate, checked against a what-if of its own: it moved there, the others waiting.
    const late = weighed.orders.filter((o) => o.alternates.length > 0 && !first.orders.find((f) => f.productionOrderId === o.productionOrderId)!.alternatesEvaluated);
    expect(late.length).toBeGreaterThan(0);
    const order = late[late.length - 1]!;
    const alternate = order.alternates[0]!;
    const record = { ...parts.repos.planning.productionOrder(order.productionOrderId)!, plant: weighed.plant, line: weighed.line, startDate: order.startDate, dueDate: order.dueDate };
    const moved = movedTo(record, alternate, weighed.stoppageId, parts.repos)!;
    expect(alternate.projected).toEqual(summarize(parts.plan()!.compare([], [...worlds(weighed, parts.repos).after, ...moved])));

    // Nothing left: a further look schedules nothing.
    weigher.look();
    expect(turns).toHaveLength(0);
  });

  it('gives up on a line stop whose weighing keeps failing, after three turns, logging each; the rest of the core goes on', () => {
    const errors: unknown[] = [];
    const failing = createLineStopWeigher({
      store: parts.store,
      repos: parts.repos,
      changes: parts.changes,
      // A plan whose what-ifs fail (a fault injected into the real index).
      plan: () => ({ ...parts.plan()!, impactSince: (b) => parts.plan()!.impactSince(b), compare: (a, b) => parts.plan()!.compare(a, b), freeQuantity: (i, p, s) => parts.plan()!.freeQuantity(i, p, s), whatIfEach: () => { throw new Error('bill of materials: FG at P1 is its own component (a cycle)'); } }),
      logger: { ...quietLogger, error: (message, fields) => errors.push({ message, ...fields }) },
      afterTurn: () => {},
      schedule: (turn) => turns.push(turn),
    });
    failing.look();
    expect(runTurns()).toBe(3);
    expect(errors).toHaveLength(3);
    expect(errors[2]).toMatchObject({ message: 'line stop: weighing alternates failed', attempt: 3, givenUp: true });
    expect(detail().orders.filter((o) => o.alternatesEvaluated)).toHaveLength(ordersPerTurn);
    failing.exceptionChanged(parts.repos.exceptions.get(exceptionId)!);
    expect(turns).toHaveLength(0);
    // The plan is intact: the real weigher still weighs the rest.
    weigher.look();
    runTurns();
    expect(detail().orders.every((o) => o.alternatesEvaluated)).toBe(true);
    failing.close();
  });

  it('stops weighing once a response closes the exception', () => {
    weigher.look();
    turns.shift()!();
    const taskId = parts.repos.exceptions.get(exceptionId)!.row.taskId!;
    parts.store.transaction(() => parts.engine.onTaskCompleted(taskId, { exceptionId, responseId: 'accept-delay' }, 'pl.omar'));
    const before = detail().orders.filter((o) => o.alternatesEvaluated).length;
    runTurns();
    expect(detail().orders.filter((o) => o.alternatesEvaluated).length).toBe(before);
    expect(before).toBe(ordersPerTurn * 2);
  });
});
