// Support at a plant, against `npm run start:web` and the simulator: a malformed B2MML message from the
// plant shows in Monitor's dead letters with the reason naming what is wrong and the message as it
// came; replayed while it is still malformed it fails again and says why; discarded with a reason, it
// leaves the open list and the Audit view holds the discard. A plant that counts in a unit code master
// data lacks has its report dead-lettered naming the code; the operator maps the code, the report is
// replayed by the mapping and the workflow it starts completes, each step under one correlation id.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Dataset } from '../../shared/dataset';
import { performanceMessage } from '../helpers/performance-message';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

/** Signed in as the operator, the plant online, on Monitor (where an operator starts). */
async function openMonitor(page: Page, app: { url: string; user: string }): Promise<void> {
  await page.goto(app.url);
  await signIn(page, app.user);
  await expect(page.getByTestId('connector-status-plant-P1')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('monitor-summary')).toContainText('workflow instance');
}

const screenshotPath = path.resolve(import.meta.dirname, '../../docs/monitor.png');

test('an operator finds a malformed plant message in Monitor, replays it in vain, and discards it, audited', async ({ page }) => {
  const app = await startAppWithSimulator('op.lena', 'operator');
  try {
    await openMonitor(page, app);
    await control(app.gatewayUrl, 'POST', '/control/b2mml', { plant: 'P1', xml: '<MaterialLot><ID>L-broken' });

    await page.getByTestId('monitor-tab-dead-letters').click();
    const grid = page.getByTestId('monitor-grid-dead-letters');
    const row = grid.locator('.ag-row', { hasText: 'not well-formed' });
    // Monitor reads again every few seconds: the new dead letter comes in by itself.
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await row.locator('[col-id="reason"]').click();
    await expect(page.getByTestId('dead-letter-reason')).toContainText('b2mml: xml: not well-formed');
    await expect(page.getByTestId('dead-letter-raw')).toContainText('L-broken');
    await page.screenshot({ path: screenshotPath });

    await page.getByTestId('replay-dead-letter').click();
    await expect(page.getByTestId('monitor-notice')).toContainText('Replayed 0; 1 failed again: b2mml: xml: not well-formed');
    // Said as a warning: nothing was replayed.
    await expect(page.getByTestId('monitor-notice')).toHaveClass(/callout--warning/);
    // A discard needs its reason.
    await expect(page.getByTestId('discard-dead-letter')).toBeDisabled();
    await page.getByTestId('discard-reason').fill('half a message from the plant’s test bench');
    await page.getByTestId('discard-dead-letter').click();
    await expect(page.getByTestId('monitor-notice')).toContainText('Discarded dead letter');
    await expect(row).toHaveCount(0);
    await page.getByTestId('monitor-open-only').uncheck();
    await expect(grid.locator('.ag-row', { hasText: 'not well-formed' }).locator('[col-id="resolution"]')).toHaveText('discarded by op.lena');

    await page.getByTestId('nav-audit').click();
    const audit = page.getByTestId('audit-grid');
    await expect(audit.locator('.ag-row', { hasText: 'dead letter discarded' })).toHaveCount(1);
  } finally {
    await app.close();
  }
});

test('an operator maps a plant’s unknown unit code; the dead-lettered report is replayed and its workflow completes, one correlation id throughout', async ({ page }, testInfo) => {
  const app = await startAppWithSimulator('op.lena', 'operator');
  try {
    await openMonitor(page, app);
    const dataset = await control<Dataset>(app.gatewayUrl, 'GET', '/control/planning-dataset');
    const item = dataset.items.find((candidate) => candidate.unit === 'KG')!;
    const order = { id: 'MO-KGM-E2E', itemId: item.id, plant: 'P1' };
    // The plant's MES counts in UN/ECE codes: KGM, which master data calls KG.
    await control(app.gatewayUrl, 'POST', '/control/b2mml', { plant: 'P1', xml: performanceMessage(order, 12, 88, 'KGM') });

    await page.getByTestId('monitor-tab-dead-letters').click();
    const grid = page.getByTestId('monitor-grid-dead-letters');
    const row = grid.locator('.ag-row', { hasText: 'KGM' });
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await row.locator('[col-id="reason"]').click();
    await expect(page.getByTestId('dead-letter-reason')).toContainText('OperationsResponse[0]: unit of measure "KGM" is not in master data (EA, KG, L, M, PC)');
    // Replayed as it is, it fails again: the cause is the mapping.
    await page.getByTestId('replay-dead-letter').click();
    await expect(page.getByTestId('monitor-notice')).toContainText('1 failed again');
    const form = page.getByTestId('unit-mapping-form');
    await expect(form).toContainText('P1 sends KGM for');
    await expect(page.getByTestId('unit-mapping-submit')).toBeDisabled();
    await page.getByTestId('unit-mapping-unit').selectOption('KG');
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/monitor-unit-mapping.png') });
    await page.getByTestId('unit-mapping-submit').click();
    await expect(page.getByTestId('monitor-notice')).toContainText('Asked the gateway to map KGM to KG at P1');
    // Back on the plant's stream, the mapping replays the report: it leaves the open list.
    await expect(row).toHaveCount(0, { timeout: 20_000 });
    await page.getByTestId('monitor-open-only').uncheck();
    await expect(grid.locator('.ag-row', { hasText: 'KGM' }).locator('[col-id="resolution"]')).toHaveText('replayed by op.lena');

    // The workflow the report starts ran to its end, under the production order's id.
    await page.getByTestId('monitor-tab-workflows').click();
    await page.getByTestId('monitor-show').selectOption('all');
    const instance = page.getByTestId('monitor-grid-workflows').locator('.ag-row', { hasText: order.id });
    await expect(instance.locator('[col-id="workflow"]')).toHaveText('production-completed v1');
    await expect(instance.locator('[col-id="state"]')).toHaveText('completed');
    // Its row leads to its lines in the app's log file: the replay that started it, the start, each step.
    await instance.locator('[col-id="workflow"]').click();
    const log = page.getByTestId('instance-log');
    await expect(log).toContainText('replayed a dead letter');
    await expect(log).toContainText('workflow production-completed started');
    await expect(page.getByTestId('instance-log-folder')).toContainText('logs');
    await page.screenshot({ path: testInfo.outputPath('instance-log.png') });

    // Connectors: the plant's streams caught up with the gateway, and the mapping listed.
    await page.getByTestId('monitor-tab-connectors').click();
    await expect(page.getByTestId('unit-mappings')).toContainText('P1: KGM is KG (mapped by op.lena');
    const mes = page.getByTestId('monitor-grid-connectors').locator('.ag-row', { hasText: 'mes.P1' });
    await expect(mes.locator('[col-id="behind"]')).toHaveText('0');
    await expect(mes.locator('[col-id="head"]')).not.toHaveText('not heard');
    await page.screenshot({ path: testInfo.outputPath('connectors.png') });
    // Support tests a gateway before configuring it: a wrong token is said as such, the right one passes.
    await page.getByTestId('gateway-test-url').fill(app.gatewayUrl);
    await page.getByTestId('gateway-test-token').fill('not-the-token');
    await page.getByTestId('gateway-test-submit').click();
    await expect(page.getByTestId('gateway-test-result')).toContainText('Reachable, token refused');
    await expect(page.getByTestId('gateway-test-result')).toContainText('token: the gateway at');
    await page.getByTestId('gateway-test-token').fill('dev-token');
    await page.getByTestId('gateway-test-plant').fill('P1');
    await page.getByTestId('gateway-test-submit').click();
    await expect(page.getByTestId('gateway-test-result')).toContainText('Ready: sync protocol 1');
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/monitor-gateway-test.png') });

    // The trail of that flow: the replay and the alert it raised, and the notifications sent.
    await page.getByTestId('nav-audit').click();
    const audit = page.getByTestId('audit-grid');
    await audit.locator('.ag-floating-filter[col-id="correlationId"] input').fill(order.id);
    for (const action of ['dead letter replayed', 'scrap spike', 'command notification.create']) await expect(audit.locator('.ag-row', { hasText: action }).first()).toBeVisible();
    await expect(audit.locator('.ag-row', { hasText: 'unit mapped' })).toHaveCount(0);
  } finally {
    await app.close();
  }
});
