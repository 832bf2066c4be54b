// A planner answers a supplier delay with a substitution and a supervisor on another workstation
// approves it, each signed in on their own browser against their own `npm run start:web`, both on one
// simulator: the substitution reaches the gateway once, issued by the planner and approved by the
// supervisor as their session tokens say, the requester cannot approve it, and each Audit view lists
// its steps under the approval's id.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Dataset } from '../../shared/dataset';
import { findSubstitutableDelay } from '../helpers/substitutable-delay';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface GatewayCommand {
  commandId: string;
  type: string;
  status: string;
  body: { issuedBy: string; payload: Record<string, unknown> };
}

const delayDays = 30;
const screenshotPath = path.resolve(import.meta.dirname, '../../docs/approvals.png');
const auditScreenshotPath = path.resolve(import.meta.dirname, '../../docs/audit.png');
const responsesScreenshotPath = path.resolve(import.meta.dirname, '../../docs/order-impact-responses.png');

/** "887,041" → 887041 */
const amount = async (cell: Locator) => Number((await cell.innerText()).replace(/[^\d.-]/g, ''));

test('a planner requests a substitution, a supervisor on another workstation approves it, and it goes upstream once', async ({ browser }) => {
  const app = await startAppWithSimulator('pl.omar', 'planner');
  try {
    const supervisorApp = await app.addWorkstation('sv.ines', 'supervisor');
    const plannerContext = await browser.newContext();
    const supervisorContext = await browser.newContext();
    const planner = await plannerContext.newPage();
    const supervisor = await supervisorContext.newPage();
    await planner.goto(app.url);
    await signIn(planner, app.user);
    await supervisor.goto(supervisorApp.url);
    await signIn(supervisor, supervisorApp.user);
    await expect(planner.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
    await expect(supervisor.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
    await expect(supervisor.getByTestId('session-info')).toContainText('sv.ines');

    // A delay that a substitution can answer: the dataset is the simulator's own.
    const dataset = await control<Dataset>(app.gatewayUrl, 'GET', '/control/planning-dataset');
    const line = findSubstitutableDelay(dataset, delayDays);
    expect(line, 'a PO line whose delay a substitution can answer').toBeDefined();
    await planner.getByTestId('nav-order-impact').click();
    await control(app.gatewayUrl, 'POST', '/control/supplier-delay', { poLineId: line!.id, days: delayDays });

    // The exception arrives with its orders hit and revenue at risk.
    const row = planner.getByTestId('exceptions-grid').locator('.ag-row', { hasText: line!.id });
    await expect(row.getByTestId('exception-status-open')).toBeVisible();
    const revenueAtRisk = await amount(row.locator('[col-id="revenueAtRisk"]'));
    expect(revenueAtRisk).toBeGreaterThan(0);
    expect(await amount(row.locator('[col-id="ordersHit"]'))).toBeGreaterThan(0);
    await row.locator('[col-id="item"]').click();
    await expect(planner.getByTestId('exception-detail')).toContainText(line!.id);

    // Compare two responses side by side: each shows its projected effect.
    const substitute = planner.getByTestId('response-card-substitute');
    const acceptDelay = planner.getByTestId('response-card-accept-delay');
    await expect(substitute).toBeVisible();
    await expect(acceptDelay).toBeVisible();
    await expect(substitute).toContainText(/approval/i);
    const substituteRisk = planner.getByTestId('response-projected-substitute');
    const acceptRisk = planner.getByTestId('response-projected-accept-delay');
    await expect(substituteRisk).toBeVisible();
    await expect(acceptRisk).toContainText(new Intl.NumberFormat('en-US').format(revenueAtRisk));

    await planner.screenshot({ path: responsesScreenshotPath });

    // Request the substitution: it waits for a supervisor.
    await planner.getByTestId('apply-response-substitute').click();
    await expect(planner.getByTestId('exception-approval-state')).toContainText(/awaiting approval/i);
    await expect(row.getByTestId('exception-status-awaiting-approval')).toBeVisible();

    // The requester sees the request in Approvals but cannot approve it.
    await planner.getByTestId('nav-approvals').click();
    const plannerRequest = planner.getByTestId('approvals-grid').locator('.ag-row', { hasText: 'pl.omar' });
    await expect(plannerRequest).toBeVisible();
    await plannerRequest.locator('.ag-cell').first().click();
    await expect(planner.getByTestId('approval-detail')).toBeVisible();
    await expect(planner.getByTestId('approve-button')).toBeDisabled();
    await expect(planner.getByTestId('approval-cannot-decide')).toContainText('Only a supervisor can decide; you are signed in as a planner.');

    // The supervisor, on another workstation, approves it.
    await supervisor.getByTestId('nav-approvals').click();
    const request = supervisor.getByTestId('approvals-grid').locator('.ag-row', { hasText: 'pl.omar' });
    await expect(request.getByTestId('approval-status-pending')).toBeVisible();
    await request.locator('.ag-cell').first().click();
    const detail = supervisor.getByTestId('approval-detail');
    await expect(detail).toContainText(line!.itemId);
    // The panel's heading names both items whole ("RM-001309 → RM-000979"), wrapping between them if it must.
    const heading = supervisor.locator('#approval-panel-title');
    await expect(heading).toContainText(`${line!.itemId} → `);
    expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth && el.textContent!.split(' → ').every((id) => /^\S+$/.test(id)))).toBe(true);
    await expect(supervisor.getByTestId('approve-button')).toBeEnabled();
    await supervisor.getByTestId('approval-reason').fill('Same specification; alternate qualified for this customer');
    await supervisor.screenshot({ path: screenshotPath });
    await supervisor.getByTestId('approve-button').click();
    await expect(request.getByTestId('approval-status-approved')).toBeVisible();

    // Back on the planner's workstation: approved, the exception resolved with the substitution.
    await expect(plannerRequest.getByTestId('approval-status-approved')).toBeVisible();
    await planner.getByTestId('nav-order-impact').click();
    await expect(row.getByTestId('exception-status-resolved')).toBeVisible();
    await row.locator('[col-id="item"]').click();
    await expect(planner.getByTestId('exception-approval-state')).toContainText(/approved by sv\.ines/i);

    // Upstream: one substitution, issued by the planner, approved by the supervisor, accepted once.
    await expect
      .poll(async () => (await control<{ commands: GatewayCommand[] }>(app.gatewayUrl, 'GET', '/control/commands')).commands.filter((c) => c.type === 'substitution.apply' && c.status === 'accepted').length)
      .toBe(1);
    const { commands } = await control<{ commands: GatewayCommand[] }>(app.gatewayUrl, 'GET', '/control/commands');
    const substitutions = commands.filter((c) => c.type === 'substitution.apply');
    expect(substitutions).toHaveLength(1);
    expect(substitutions[0]!.body).toMatchObject({ issuedBy: 'pl.omar', payload: { approvedBy: 'sv.ines', fromItemId: line!.itemId } });
    const decisions = commands.filter((c) => c.type === 'approval.decide');
    expect(decisions.map((c) => [c.body.issuedBy, c.status])).toEqual([['sv.ines', 'accepted']]);
    const { deliveries } = await control<{ deliveries: { status: string }[] }>(app.gatewayUrl, 'GET', `/control/deliveries?commandId=${encodeURIComponent(substitutions[0]!.commandId)}`);
    expect(deliveries.filter((d) => d.status === 'accepted')).toHaveLength(1);

    // Each workstation's Audit view lists its own steps under the one correlation id, the approval's,
    // each with the role its user acted in; the CSV export holds exactly the rows shown.
    const substitutionId = substitutions[0]!.commandId;
    const approvalId = String(substitutions[0]!.body.payload.approvalId);
    const auditUnder = async (page: Page, correlationId: string) => {
      await page.getByTestId('nav-audit').click();
      await expect(page.getByTestId('audit-summary')).toContainText('chain intact');
      const grid = page.getByTestId('audit-grid');
      await grid.locator('.ag-floating-filter[col-id="correlationId"] input').fill(correlationId);
      // The floating filter applies after its debounce: then no row of another flow is left.
      await expect(grid.locator('.ag-row').filter({ hasNotText: correlationId })).toHaveCount(0);
      await expect(grid.locator('.ag-row').first()).toBeVisible();
      return grid.locator('.ag-row');
    };
    const csvOf = async (page: Page) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-audit').click()]);
      return (await readFile(await download.path(), 'utf8')).split(/\r?\n/).filter((csvLine) => csvLine.trim() !== '');
    };
    const plannerSteps = await auditUnder(planner, approvalId);
    // Every column in sight, up to the detail, at the window's width.
    const detailHeader = (await planner.getByTestId('audit-grid').getByRole('columnheader', { name: 'Detail' }).boundingBox())!;
    expect(detailHeader.x + detailHeader.width).toBeLessThanOrEqual(planner.viewportSize()!.width);
    await expect(plannerSteps.filter({ hasText: 'command approval.request' })).toContainText('planner');
    await expect(plannerSteps.filter({ hasText: 'command substitution.apply' })).toContainText('pl.omar');
    await expect(plannerSteps.filter({ hasText: substitutionId })).toHaveCount(2);
    await expect(plannerSteps.filter({ hasText: 'reply rejected' })).toHaveCount(0);
    const plannerRows = await plannerSteps.count();
    expect(plannerRows).toBeGreaterThanOrEqual(4);
    await expect(planner.getByTestId('audit-filtered')).toHaveText(` · ${plannerRows} entries match the filters`);
    // The whole action in sight: a request reads as one, not as "command approval…".
    const action = plannerSteps.filter({ hasText: 'command approval.request' }).locator('[col-id="action"]');
    expect(await action.evaluate((cell) => cell.scrollWidth <= cell.clientWidth + 0.5)).toBe(true);
    const plannerCsv = await csvOf(planner);
    expect(plannerCsv[0]).toContain('"Time (UTC)"');
    expect(plannerCsv[0]).toContain('"Correlation"');
    expect(plannerCsv.slice(1)).toHaveLength(plannerRows);
    expect(plannerCsv.slice(1).every((csvLine) => csvLine.includes(`"${approvalId}"`))).toBe(true);
    expect(plannerCsv.filter((csvLine) => csvLine.includes('command substitution.apply') && csvLine.includes('"planner"'))).toHaveLength(1);

    const supervisorSteps = await auditUnder(supervisor, approvalId);
    await expect(supervisorSteps.filter({ hasText: 'command approval.decide' })).toContainText('supervisor');
    await expect(supervisorSteps.filter({ hasText: 'command approval.decide' })).toContainText('sv.ines');
    const supervisorRows = await supervisorSteps.count();
    expect(supervisorRows).toBeGreaterThanOrEqual(2);
    const supervisorCsv = await csvOf(supervisor);
    expect(supervisorCsv.slice(1)).toHaveLength(supervisorRows);
    expect(supervisorCsv.slice(1).every((csvLine) => csvLine.includes(`"${approvalId}"`))).toBe(true);
    await supervisor.getByTestId('audit-grid').locator('.ag-floating-filter[col-id="correlationId"] input').fill('');
    // The picture once the whole trail is back and the export's notice has gone.
    await expect.poll(() => supervisor.getByTestId('audit-grid').locator('.ag-row').count()).toBeGreaterThan(supervisorRows);
    await expect(supervisor.locator('.ag-overlay-exporting-wrapper')).toHaveCount(0);
    await supervisor.screenshot({ path: auditScreenshotPath });
    await plannerContext.close();
    await supervisorContext.close();
  } finally {
    await app.close();
  }
});
