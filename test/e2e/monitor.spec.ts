// Support at a plant, against `npm run start:web` and the simulator: a malformed B2MML message from the
// plant shows in Monitor's dead letters with the reason naming what is wrong and the message as it
// came; replayed while it is still malformed it fails again and says why; discarded with a reason, it
// leaves the open list and the Audit view holds the discard.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

const screenshotPath = path.resolve(import.meta.dirname, '../../docs/monitor.png');

test('an operator finds a malformed plant message in Monitor, replays it in vain, and discards it, audited', async ({ page }) => {
  const app = await startAppWithSimulator('op.lena', 'operator');
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-plant-P1')).toHaveAttribute('data-state', 'online');
    // An operator starts on Monitor.
    await expect(page.getByTestId('monitor-summary')).toContainText('workflow instance');
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
