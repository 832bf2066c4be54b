// One world on three workstations: a quality engineer, a planner and a supervisor, each their own
// browser, `npm run start:web` and SQLite file, on one simulator. What the engineer decides, the others
// show: the lot decided in parts, its sub-lots with their ids and quantities, and no second decision.
// The planner sees the failed deliveries the plan counted on in Order Impact, and a response that
// leaves things worse than doing nothing marked, asking for a confirmation.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Dataset } from '../../shared/dataset';
import { findHarmfulDelay } from '../helpers/harmful-delay';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

const screenshotPath = path.resolve(import.meta.dirname, '../../docs/quarantine-decided.png');
const lotRow = (page: Page, lotId: string) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-id="${lotId}"]`);
const amount = (text: string) => Number(text.replace(/[^\d.]/g, ''));

test('three workstations on one gateway show the same world', async ({ browser }, testInfo) => {
  const app = await startAppWithSimulator('qe.maria', 'quality-engineer');
  try {
    const plannerApp = await app.addWorkstation('pl.anna', 'planner');
    const supervisorApp = await app.addWorkstation('sv.tom', 'supervisor');
    const open = async ({ url, user }: { url: string; user: string }) => {
      const page = await (await browser.newContext({ viewport: { width: 1600, height: 950 } })).newPage();
      await page.goto(url);
      await signIn(page, user);
      await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
      return page;
    };
    const engineer = await open(app);
    const planner = await open(plannerApp);
    const supervisor = await open(supervisorApp);

    // Each role starts on its own view.
    await expect(engineer.getByTestId('nav-quarantine')).toHaveAttribute('aria-current', 'page');
    await expect(planner.getByTestId('nav-order-impact')).toHaveAttribute('aria-current', 'page');
    await expect(supervisor.getByTestId('nav-approvals')).toHaveAttribute('aria-current', 'page');

    // The engineer decides a failed delivery in parts: release, rework, and the rest back to the supplier.
    const firstRow = engineer.locator('[data-testid=quarantine-grid] .ag-row').first();
    await expect(firstRow.getByTestId('task-state-awaiting-decision')).toBeVisible();
    const lotId = (await firstRow.getAttribute('row-id'))!;
    await engineer.getByTestId('lot-scan').fill(lotId);
    await engineer.getByTestId('lot-scan').press('Enter');
    const panel = engineer.getByTestId('disposition-panel');
    await expect(panel).toContainText(lotId);
    const facts = await panel.getByTestId('lot-facts').innerText();
    const [, quantityText, unit] = /Quantity\s+([\d,.]+) (\S+)/.exec(facts)!;
    const total = amount(quantityText!);
    const released = Math.floor(total * 0.55);
    const reworked = Math.floor(total * 0.25);
    // Typed as the app shows numbers: grouped with commas.
    await panel.getByTestId('posting-release').fill(released.toLocaleString('en-US'));
    await panel.getByTestId('posting-rework').fill(reworked.toLocaleString('en-US'));
    await panel.getByTestId('posting-rest-return-to-vendor').click();
    await expect(panel.getByTestId('postings-balance')).toContainText('the whole lot');
    await panel.getByTestId('disposition-reason').fill('Sorted on the floor: part reworkable, the rest back to the supplier');
    await panel.getByTestId('disposition-submit').click();

    // The deciding workstation shows the lot as the ERP has it: the released part, and one sub-lot.
    const decidedHere = lotRow(engineer, lotId);
    await expect(decidedHere.getByTestId('task-state-decided')).toHaveText('decided · qe.maria');
    await expect(decidedHere.locator('[col-id="quantity"]')).toContainText(`${released.toLocaleString('en-US')} ${unit}`);
    await expect(decidedHere.getByTestId('sub-lot-count')).toHaveText(' · +1');
    const decidedAt = Date.now();

    // The planner and the supervisor show it decided, with its sub-lots, ids and quantities, within two seconds.
    for (const [name, page] of [
      ['planner', planner],
      ['supervisor', supervisor],
    ] as const) {
      await page.getByTestId('nav-quarantine').click();
      const row = lotRow(page, lotId);
      await expect(row.getByTestId('task-state-decided'), name).toHaveText('decided · qe.maria', { timeout: Math.max(500, 2_000 - (Date.now() - decidedAt)) });
      await page.getByTestId('lot-scan').fill(lotId);
      await page.getByTestId('lot-scan').press('Enter');
      await expect(page.getByTestId('scan-result')).toContainText(`${lotId} was decided by qe.maria at`);
      const parts = page.getByTestId('decided-parts');
      await expect(parts.getByTestId(`decided-part-${lotId}`)).toContainText(`${released.toLocaleString('en-US')} ${unit}`);
      await expect(parts.getByTestId(`decided-part-${lotId}`)).toContainText('Unrestricted');
      const subLot = parts.locator('tr[data-testid^="decided-part-"]').nth(1);
      await expect(subLot).toContainText(new RegExp(`${lotId}-\\d+\\.1`));
      await expect(subLot).toContainText(`${reworked.toLocaleString('en-US')} ${unit}`);
      await expect(subLot).toContainText('Blocked');
      // Nothing is left to decide: no form, on any workstation.
      await expect(page.getByTestId('disposition-submit')).toHaveCount(0);
      await expect(page.getByTestId('lot-facts')).toContainText('Usage decision made');
    }
    testInfo.annotations.push({ type: 'propagation', description: `decided on the other workstations ${Date.now() - decidedAt} ms after the engineer's` });

    // Another lot still awaiting a decision: the planner sees it but may not post one, and is told why.
    const other = supervisor.locator('[data-testid=quarantine-grid] .ag-row').filter({ has: supervisor.getByTestId('task-state-awaiting-decision') }).first();
    await other.locator('[col-id="lot"]').click();
    await expect(supervisor.getByTestId('disposition-not-yours')).toContainText('Only a quality engineer posts usage decisions; you are signed in as a supervisor');
    await expect(supervisor.getByTestId('disposition-submit')).toHaveCount(0);
    // README's picture of a lot decided elsewhere: the supervisor's workstation, the engineer's decision.
    await supervisor.getByTestId('lot-scan').fill(lotId);
    await supervisor.getByTestId('lot-scan').press('Enter');
    await expect(supervisor.getByTestId('decided-parts')).toBeVisible();
    await supervisor.screenshot({ path: screenshotPath });

    // The planner: the failed deliveries the plan counted on are Order Impact exceptions with their orders.
    await planner.getByTestId('nav-order-impact').click();
    const blocked = planner.getByTestId('exceptions-grid').locator('.ag-row', { hasText: 'Lot blocked' }).first();
    await expect(blocked).toBeVisible();
    expect(amount(await blocked.locator('[col-id="ordersHit"]').innerText())).toBeGreaterThan(0);
    await blocked.locator('[col-id="item"]').click();
    const rowsOf = async (testId: string) => Number((await planner.getByTestId(testId).getAttribute('data-row-count')) ?? 0);
    await expect.poll(async () => (await rowsOf('impacted-production-orders')) + (await rowsOf('impacted-customer-orders'))).toBeGreaterThan(0);
    // Named by the inspection lot, the same on every workstation, and shown so planners can say which.
    await expect(planner.getByTestId('exception-id')).toHaveText(/^EX-IL-\d+$/);
    await planner.getByTestId('exception-detail-close').click();

    // A delay with a response worse than doing nothing: marked, and Apply asks before it sends anything.
    const dataset = await control<Dataset>(app.gatewayUrl, 'GET', '/control/planning-dataset');
    const harmful = findHarmfulDelay(dataset, 20);
    expect(harmful, 'a delay with a response worse than doing nothing').toBeDefined();
    await control(app.gatewayUrl, 'POST', '/control/supplier-delay', { poLineId: harmful!.line.id, days: 20 });
    const delayRow = planner.getByTestId('exceptions-grid').locator('.ag-row', { hasText: harmful!.line.id });
    await expect(delayRow.getByTestId('exception-status-open')).toBeVisible({ timeout: 30_000 });
    await delayRow.locator('[col-id="item"]').click();
    const card = planner.getByTestId(`response-card-${harmful!.responseId}`);
    await expect(card.getByTestId(`response-worse-${harmful!.responseId}`)).toHaveText('Worse than doing nothing');
    await card.getByTestId(`apply-response-${harmful!.responseId}`).click();
    await expect(card.getByTestId(`response-confirm-${harmful!.responseId}`)).toContainText('leaves things worse than doing nothing');
    await planner.screenshot({ path: testInfo.outputPath('harmful-response.png') });
    await card.getByTestId(`cancel-response-${harmful!.responseId}`).click();
    await expect(card.getByTestId(`response-confirm-${harmful!.responseId}`)).toHaveCount(0);
    await expect(delayRow.getByTestId('exception-status-open')).toBeVisible();
    const { commands } = await control<{ commands: { type: string }[] }>(app.gatewayUrl, 'GET', '/control/commands');
    expect(commands.filter((c) => c.type === 'production.reschedule' || c.type === 'transfer.request')).toEqual([]);
  } finally {
    await app.close();
  }
});
