// A decision made offline is overtaken upstream: the engineer sees the conflict, its reason and the
// lot's new quantity, and re-decides against what is there now.
import { expect, test, type Page } from '@playwright/test';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface CommandRecord {
  type: string;
  status: 'accepted' | 'rejected';
  body: { payload: { lotId: string; postings?: { decision: string; quantity: number }[] } };
}

const lotRow = (page: Page, lotId: string) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-id="${lotId}"]`);

test('a decision overtaken upstream shows as a conflict and the engineer re-decides on the current lot', async ({ page }, testInfo) => {
  const app = await startAppWithSimulator('qe.jonas');
  const { gatewayUrl } = app;
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    const failed = await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 300 });
    const row = lotRow(page, failed.lotId);
    await expect(row.getByTestId('task-state-awaiting-decision')).toBeVisible();
    await expect(row).toContainText('Blocked');

    // Offline, the engineer releases the lot; upstream, 120 of it is consumed meanwhile.
    await app.stopSimulator();
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'offline');
    await row.click();
    const panel = page.getByTestId('disposition-panel');
    await panel.getByTestId('decision-release').click();
    await panel.getByTestId('disposition-reason').fill('Re-measured: bore within drawing tolerance');
    await panel.getByTestId('disposition-submit').click();
    await expect(row.getByTestId('task-state-pending-upstream')).toBeVisible();
    await app.restartSimulator();
    await control(gatewayUrl, 'POST', '/control/consume', { lotId: failed.lotId, quantity: 120 });

    // Back online: the gateway rejects the stale release; the row says so, with the reason.
    await expect(row.getByTestId('task-state-conflict')).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('conflict-reason')).toContainText('rejected the decision “Release to unrestricted” by qe.jonas');
    await expect(panel.getByTestId('conflict-reason')).toContainText('stale');
    // Beside the refusal: what the decision saw, and what happened to the lot since.
    const changes = panel.getByTestId('conflict-changes');
    await expect(changes).toContainText(/You saw version \d+, 300 \S+; since then:/);
    await expect(changes).toContainText('Consumed');
    await expect(changes).toContainText('120');
    await expect(row).toContainText('180');
    // Deciding again starts from the refused decision, fitted to what the lot holds now.
    await expect(panel.getByTestId('posting-release')).toHaveValue('180');
    await expect(panel.getByTestId('postings-balance')).toContainText('Posted 180 of 180');
    await page.screenshot({ path: testInfo.outputPath('conflict.png') });

    // The engineer re-decides on the 180 that are left.
    await panel.getByTestId('decision-rework').click();
    await expect(panel.getByTestId('posting-release')).toHaveValue('');
    await panel.getByTestId('disposition-reason').fill('Rework the bore on the remaining quantity');
    await panel.getByTestId('disposition-submit').click();
    await expect(row.getByTestId('task-state-decided')).toBeVisible();

    const { commands } = await control<{ commands: CommandRecord[] }>(gatewayUrl, 'GET', '/control/commands');
    const dispositions = commands.filter((c) => c.type === 'lot.disposition' && c.body.payload.lotId === failed.lotId);
    expect(dispositions.map((c) => [c.status, c.body.payload.postings])).toEqual([
      ['rejected', [{ decision: 'release', quantity: 300 }]],
      ['accepted', [{ decision: 'rework', quantity: 180 }]],
    ]);
  } finally {
    await app.close();
  }
});
