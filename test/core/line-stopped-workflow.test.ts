// A stopped line: the orders it holds up, what waiting for the restart makes later, and for each order
// the other plants' lines with room to make it; the planner reroutes one (its output shipped back over
// the lane) and reschedules the rest.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineStopDetail } from '../../shared/api/impact';
import type { CanonicalCommand } from '../../shared/commands';
import { createRerouteHandler } from '../../orchestration-core/services/reroute-handler';
import { createCoreParts, fixedClock, type CoreParts } from '../helpers/core-parts';
import { createEventFactory } from '../helpers/event-factory';
import { lineStopPlanning as planning } from '../helpers/line-stop-planning';
import { makeTempDir } from '../helpers/temp-dir';

describe('line-stopped workflow', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: CoreParts;
  let reroute: ReturnType<typeof createRerouteHandler>;
  const planner = { user: 'pl.omar' };
  const pending = (): CanonicalCommand[] => parts.repos.outbox.pending('erp', 0, 100).map((entry) => entry.command);
  const detail = () => parts.repos.exceptions.get('EX-LS-1')!.detail as LineStopDetail;

  beforeEach(() => {
    temp = makeTempDir();
    const clock = fixedClock();
    parts = createCoreParts(temp.file('core.sqlite'), clock, { planning });
    reroute = createRerouteHandler({ repos: parts.repos, engine: parts.engine, commit: parts.commitAs('planner') });
    const event = createEventFactory();
    parts.ingest.applyBatch([event('erp', 'line.stopped', { stoppageId: 'LS-1', plant: 'P1', line: 'L1', from: '2026-12-01', expectedDays: 5, reason: 'Spindle drive fault' })]);
  });
  afterEach(() => {
    parts.store.close();
    temp.remove();
  });

  it('records the orders held up, what waiting makes later, and the lines with room to take each', () => {
    const stored = parts.repos.exceptions.get('EX-LS-1')!;
    expect(stored.row).toMatchObject({ type: 'line-stop', plant: 'P1', status: 'open', sourceDocument: 'P1/L1 (LS-1)' });
    expect(stored.impact.customerOrders.map((o) => o.id)).toEqual(['CO-1', 'CO-2']);
    expect(detail().orders.map((o) => [o.productionOrderId, o.waitingStartDate, o.waitingDueDate])).toEqual([
      ['MO-1', '2026-12-06', '2026-12-08'],
      ['MO-2', '2026-12-06', '2026-12-07'],
    ]);
    // MO-1 needs 16 a day: L9 has 20 free (4 left after), L8 none.
    const [mo1] = detail().orders;
    expect(mo1!.alternates.map((a) => [a.plant, a.line, a.freeAfter])).toEqual([['P2', 'L9', 4]]);
    // Made at P2 and shipped back in a day, CO-1 is on time again.
    expect(mo1!.alternates[0]!.projected.ordersHit).toBeLessThan(stored.row.ordersHit);
    expect(stored.responses.map((r) => r.id)).toEqual(['reschedule', 'accept-delay']);
  });

  it('reroutes one order, and once the ERP accepts, requests its transfer back, once; refuses a full line; reschedules the rest', () => {
    expect(() => reroute({ exceptionId: 'EX-LS-1', productionOrderId: 'MO-1', toPlant: 'P2', toLine: 'L8' }, planner)).toThrow(/^toLine: P2\/L8 cannot make FG-1 or has no room/);
    const { commandId } = reroute({ exceptionId: 'EX-LS-1', productionOrderId: 'MO-1', toPlant: 'P2', toLine: 'L9' }, planner);
    const reroutePayload = { productionOrderId: 'MO-1', toPlant: 'P2', toLine: 'L9', startDate: '2026-12-02', dueDate: '2026-12-04', reason: 'Line P1/L1 stopped (LS-1)' };
    expect(pending().map((c) => [c.type, c.payload])).toEqual([['production.reroute', reroutePayload]]);
    parts.handleReply('erp', commandId, { commandId, status: 'accepted' });
    parts.handleReply('erp', commandId, { commandId, status: 'duplicate' });
    const transfers = parts.repos.outbox.pending('erp', 0, 100).filter((entry) => entry.command.type === 'transfer.request');
    expect(transfers.map((entry) => [entry.command.issuedBy, entry.command.payload])).toEqual([
      [planner.user, expect.objectContaining({ itemId: 'FG-1', fromPlant: 'P2', toPlant: 'P1', quantity: 48, shipDate: '2026-12-04', arrivalDate: '2026-12-05', reason: 'Line P1/L1 stopped (LS-1): MO-1 made at P2' })],
    ]);
    expect(detail().orders[0]!.rerouted).toEqual({ plant: 'P2', line: 'L9', commandId, upstream: { state: 'accepted' } });
    expect(() => reroute({ exceptionId: 'EX-LS-1', productionOrderId: 'MO-1', toPlant: 'P2', toLine: 'L9' }, planner)).toThrow(/was rerouted already/);

    const taskId = parts.repos.exceptions.get('EX-LS-1')!.row.taskId!;
    parts.store.transaction(() => parts.engine.onTaskCompleted(taskId, { exceptionId: 'EX-LS-1', responseId: 'reschedule' }, planner.user));
    // The reschedules follow once the gateway takes the answer.
    expect(pending().filter((c) => c.type === 'production.reschedule')).toEqual([]);
    parts.answerReplied('EX-LS-1');
    const reschedules = pending().filter((c) => c.type === 'production.reschedule');
    expect(reschedules.map((c) => c.payload)).toEqual([{ productionOrderId: 'MO-2', startDate: '2026-12-06', dueDate: '2026-12-07', reason: 'Line P1/L1 stopped (LS-1)' }]);
    expect(parts.repos.exceptions.get('EX-LS-1')).toMatchObject({ row: { status: 'resolved' }, chosenResponse: 'reschedule' });
  });

  it('shows the ERP\'s answer to a reroute; a refused order waits for the line and is rescheduled with the rest', () => {
    const responses = () => Object.fromEntries(parts.repos.exceptions.get('EX-LS-1')!.responses.map((r) => [r.id, { hit: r.projected.ordersHit, commands: r.commandCount }]));
    const waitingAll = responses();
    expect(waitingAll['reschedule']).toEqual({ hit: parts.repos.exceptions.get('EX-LS-1')!.row.ordersHit, commands: 2 });

    // MO-1 made at P2 and shipped back: CO-1 (and MO-1) on time again, only MO-2 waits.
    const { commandId } = reroute({ exceptionId: 'EX-LS-1', productionOrderId: 'MO-1', toPlant: 'P2', toLine: 'L9' }, planner);
    const withReroute = responses();
    expect(withReroute['reschedule']!.commands).toBe(1);
    expect(withReroute['reschedule']!.hit).toBeLessThan(waitingAll['reschedule']!.hit);
    expect(withReroute['accept-delay']!.hit).toBe(withReroute['reschedule']!.hit);

    parts.changes.take('exception');
    expect(parts.handleReply('erp', commandId, { commandId, status: 'accepted' })).toMatchObject({ ok: true });
    expect(detail().orders[0]!.rerouted?.upstream).toEqual({ state: 'accepted' });
    // Still against the plan before the stoppage, now that the plan has MO-1 at P2.
    expect(responses()).toEqual(withReroute);
    // Order Impact hears of it: the detail changed.
    expect(parts.changes.take('exception')).toEqual(['EX-LS-1']);

    // The same answer again changes nothing; the refusal of another order's reroute is about that order.
    parts.handleReply('erp', commandId, { commandId, status: 'rejected', reason: 'late' });
    expect(detail().orders[0]!.rerouted?.upstream).toEqual({ state: 'accepted' });

    const second = reroute({ exceptionId: 'EX-LS-1', productionOrderId: 'MO-2', toPlant: 'P2', toLine: 'L9' }, planner).commandId;
    parts.handleReply('erp', second, { commandId: second, status: 'rejected', reason: 'toLine: P2/L9 is down for maintenance' });
    expect(detail().orders[1]!.rerouted?.upstream).toEqual({ state: 'refused', reason: 'toLine: P2/L9 is down for maintenance' });
    expect(responses()).toEqual(withReroute);
    expect(() => reroute({ exceptionId: 'EX-LS-1', productionOrderId: 'MO-2', toPlant: 'P2', toLine: 'L9' }, planner)).toThrow(/^productionOrderId: the ERP refused MO-2 on P2\/L9 .*waits for the line/);

    const taskId = parts.repos.exceptions.get('EX-LS-1')!.row.taskId!;
    parts.store.transaction(() => parts.engine.onTaskCompleted(taskId, { exceptionId: 'EX-LS-1', responseId: 'reschedule' }, planner.user));
    // The reschedules follow once the gateway takes the answer.
    expect(pending().filter((c) => c.type === 'production.reschedule')).toEqual([]);
    parts.answerReplied('EX-LS-1');
    expect(pending().filter((c) => c.type === 'production.reschedule').map((c) => 'productionOrderId' in c.payload && c.payload.productionOrderId)).toEqual(['MO-2']);
  });

  it('reschedules an order whose reroute the ERP refuses after the planner chose to reschedule the rest, and sends no transfer for it', () => {
    const { commandId } = reroute({ exceptionId: 'EX-LS-1', productionOrderId: 'MO-1', toPlant: 'P2', toLine: 'L9' }, planner);
    const taskId = parts.repos.exceptions.get('EX-LS-1')!.row.taskId!;
    parts.store.transaction(() => parts.engine.onTaskCompleted(taskId, { exceptionId: 'EX-LS-1', responseId: 'reschedule' }, planner.user));
    // The reschedules follow once the gateway takes the answer.
    expect(pending().filter((c) => c.type === 'production.reschedule')).toEqual([]);
    parts.answerReplied('EX-LS-1');
    const rescheduled = () => pending().flatMap((c) => (c.type === 'production.reschedule' ? [c.payload.productionOrderId] : []));
    expect(rescheduled()).toEqual(['MO-2']);

    parts.handleReply('erp', commandId, { commandId, status: 'rejected', reason: 'toLine: P2/L9 is down for maintenance' });
    expect(rescheduled()).toEqual(['MO-2', 'MO-1']);
    expect(pending().find((c) => c.type === 'production.reschedule' && c.payload.productionOrderId === 'MO-1')).toMatchObject({
      issuedBy: planner.user,
      payload: { startDate: '2026-12-06', dueDate: '2026-12-08', reason: 'Line P1/L1 stopped (LS-1); reroute refused: toLine: P2/L9 is down for maintenance' },
    });
    expect(pending().filter((c) => c.type === 'transfer.request')).toEqual([]);
  });

  it('notes the restart on the exception', () => {
    parts.ingest.applyBatch([createEventFactory(new Date('2026-12-03T06:00:00Z'))('erp', 'line.restarted', { stoppageId: 'LS-1', plant: 'P1', line: 'L1', on: '2026-12-04' }, { seq: 2, id: 'erp-2' })]);
    expect(detail().restartedOn).toBe('2026-12-04');
  });
});
