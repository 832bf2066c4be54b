// An approval nobody decided within its SLA, against two `npm run start:web` on one simulator: a planner
// accepts a rebalancing transfer above the approval threshold; four hours pass on the planner's
// workstation and the gateway (their clocks injected), the transfer approval's SLA; the supervisor, on another workstation, sees the request
// escalated in Approvals and counted in Monitor (beside the seeded failed lots whose usage decision fell due), approves it, and the gateway holds exactly one
// transfer.request, the one approved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface GatewayCommand {
  type: string;
  status: string;
  body: { issuedBy: string; payload: { transferId?: string; approvalId?: string; approvedBy?: string; subjectId?: string; taskType?: string } };
}

const numberIn = (text: string) => Number(text.replace(/[^\d.-]/g, ''));
const screenshotPath = path.resolve(import.meta.dirname, '../../docs/approvals-escalated.png');

test('a transfer above the threshold nobody approved in time is escalated to a supervisor on another workstation, approved, and requested upstream once', async ({ browser }) => {
  test.setTimeout(240_000);
  const clockDir = mkdtempSync(path.join(tmpdir(), 'plant-orchestrator-clock-'));
  const clockFile = path.join(clockDir, 'offset-ms');
  writeFileSync(clockFile, '0');
  const app = await startAppWithSimulator('pl.rosa', 'planner', { clockFile, gatewayClockFile: clockFile });
  try {
    const supervisorApp = await app.addWorkstation('sv.ines', 'supervisor');
    const planner = await (await browser.newContext()).newPage();
    const supervisor = await (await browser.newContext()).newPage();
    await planner.goto(app.url);
    await signIn(planner, app.user);
    await supervisor.goto(supervisorApp.url);
    await signIn(supervisor, supervisorApp.user);
    await expect(planner.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');

    // A proposal worth more than the threshold (10,000) needs a supervisor's approval.
    await planner.getByTestId('nav-rebalancing').click();
    const grid = planner.getByTestId('rebalancing-grid');
    const proposed = grid.locator('.ag-row', { has: planner.getByTestId('proposal-status-proposed') });
    await expect(proposed.first()).toBeVisible({ timeout: 90_000 });
    let transferRow: string | null = null;
    for (let n = 0; n < (await proposed.count()) && transferRow === null; n++) {
      const row = proposed.nth(n);
      if (numberIn(await row.locator('[col-id="revenueProtected"]').innerText()) > 10_000) {
        transferRow = await row.getAttribute('row-id');
        await row.getByTestId('accept-proposal').click();
      }
    }
    expect(transferRow, 'a proposal above the approval threshold').not.toBeNull();
    await expect(grid.locator(`.ag-row[row-id="${transferRow}"]`).getByTestId('proposal-status-awaiting-approval')).toBeVisible();

    await supervisor.getByTestId('nav-approvals').click();
    const request = supervisor.getByTestId('approvals-grid').locator('.ag-row', { hasText: 'pl.rosa' });
    await expect(request.getByTestId('approval-status-pending')).toBeVisible({ timeout: 20_000 });
    await expect(request.getByTestId('approval-status-escalated')).toHaveCount(0);

    // Four hours (the transfer approval's SLA) pass on the planner's workstation and the gateway (which
    // escalates nothing not due by its own clock): the planner's timer escalates the request.
    writeFileSync(clockFile, String(4 * 3_600_000 + 60_000));
    await expect(request.getByTestId('approval-status-escalated')).toHaveText('escalated', { timeout: 60_000 });
    await request.locator('.ag-cell').first().click();
    await expect(supervisor.getByTestId('approval-detail')).toContainText('Escalated');
    await supervisor.screenshot({ path: screenshotPath });

    // Monitor counts every escalated task still undecided: this request, and the seeded failed lots whose
    // usage decision fell due (48 h after failing) when the clock moved, which nobody decides here.
    const commandsOf = async (type: string) => (await control<{ commands: GatewayCommand[] }>(app.gatewayUrl, 'GET', '/control/commands')).commands.filter((c) => c.type === type);
    const dispositionsEscalated = async () => (await commandsOf('escalation.raise')).filter((c) => c.status === 'accepted' && c.body.payload.taskType === 'disposition').length;
    const escalatedText = (n: number) => (n === 1 ? '1 escalated task' : `${n} escalated tasks`);
    await supervisor.getByTestId('nav-monitor').click();
    await expect.poll(async () => (await supervisor.getByTestId('monitor-escalated').innerText()) === escalatedText((await dispositionsEscalated()) + 1), { timeout: 30_000 }).toBe(true);
    await supervisor.getByTestId('nav-approvals').click();
    await request.locator('.ag-cell').first().click();
    await supervisor.getByTestId('approval-reason').fill('Stock at the sending plant is covered; ship it');
    await supervisor.getByTestId('approve-button').click();
    await expect(request.getByTestId('approval-status-approved')).toBeVisible();

    await expect.poll(async () => (await commandsOf('transfer.request')).filter((c) => c.status === 'accepted').length, { timeout: 30_000 }).toBe(1);
    const transfers = await commandsOf('transfer.request');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.body).toMatchObject({ issuedBy: 'pl.rosa', payload: { approvedBy: 'sv.ines' } });
    const escalations = (await commandsOf('escalation.raise')).filter((c) => c.body.payload.taskType === 'transferApproval');
    expect(escalations.map((c) => [c.status, c.body.payload.subjectId])).toEqual([['accepted', transfers[0]!.body.payload.approvalId]]);
    await expect(supervisor.getByTestId('nav-monitor')).toBeVisible();
    await supervisor.getByTestId('nav-monitor').click();
    await expect.poll(async () => (await supervisor.getByTestId('monitor-escalated').innerText()) === escalatedText(await dispositionsEscalated()), { timeout: 30_000 }).toBe(true);
  } finally {
    await app.close();
    rmSync(clockDir, { recursive: true, force: true });
  }
});
