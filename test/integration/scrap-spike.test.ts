// A scrap spike reported by the plant in B2MML, over the real gateway: the completion of a planned
// production order with most of it scrapped raises an alert, notifies quality and maintenance once,
// and reviews replenishment: the customer orders the shortfall hits, as a from-scratch plan gives them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { planImpact } from '../../orchestration-core/analysis/impact';
import { computePlan } from '../../orchestration-core/analysis/plan';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import type { Dataset, ProductionOrder } from '../../shared/dataset';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { performanceMessage } from '../helpers/performance-message';
import { signInAs } from '../helpers/signed-in';

const qe = { user: 'qe.anna' };

/** The order made at a tenth of its quantity, as the plant reports it: 10% good, 90% scrap. */
const atTenthYield = (order: ProductionOrder): ProductionOrder => ({ ...order, quantity: Math.floor(order.quantity / 10) });

/** A production order whose shortfall hits customer orders, and that impact from two plans made from scratch. */
function orderWithCustomers(dataset: Dataset) {
  const index = new PlanIndex(dataset, dataset.today);
  const order = dataset.productionOrders.find((candidate) => candidate.quantity >= 20 && index.whatIf([{ kind: 'productionOrder', order: atTenthYield(candidate) }]).customerOrders.length > 0)!;
  const reduced = { ...dataset, productionOrders: dataset.productionOrders.map((o) => (o.id === order.id ? atTenthYield(o) : o)) };
  return { order, impact: planImpact(computePlan(dataset, dataset.today), computePlan(reduced, dataset.today), dataset.customerOrders) };
}

describe('scrap spike over the real gateway', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let core: Core;

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5, planningScale: 0.2 });
    core = await createCore({ databasePath: temp.file('core.sqlite'), connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger });
    await signInAs(core, gateway, qe.user, 'quality-engineer');
    await waitFor('connectors online', async () => (await core.handlers['connectors.status']({}, qe)).every((c) => c.state === 'online'), 20_000);
  });
  afterEach(async () => {
    await core.close();
    await gateway.close();
    temp.remove();
  });

  it('alerts, notifies quality and maintenance once, and reviews replenishment against the plan', async () => {
    const { order, impact } = orderWithCustomers(gateway.inspect.planningDataset()!);
    expect(impact.customerOrders.length).toBeGreaterThan(0);
    const good = atTenthYield(order).quantity;
    gateway.scenario.plantMessage(order.plant, performanceMessage(order, good, order.quantity - good));

    const [alert] = await waitFor('the alert', async () => {
      const alerts = await core.handlers['alerts.list']({}, qe);
      return alerts.length > 0 ? alerts : undefined;
    });
    expect(alert).toMatchObject({
      kind: 'scrap-spike',
      plant: order.plant,
      itemId: order.itemId,
      scrapSpike: {
        productionOrderId: order.id,
        yieldQuantity: good,
        scrapQuantity: order.quantity - good,
        replenishment: { plannedQuantity: order.quantity, shortfall: order.quantity - good, customerOrdersHit: impact.customerOrders.length },
      },
    });
    expect(alert!.scrapSpike.replenishment!.revenueAtRisk).toBeCloseTo(impact.totalRevenueAtRisk, 6);
    const notifications = await waitFor('both notifications accepted', () => {
      const found = gateway.inspect.commands().filter((c) => c.type === 'notification.create' && c.status === 'accepted');
      return found.length === 2 ? found : undefined;
    });
    expect(notifications.map((c) => (c.body as { payload: { kind: string; productionOrderId: string } }).payload)).toEqual([
      expect.objectContaining({ kind: 'quality', productionOrderId: order.id }),
      expect.objectContaining({ kind: 'maintenance', productionOrderId: order.id }),
    ]);

    const acknowledged = await core.handlers['alerts.acknowledge']({ alertId: alert!.id }, qe);
    expect(acknowledged).toMatchObject({ acknowledgedBy: 'qe.anna' });
    await expect(async () => core.handlers['alerts.acknowledge']({ alertId: 'AL-nope' }, qe)).rejects.toThrow('alertId: no alert AL-nope');
  }, 60_000);
});
