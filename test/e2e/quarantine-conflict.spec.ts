// A decision made offline is overtaken upstream: the engineer sees the conflict, its reason and the
// lot's new quantity, and re-decides against what is there now.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { control, freePort, startSimulator, startWebHost, type RunningProcess } from './app-processes';

interface CommandRecord {
  type: string;
  status: 'accepted' | 'rejected';
  body: { payload: { lotId: string; decision?: string; quantity?: number } };
}

const lotRow = (page: Page, lotId: string) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-id="${lotId}"]`);

test('a decision overtaken upstream shows as a conflict and the engineer re-decides on the current lot', async ({ page }, testInfo) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plant-orchestrator-e2e-'));
  const simulatorDb = path.join(dataDir, 'simulator.sqlite');
  const simulatorPort = await freePort();
  let simulator: RunningProcess | undefined = await startSimulator(simulatorPort, simulatorDb);
  const gatewayUrl = simulator.match[1]!;
  const web = await startWebHost({ port: await freePort(), dataDir: path.join(dataDir, 'app'), gatewayUrl, user: 'qe.jonas' });
  try {
    await page.goto(web.match[1]!);
    const failed = await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 300 });
    const row = lotRow(page, failed.lotId);
    await expect(row.getByTestId('task-state-awaiting-decision')).toBeVisible();
    await expect(row).toContainText('Blocked');

    // Offline, the engineer releases the lot; upstream, 120 of it is consumed meanwhile.
    await simulator.stop();
    simulator = undefined;
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'offline');
    await row.click();
    const panel = page.getByTestId('disposition-panel');
    await panel.getByTestId('decision-release').click();
    await panel.getByTestId('disposition-reason').fill('Re-measured: bore within drawing tolerance');
    await panel.getByTestId('disposition-submit').click();
    await expect(row.getByTestId('task-state-pending-upstream')).toBeVisible();
    simulator = await startSimulator(simulatorPort, simulatorDb);
    await control(gatewayUrl, 'POST', '/control/consume', { lotId: failed.lotId, quantity: 120 });

    // Back online: the gateway rejects the stale release; the row says so, with the reason.
    await expect(row.getByTestId('task-state-conflict')).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('conflict-reason')).toContainText('rejected the decision “Release to unrestricted” by qe.jonas');
    await expect(panel.getByTestId('conflict-reason')).toContainText('stale');
    await expect(row).toContainText('180');
    await page.screenshot({ path: testInfo.outputPath('conflict.png') });

    // The engineer re-decides on the 180 that are left.
    await panel.getByTestId('decision-rework').click();
    await panel.getByTestId('disposition-reason').fill('Rework the bore on the remaining quantity');
    await panel.getByTestId('disposition-submit').click();
    await expect(row.getByTestId('task-state-accepted')).toBeVisible();

    const { commands } = await control<{ commands: CommandRecord[] }>(gatewayUrl, 'GET', '/control/commands');
    const dispositions = commands.filter((c) => c.type === 'lot.disposition' && c.body.payload.lotId === failed.lotId);
    expect(dispositions.map((c) => [c.status, c.body.payload.decision, c.body.payload.quantity])).toEqual([
      ['rejected', 'release', 300],
      ['accepted', 'rework', 180],
    ]);
  } finally {
    await web.stop();
    await simulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
