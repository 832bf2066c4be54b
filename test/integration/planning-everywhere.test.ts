// Planning decisions on one workstation reach every other, through the real gateway: two planners
// (each a core with its own SQLite file) and a third workstation that joins late. A stopped line
// rerouted and rescheduled, a rebalancing transfer accepted, a supplier delay answered: the other
// planner shows who did it and cannot answer again; the late workstation weighs the same exceptions
// under the same ids and shows the answered one answered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { ExceptionRow, HeldUpOrder, LineStopDetail } from '../../shared/api/impact';
import type { Dataset, PoLine } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { reroutableLines } from '../helpers/reroutable-lines';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { createWorkstations, type Workstation } from '../helpers/workstations';

const delayDays = 20;

/** PO lines with an ASN whose delay makes customer orders later. */
function harmfulDelays(dataset: Dataset, count: number): PoLine[] {
  const index = new PlanIndex(dataset, dataset.today);
  const found: PoLine[] = [];
  for (const line of dataset.poLines) {
    if (!line.asnId) continue;
    const impact = index.whatIf([{ kind: 'poLine', poLine: { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + delayDays) } }]);
    if (impact.customerOrders.length > 0) found.push(line);
    if (found.length === count) break;
  }
  return found;
}

/** A handler's answer as a promise, whether it returns or throws. */
const attempt = (call: () => unknown): Promise<unknown> => Promise.resolve().then(call);

/** What a planner reads of an exception: the same on every workstation that weighed it. */
const figures = (row: ExceptionRow) => ({ id: row.id, ordersHit: row.ordersHit, revenueAtRisk: row.revenueAtRisk, worstDaysLate: row.worstDaysLate, unfulfilled: row.unfulfilled });

describe('planning decisions on every workstation', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  const stations = createWorkstations(() => gateway, (name) => temp.file(name));

  const exceptionOn = (station: Workstation, check: (row: ExceptionRow) => boolean, what: string, timeoutMs = 30_000) =>
    waitFor(`${what} on ${station.as.user}'s workstation`, async () => (await station.core.handlers['impact.exceptions']({}, station.as)).find(check), timeoutMs);
  const detailOf = (station: Workstation, id: string) => station.core.handlers['impact.exception']({ id }, station.as);
  const heldUpOn = async (station: Workstation, id: string): Promise<HeldUpOrder[]> => ((await detailOf(station, id)).detail as LineStopDetail).orders;

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5, planningScale: 0.2 });
  });
  afterEach(async () => {
    await stations.closeAll();
    await gateway.close();
    temp.remove();
  });

  it('a line stop rerouted and rescheduled on one planner’s workstation reads rerouted and answered by that planner on the other', async () => {
    const omar = await stations.open('pl.omar', 'planner');
    const lena = await stations.open('pl.lena', 'planner');
    const dataset = gateway.inspect.planningDataset()!;
    // A stoppage whose held-up orders another line has room for (a few lines at most).
    let found: { id: string; order: HeldUpOrder } | undefined;
    for (const { plant, line } of reroutableLines(dataset).slice(0, 3)) {
      const stopped = gateway.scenario.lineStopped({ plant, line, days: 5 });
      const row = await exceptionOn(omar, (r) => r.type === 'line-stop' && r.sourceDocument.includes(stopped.stoppageId), 'the stoppage', 60_000);
      const order = await waitFor('an order with a line to go to', async () => {
        const orders = await heldUpOn(omar, row.id);
        return orders.every((o) => o.alternatesEvaluated) ? (orders.find((o) => o.alternates.length > 0) ?? null) : undefined;
      }, 60_000);
      if (order) {
        found = { id: row.id, order };
        break;
      }
    }
    expect(found, 'a stoppage holding up an order another line has room for').toBeDefined();
    const { id, order } = found!;
    const to = order.alternates[0]!;
    await exceptionOn(lena, (r) => r.id === id, 'the same stoppage');

    await omar.core.handlers['impact.reroute']({ exceptionId: id, productionOrderId: order.productionOrderId, toPlant: to.plant, toLine: to.line }, omar.as);
    // The ERP's planning change reaches the other planner: the order is rerouted, by Omar, accepted.
    const onLena = await waitFor('the reroute on Lena’s workstation', async () => (await heldUpOn(lena, id)).find((o) => o.productionOrderId === order.productionOrderId && o.rerouted?.upstream.state === 'accepted'));
    expect(onLena.rerouted).toMatchObject({ plant: to.plant, line: to.line, by: 'pl.omar' });
    expect((await heldUpOn(omar, id)).find((o) => o.productionOrderId === order.productionOrderId)?.rerouted).toMatchObject({ plant: to.plant, line: to.line, upstream: { state: 'accepted' } });
    // The ERP holds the order on its new line, once.
    expect(gateway.inspect.commands().filter((c) => c.type === 'production.reroute' && c.status === 'accepted')).toHaveLength(1);

    // Omar reschedules the rest; Lena sees the stoppage answered by him and cannot answer it again.
    await omar.core.handlers['impact.respond']({ exceptionId: id, responseId: 'reschedule', note: 'rest waits for the restart' }, omar.as);
    const answered = await waitFor('the answer on Lena’s workstation', async () => {
      const detail = await detailOf(lena, id);
      return detail.choice ? detail : undefined;
    });
    expect(answered.choice).toMatchObject({ responseId: 'reschedule', by: 'pl.omar' });
    expect(['answered', 'resolved']).toContain(answered.exception.status);
    await expect(attempt(() => lena.core.handlers['impact.respond']({ exceptionId: id, responseId: 'reschedule' }, lena.as))).rejects.toThrow(/was answered by pl\.omar/);
    expect(gateway.inspect.commands().filter((c) => c.type === 'exception.answer' && c.status === 'accepted')).toHaveLength(1);

    // A workstation that joins now weighs the stoppage against a plan that holds the reschedule and the
    // reroute: it shows the stoppage as Omar answered it, with his figures and his answer.
    const onOmar = (await omar.core.handlers['impact.exceptions']({}, omar.as)).find((r) => r.id === id)!;
    const late = await stations.open('pl.kim', 'planner');
    const lateRow = await exceptionOn(late, (r) => r.id === id && r.status !== 'open', 'the answered stoppage');
    expect(figures(lateRow)).toEqual(figures(onOmar));
    expect(lateRow).toMatchObject({ itemId: onOmar.itemId, itemDescription: 'Production line', status: onOmar.status });
    expect((await detailOf(late, id)).choice).toMatchObject({ responseId: 'reschedule', by: 'pl.omar', note: 'rest waits for the restart', label: expect.stringContaining('Reschedule') });
    // The orders the stoppage held up, as Omar had them when he answered: the rerouted one rerouted by him.
    const lateOrders = await heldUpOn(late, id);
    expect(lateOrders.map((o) => o.productionOrderId).sort()).toEqual((await heldUpOn(omar, id)).map((o) => o.productionOrderId).sort());
    expect(lateOrders.find((o) => o.productionOrderId === order.productionOrderId)?.rerouted).toMatchObject({ plant: to.plant, line: to.line, by: 'pl.omar' });
  }, 240_000);

  it('a transfer accepted on one planner’s workstation reads accepted by that planner on the other, which cannot accept it again', async () => {
    const omar = await stations.open('pl.omar', 'planner', { rebalancing: true });
    const lena = await stations.open('pl.lena', 'planner', { rebalancing: true });
    const proposalsOf = async (station: Workstation) => {
      const snapshot = await station.core.handlers['rebalancing.proposals']({}, station.as);
      return snapshot.status.state === 'ready' ? snapshot.proposals : undefined;
    };
    const proposal = await waitFor('a proposal to accept without approval', async () => {
      const proposals = await proposalsOf(omar);
      if (!proposals) return undefined;
      // The smallest protects the least revenue: below the approval threshold.
      return [...proposals].filter((p) => p.status === 'proposed').sort((a, b) => a.revenueProtected - b.revenueProtected)[0] ?? null;
    }, 120_000);
    expect(proposal, 'a rebalancing proposal').not.toBeNull();
    await waitFor('the same proposal on Lena’s workstation', async () => (await proposalsOf(lena))?.find((p) => p.id === proposal!.id && p.status === 'proposed'), 120_000);

    await omar.core.handlers['rebalancing.accept']({ proposalIds: [proposal!.id] }, omar.as);
    const transfer = await waitFor('the transfer upstream', async () => gateway.inspect.commands().find((c) => c.type === 'transfer.request' && c.status === 'accepted'));
    const onLena = await waitFor('the accepted transfer on Lena’s workstation', async () => (await proposalsOf(lena))?.find((p) => p.id === proposal!.id && p.status !== 'proposed'));
    expect(onLena).toMatchObject({ status: 'in-transit', decidedBy: 'pl.omar' });
    expect(onLena.transferId).not.toBeNull();
    await expect(attempt(() => lena.core.handlers['rebalancing.accept']({ proposalIds: [proposal!.id] }, lena.as))).rejects.toThrow(/was accepted by pl\.omar; its transfer .* is on its way/);
    expect(gateway.inspect.commands().filter((c) => c.type === 'transfer.request')).toEqual([transfer]);
  }, 300_000);

  it('a transfer above the approval threshold asked for on one planner’s workstation is pushed to the other as awaiting approval by that planner', async () => {
    const omar = await stations.open('pl.omar', 'planner', { rebalancing: true });
    const lena = await stations.open('pl.lena', 'planner', { rebalancing: true });
    const ready = async (station: Workstation) => {
      const snapshot = await station.core.handlers['rebalancing.proposals']({}, station.as);
      return snapshot.status.state === 'ready' ? snapshot.proposals : undefined;
    };
    // The default threshold is 10,000 of revenue protected.
    const proposal = await waitFor('a proposal that needs an approval', async () => (await ready(omar))?.filter((p) => p.status === 'proposed' && p.revenueProtected > 10_000)[0] ?? undefined, 120_000);
    await waitFor('the same proposal on Lena’s workstation', async () => (await ready(lena))?.find((p) => p.id === proposal.id && p.status === 'proposed'), 120_000);
    // What Lena's renderer is pushed, not what it would read on a reload.
    const pushed: string[] = [];
    lena.core.subscribe('rebalancing.changed', (snapshot) => {
      const row = snapshot.proposals.find((p) => p.id === proposal.id);
      if (row) pushed.push(`${row.status} ${row.decidedBy ?? ''}`);
    });
    await omar.core.handlers['rebalancing.accept']({ proposalIds: [proposal.id] }, omar.as);
    await waitFor('the request pushed to Lena’s workstation', () => pushed.includes('awaiting-approval pl.omar'), 30_000);
    await expect(attempt(() => lena.core.handlers['rebalancing.accept']({ proposalIds: [proposal.id] }, lena.as))).rejects.toThrow(/was accepted by pl\.omar and awaits a supervisor's approval/);
  }, 300_000);

  it('a workstation that joins late weighs the same exceptions under the same ids, the answered one answered', async () => {
    const omar = await stations.open('pl.omar', 'planner');
    const lines = harmfulDelays(gateway.inspect.planningDataset()!, 2);
    expect(lines, 'two PO lines whose delay makes customer orders later').toHaveLength(2);
    for (const line of lines) gateway.scenario.supplierDelay({ poLineId: line.id, days: delayDays });
    const rows = await waitFor('both delays', async () => {
      const open = (await omar.core.handlers['impact.exceptions']({}, omar.as)).filter((r) => r.type === 'supplier-delay' && r.status === 'open');
      return open.length === 2 ? open : undefined;
    });
    const [first, second] = rows as [ExceptionRow, ExceptionRow];
    // An expedite moves the PO line back: a workstation joining after it weighs a delay that no longer is.
    expect((await detailOf(omar, first.id)).responses.map((r) => r.id)).toContain('expedite');
    await omar.core.handlers['impact.respond']({ exceptionId: first.id, responseId: 'expedite', note: 'supplier agreed' }, omar.as);
    await waitFor('the answer accepted upstream', async () => gateway.inspect.commands().find((c) => c.type === 'exception.answer' && c.status === 'accepted'));

    const late = await stations.open('pl.lena', 'planner');
    const answered = await exceptionOn(late, (r) => r.id === first.id && r.status !== 'open', 'the answered delay');
    const answeredOnOmar = (await omar.core.handlers['impact.exceptions']({}, omar.as)).find((r) => r.id === first.id)!;
    expect(figures(answered)).toEqual(figures(answeredOnOmar));
    expect(answered.status).toBe(answeredOnOmar.status);
    const lateDetail = await detailOf(late, first.id);
    expect(lateDetail.choice).toMatchObject({ responseId: 'expedite', by: 'pl.omar', note: 'supplier agreed' });
    expect(lateDetail.customerOrders.map((o) => o.id).sort()).toEqual((await detailOf(omar, first.id)).customerOrders.map((o) => o.id).sort());
    await expect(attempt(() => late.core.handlers['impact.respond']({ exceptionId: first.id, responseId: 'accept-delay' }, late.as))).rejects.toThrow(/was answered by pl\.omar/);
    // The open one: the same id and the same figures on both workstations (each weighs today's plan).
    await waitFor('the open delay with the same figures', async () => {
      const [here, there] = await Promise.all([omar, late].map(async (s) => (await s.core.handlers['impact.exceptions']({}, s.as)).find((r) => r.id === second.id)));
      return here && there && there.status === 'open' && JSON.stringify(figures(here)) === JSON.stringify(figures(there)) ? true : undefined;
    });
  }, 180_000);
});
