// A supplier delay over the real gateway: the ASN arrives, the ERP's receipt date is updated once,
// and the exception carries exactly the impact two from-scratch plans give; a delay that hits
// nothing is recorded without a planner task.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { withPoLineDelayed } from '../../orchestration-core/analysis/disruptions';
import { planImpact } from '../../orchestration-core/analysis/impact';
import { computePlan } from '../../orchestration-core/analysis/plan';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import type { Dataset } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { signInAs } from '../helpers/signed-in';

const planner = { user: 'pl.omar' };
const delayDays = 14;

/** The expected impact, from two plans made from scratch. */
function impactOfDelay(dataset: Dataset, poLineId: string) {
  const line = dataset.poLines.find((candidate) => candidate.id === poLineId)!;
  const delayed = withPoLineDelayed(dataset, poLineId, dateOf(dayOf(line.expectedDate) + delayDays));
  return planImpact(computePlan(dataset, dataset.today), computePlan(delayed, dataset.today), dataset.customerOrders);
}

/** The first PO line whose delay hits (or does not hit) a customer order, found quickly with a what-if. */
function findLine(dataset: Dataset, hits: boolean) {
  const index = new PlanIndex(dataset, dataset.today);
  return dataset.poLines.find((line) => {
    const impact = index.whatIf([{ kind: 'poLine', poLine: { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + delayDays) } }]);
    return hits ? impact.customerOrders.length > 0 : impact.productionOrders.length + impact.customerOrders.length === 0;
  })!;
}

describe('supplier delay over the real gateway', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let core: Core;

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5, planningScale: 0.2 });
    core = await createCore({ databasePath: temp.file('core.sqlite'), connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger });
    await signInAs(core, gateway, planner.user, 'planner');
    await waitFor('connectors online', async () => (await core.handlers['connectors.status']({}, planner)).every((c) => c.state === 'online'), 20_000);
  });
  afterEach(async () => {
    await core.close();
    await gateway.close();
    temp.remove();
  });

  it('records the exception with the orders the delay makes later, and updates the receipt date once', async () => {
    const dataset = gateway.inspect.planningDataset()!;
    const line = findLine(dataset, true);
    const chosen = { line, impact: impactOfDelay(dataset, line.id) };
    expect(chosen.impact.customerOrders.length).toBeGreaterThan(0);

    const delay = gateway.scenario.supplierDelay({ poLineId: chosen.line.id, days: delayDays });
    const [row] = await waitFor('the exception', async () => {
      // The seeded failed deliveries are exceptions too (lot blocks): the delay's is the one of its type.
      const rows = (await core.handlers['impact.exceptions']({}, planner)).filter((r) => r.type === 'supplier-delay');
      return rows.length > 0 ? rows : undefined;
    });
    expect(row).toMatchObject({
      type: 'supplier-delay',
      itemId: chosen.line.itemId,
      plant: chosen.line.plant,
      status: 'open',
      ordersHit: chosen.impact.productionOrders.length + chosen.impact.customerOrders.length,
      revenueAtRisk: chosen.impact.totalRevenueAtRisk,
    });
    expect(row!.taskId).not.toBeNull();

    const detail = await core.handlers['impact.exception']({ id: row!.id }, planner);
    // The quantity in the item's own unit, as the PO line orders it.
    const unit = dataset.items.find((item) => item.id === chosen.line.itemId)!.unit;
    expect(detail.detail).toMatchObject({ poLineId: chosen.line.id, quantity: chosen.line.quantity, unit, previousDate: delay.previousDate, newDate: delay.newDate });
    expect(detail.customerOrders.map(({ id, daysLate, addedDaysLate, revenueAtRisk }) => ({ id, daysLate, addedDaysLate, revenueAtRisk }))).toEqual(
      chosen.impact.customerOrders.map(({ id, daysLate, addedDaysLate, revenueAtRisk }) => ({ id, daysLate, addedDaysLate, revenueAtRisk })),
    );
    expect(detail.productionOrders.map((o) => o.id)).toEqual(chosen.impact.productionOrders.map((o) => o.id));
    const someOrder = dataset.customerOrders.find((o) => o.id === detail.customerOrders[0]!.id)!;
    expect(detail.customerOrders[0]).toMatchObject({ shipDate: someOrder.shipDate, value: someOrder.value, itemId: someOrder.itemId });

    const updates = await waitFor('the receipt date update accepted', () => {
      const found = gateway.inspect.commands().filter((c) => c.type === 'po.updateReceiptDate');
      return found.length > 0 ? found : undefined;
    });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ status: 'accepted', body: { payload: { poLineId: chosen.line.id, receiptDate: delay.newDate } } });
  });

  it('proposes responses with their projected effect; applying one sends its commands once and resolves the exception', async () => {
    const dataset = gateway.inspect.planningDataset()!;
    const line = findLine(dataset, true);
    gateway.scenario.supplierDelay({ poLineId: line.id, days: delayDays });
    const [row] = await waitFor('the exception', async () => {
      // The seeded failed deliveries are exceptions too (lot blocks): the delay's is the one of its type.
      const rows = (await core.handlers['impact.exceptions']({}, planner)).filter((r) => r.type === 'supplier-delay');
      return rows.length > 0 ? rows : undefined;
    });
    const detail = await core.handlers['impact.exception']({ id: row!.id }, planner);
    const byId = Object.fromEntries(detail.responses.map((r) => [r.id, r]));
    expect(detail.responses.at(-1)?.id).toBe('accept-delay');
    // Accepting the delay leaves exactly the delay's impact; expediting back to the confirmed date none.
    expect(byId['accept-delay']!.projected).toEqual({ ordersHit: row!.ordersHit, revenueAtRisk: row!.revenueAtRisk, worstDaysLate: row!.worstDaysLate, unfulfilled: row!.unfulfilled });
    expect(byId['expedite']!.projected).toMatchObject({ ordersHit: 0, revenueAtRisk: 0 });
    for (const response of detail.responses) expect(response.projected.revenueAtRisk).toBeLessThanOrEqual(row!.revenueAtRisk + 1e-6);

    // The answer goes first (one per exception, for every workstation); the expedite follows once it stands.
    const { commandIds } = await core.handlers['impact.respond']({ exceptionId: row!.id, responseId: 'expedite', note: 'supplier confirmed by phone' }, planner);
    expect(commandIds).toHaveLength(1);
    await waitFor('the answer accepted upstream', () => gateway.inspect.acceptedCount(commandIds[0]!) === 1);
    expect(gateway.inspect.commands().find((c) => c.commandId === commandIds[0])).toMatchObject({ type: 'exception.answer', body: { issuedBy: planner.user, payload: { exceptionId: row!.id, responseId: 'expedite', note: 'supplier confirmed by phone' } } });
    const expedites = await waitFor('the expedite accepted upstream', () => {
      const found = gateway.inspect.commands().filter((c) => c.type === 'po.expedite' && c.status === 'accepted');
      return found.length > 0 ? found : undefined;
    });
    expect(expedites).toHaveLength(1);
    expect(expedites[0]).toMatchObject({ body: { issuedBy: planner.user, payload: { poLineId: line.id } } });
    const after = await core.handlers['impact.exception']({ id: row!.id }, planner);
    // Nothing left late: resolved, with who chose it and the note kept.
    expect(after).toMatchObject({ exception: { status: 'resolved', remaining: { ordersHit: 0 } }, chosenResponse: 'expedite', choice: { by: planner.user, note: 'supplier confirmed by phone' } });
    await expect(async () => core.handlers['impact.respond']({ exceptionId: row!.id, responseId: 'accept-delay' }, planner)).rejects.toThrow(/was answered by pl\.omar at .*: Expedite.*; it is resolved/);
  });

  it('records a delay that hits no order as having no impact, without a planner task', async () => {
    const dataset = gateway.inspect.planningDataset()!;
    const harmless = findLine(dataset, false);
    expect(impactOfDelay(dataset, harmless.id).customerOrders).toEqual([]);
    gateway.scenario.supplierDelay({ poLineId: harmless.id, days: delayDays });
    const [row] = await waitFor('the exception', async () => {
      // The seeded failed deliveries are exceptions too (lot blocks): the delay's is the one of its type.
      const rows = (await core.handlers['impact.exceptions']({}, planner)).filter((r) => r.type === 'supplier-delay');
      return rows.length > 0 ? rows : undefined;
    });
    expect(row).toMatchObject({ status: 'no-impact', ordersHit: 0, revenueAtRisk: 0, taskId: null });
  });
});
