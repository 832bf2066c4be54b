// The plant reports a production order that scrapped most of its output, in B2MML, against
// `npm run start:web` and the simulator: the alert shows above the Quarantine and Order Impact views,
// quality and maintenance are notified upstream exactly once, and acknowledging clears the strip.
import { expect, test, type Page } from '@playwright/test';
import type { Dataset } from '../../shared/dataset';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';
import { performanceMessage } from '../helpers/performance-message';

interface CommandRecord {
  commandId: string;
  type: string;
  status: 'accepted' | 'rejected';
  body: { payload: { kind?: string; productionOrderId?: string } };
}

/** The strip's entry for a production order; its test id names the alert. */
const alertFor = (page: Page, productionOrderId: string) => page.getByTestId('alerts-strip').locator('li[data-testid^="alert-"]', { hasText: productionOrderId });

test('a scrap spike alerts above the views, notifies quality and maintenance once, and is acknowledged', async ({ page }, testInfo) => {
  const app = await startAppWithSimulator('qe.anna', 'quality-engineer');
  const { gatewayUrl } = app;
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('connector-status-plant-P1')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('quarantine-summary')).toBeVisible();
    // No alert yet: no strip at all.
    await expect(page.getByTestId('alerts-strip')).toHaveCount(0);

    // A finished good made at P1, so the alert names an item the core knows from master data.
    const dataset = await control<Dataset>(gatewayUrl, 'GET', '/control/planning-dataset');
    const planned = dataset.productionOrders.find((order) => order.plant === 'P1' && order.quantity >= 20);
    expect(planned, 'a production order at P1').toBeDefined();
    const item = dataset.items.find((candidate) => candidate.id === planned!.itemId)!;

    // A planned order first (the core reviews its replenishment), then an order the plan does not know.
    const plannedGood = Math.floor(planned!.quantity / 10);
    await control(gatewayUrl, 'POST', '/control/b2mml', { plant: 'P1', xml: performanceMessage(planned!, plannedGood, planned!.quantity - plannedGood, item.unit) });
    await expect(alertFor(page, planned!.id)).toBeVisible();
    // Two more, so the strip has more than it shows at once.
    for (const [id, good, scrap] of [
      ['MO-E2E-2', 70, 30],
      ['MO-E2E-3', 185, 15],
    ] as const) {
      await control(gatewayUrl, 'POST', '/control/b2mml', { plant: 'P1', xml: performanceMessage({ id, itemId: item.id, plant: 'P1' }, good, scrap, item.unit) });
      await expect(alertFor(page, id)).toBeVisible();
    }
    const order = { id: 'MO-E2E-1', itemId: item.id, plant: 'P1' };
    await control(gatewayUrl, 'POST', '/control/b2mml', { plant: 'P1', xml: performanceMessage(order, 10, 90, item.unit) });

    const strip = page.getByTestId('alerts-strip');
    const spike = alertFor(page, order.id);
    await expect(spike).toBeVisible();
    await expect(spike).toContainText(`Scrap spike · MO-E2E-1 (${item.id} ${item.description}) · P1`);
    await expect(spike).toContainText(`yield 10% (minimum 95%), 90 of 100 ${item.unit} scrapped · quality and maintenance notified`);
    await expect(spike).toContainText('replenishment not reviewed (no planning data for the order)');
    await expect(alertFor(page, 'MO-E2E-3')).toContainText(`yield 92.5% (minimum 95%), 15 of 200 ${item.unit} scrapped`);
    // The most recent three, the oldest behind "and 1 more".
    const shown = strip.locator('li[data-testid^="alert-"]');
    await expect(shown).toHaveCount(3);
    await expect(shown.nth(0)).toContainText('MO-E2E-1');
    await expect(shown.nth(1)).toContainText('MO-E2E-3');
    await expect(shown.nth(2)).toContainText('MO-E2E-2');
    await expect(alertFor(page, planned!.id)).toHaveCount(0);
    await expect(page.getByTestId('alerts-more')).toHaveText('and 1 more');
    const alertId = (await spike.getAttribute('data-testid'))!.replace(/^alert-/, '');
    await page.screenshot({ path: testInfo.outputPath('scrap-spike-quarantine.png') });

    await page.getByTestId('alerts-more').click();
    await expect(shown).toHaveCount(4);
    await expect(shown.nth(3)).toContainText(`replenishment: ${planned!.quantity - plannedGood}`);
    await expect(page.getByTestId('alerts-more')).toHaveText('Show fewer');
    await page.getByTestId('density-toggle').click();
    await expect(page.getByTestId('density-toggle')).toHaveAttribute('data-density', 'touch');
    await page.screenshot({ path: testInfo.outputPath('scrap-spike-quarantine-touch.png') });
    await page.getByTestId('density-toggle').click();

    // The planner sees the same strip above Order Impact.
    await page.getByTestId('nav-order-impact').click();
    await expect(page.getByTestId('impact-summary')).toBeVisible();
    await expect(alertFor(page, order.id)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('scrap-spike-order-impact.png') });
    await page.getByTestId('nav-quarantine').click();

    // Acknowledged: it leaves the strip; with the others acknowledged too, the strip goes.
    await page.getByTestId(`alert-ack-${alertId}`).click();
    await expect(page.getByTestId(`alert-${alertId}`)).toHaveCount(0);
    await expect(shown).toHaveCount(3);
    await expect(page.getByTestId('alerts-more')).toHaveCount(0);
    for (let left = 3; left > 0; left--) {
      await shown.first().getByRole('button', { name: /^Acknowledge/ }).click();
      await expect(shown).toHaveCount(left - 1);
    }
    await expect(strip).toHaveCount(0);
    // Still gone after a reload from the core's store.
    await page.reload();
    await expect(page.getByTestId('quarantine-summary')).toBeVisible();
    await expect(page.getByTestId('alerts-strip')).toHaveCount(0);

    // Upstream holds one quality and one maintenance notification for the order, each accepted once.
    const notificationsFor = async () => {
      const { commands } = await control<{ commands: CommandRecord[] }>(gatewayUrl, 'GET', '/control/commands');
      return commands.filter((c) => c.type === 'notification.create' && c.body.payload.productionOrderId === order.id);
    };
    await expect.poll(async () => (await notificationsFor()).filter((c) => c.status === 'accepted').length).toBe(2);
    const notifications = await notificationsFor();
    expect(notifications.map((c) => ({ kind: c.body.payload.kind, status: c.status }))).toEqual([
      { kind: 'quality', status: 'accepted' },
      { kind: 'maintenance', status: 'accepted' },
    ]);
  } finally {
    await app.close();
  }
});
