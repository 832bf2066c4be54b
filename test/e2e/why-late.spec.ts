// A planner asks why a customer order is late: from the supplier delay's exception, its late customer
// order opens the chain in Stock/requirements, level by level down to the PO line that arrives late;
// that line's item opens its time-phased list, and the line pegs up to the customer order again. Then
// what would fix it: two responses saved as scenarios, compared with the plan side by side, one
// applied; its expedite reaches the simulator once. Against `npm run start:web` and a simulator
// process, in Chromium.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { explainLate } from '../../orchestration-core/analysis/late-explanation';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { Dataset, PoLine } from '../../shared/dataset';
import { dateOf, dayOf } from '../../shared/plan-days';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

const delayDays = 25;
const listScreenshotPath = path.resolve(import.meta.dirname, '../../docs/stock-requirements.png');
const explanationScreenshotPath = path.resolve(import.meta.dirname, '../../docs/why-late.png');
const scenariosScreenshotPath = path.resolve(import.meta.dirname, '../../docs/scenarios.png');

interface GatewayCommand {
  type: string;
  status: string;
  body: { payload: { poLineId?: string; exceptionId?: string; responseId?: string } };
}

/** A PO line with an ASN whose delay leaves a customer order late because of it, as the workstation will explain it. */
function delayThatExplains(dataset: Dataset): { line: PoLine; customerOrderId: string } | undefined {
  const index = new PlanIndex(dataset, dataset.today);
  for (const line of dataset.poLines.filter((candidate) => candidate.asnId !== null).slice(0, 400)) {
    const delayed = { ...line, expectedDate: dateOf(dayOf(line.expectedDate) + delayDays) };
    const impact = index.whatIf([{ kind: 'poLine', poLine: delayed }]);
    if (impact.customerOrders.length === 0) continue;
    index.apply({ kind: 'poLine', poLine: delayed });
    try {
      const hit = impact.customerOrders.find((order) => explainLate(index, order.id)?.because?.startsWith(`late because ${line.id} arrives`));
      if (hit) return { line, customerOrderId: hit.id };
    } finally {
      index.apply({ kind: 'poLine', poLine: line });
    }
  }
  return undefined;
}

test('from a late customer order down to the PO line that makes it late, its stock/requirements list, back up, and two scenarios compared, one applied', async ({ page }) => {
  const app = await startAppWithSimulator('pl.omar', 'planner');
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
    const dataset = await control<Dataset>(app.gatewayUrl, 'GET', '/control/planning-dataset');
    const found = delayThatExplains(dataset);
    expect(found, 'a PO line whose delay makes a customer order late').toBeDefined();
    const { line, customerOrderId } = found!;
    await page.getByTestId('nav-order-impact').click();
    const delay = await control<{ newDate: string }>(app.gatewayUrl, 'POST', '/control/supplier-delay', { poLineId: line.id, days: delayDays });

    // The exception, its late customer order, and why.
    const row = page.getByTestId('exceptions-grid').locator('.ag-row', { hasText: line.id });
    await expect(row.getByTestId('exception-status-open')).toBeVisible({ timeout: 30_000 });
    await row.locator('[col-id="item"]').click();
    await page.getByTestId(`explain-${customerOrderId}`).click();
    const explanation = page.getByTestId('late-explanation');
    await expect(explanation).toContainText(customerOrderId);
    await expect(page.getByTestId('late-because')).toContainText(`Late because ${line.id} arrives`);
    await page.screenshot({ path: explanationScreenshotPath });

    // Down to the PO line: its item's list at its plant, the line at its new date.
    await explanation.getByTestId(`explain-open-po-line-${line.id}`).click();
    await expect(page.getByTestId('stock-summary')).toContainText(`${line.itemId} —`);
    await expect(page.getByTestId('stock-summary')).toContainText(`at ${line.plant}`);
    const lineRow = page.getByTestId('stock-grid').locator(`.ag-row[row-id="po-line:${line.id}"]`);
    await expect(lineRow).toHaveCount(1);
    await expect(lineRow.locator('[col-id="kind"]')).toHaveText('PO line');
    // The step's row is chosen, with its pegging beside it.
    await expect(lineRow.first()).toHaveClass(/ag-row-selected/);
    await expect(page.getByTestId('pegging-panel')).toContainText(line.id);
    await expect(lineRow.locator('[col-id="date"]')).toHaveText(new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${delay.newDate}T00:00:00Z`)));

    // Back up from the line: the customer order is among those it covers at the top.
    await page.getByTestId('late-explanation').getByRole('button', { name: 'Close' }).click();
    await lineRow.click();
    await page.getByTestId('peg-up').click();
    await expect(page.getByTestId('pegged-up')).toContainText(customerOrderId);
    await page.getByTestId('pegging-panel').getByRole('button', { name: 'Close the pegging' }).click();
    await expect(page.getByTestId('pegging-panel')).toHaveCount(0);
    await page.screenshot({ path: listScreenshotPath });

    // What would fix it: the exception's expedite and accepting the delay, each saved as a scenario.
    await page.getByTestId('nav-order-impact').click();
    await row.locator('[col-id="item"]').click();
    for (const [responseId, name] of [['expedite', 'Expedite the PO line'], ['accept-delay', 'Accept the delay']] as const) {
      await page.getByTestId(`save-scenario-${responseId}`).click();
      await page.getByTestId('scenario-name').fill(name);
      await page.getByTestId('confirm-save-scenario').click();
      await expect(page.getByTestId('scenario-saved')).toContainText(name);
    }
    // Compared in Scenarios with the plan: the customer order late now is on time expedited, still late accepted.
    await page.getByTestId('open-saved-scenario').click();
    const grid = page.getByTestId('scenarios-grid');
    await grid.locator('.ag-row', { hasText: 'Expedite the PO line' }).locator('.ag-checkbox-input').click();
    await expect(page.getByTestId('scenarios-summary')).toContainText('2 picked');
    const comparison = page.getByTestId('scenario-comparison');
    await expect(comparison.locator('[data-testid^=scenario-column-]')).toHaveCount(2);
    const orderRow = page.getByTestId('scenario-orders-grid').locator(`.ag-row[row-id="${customerOrderId}"]`);
    await expect(orderRow.locator('[col-id="now"]')).toHaveText(/^\+\d+ d$/);
    const ids = await comparison.locator('[data-testid^=scenario-column-]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-testid')!.replace('scenario-column-', '')));
    const names = await comparison.locator('[data-testid^=scenario-column-] .scenario-figures__name').allTextContents();
    const expediteId = ids[names.indexOf('Expedite the PO line')]!;
    const acceptId = ids[names.indexOf('Accept the delay')]!;
    await expect(orderRow.locator(`[col-id="scenario-${expediteId}"]`)).not.toHaveText(await orderRow.locator('[col-id="now"]').innerText());
    await expect(orderRow.locator(`[col-id="scenario-${acceptId}"]`)).toHaveText(await orderRow.locator('[col-id="now"]').innerText());
    await expect(page.getByTestId(`scenario-changed-${expediteId}`)).toHaveText('nothing changed');
    // Tall enough for the figures and the customer orders under them.
    await page.setViewportSize({ width: 1440, height: 1240 });
    await page.screenshot({ path: scenariosScreenshotPath });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Applied: its answer and its expedite go upstream once; the other scenario then no longer applies.
    await page.getByTestId(`apply-scenario-${expediteId}`).click();
    await expect(page.getByTestId(`scenario-applied-${expediteId}`)).toContainText(app.user);
    await expect(page.getByTestId('scenarios-notice')).toContainText('Applied “Expedite the PO line”');
    const expedites = async () => (await control<{ commands: GatewayCommand[] }>(app.gatewayUrl, 'GET', '/control/commands')).commands.filter((c) => c.type === 'po.expedite' && c.body.payload.poLineId === line.id);
    await expect.poll(async () => (await expedites()).map((c) => c.status), { timeout: 30_000 }).toEqual(['accepted']);
    await expect(page.getByTestId(`scenario-changed-${acceptId}`)).toContainText('no longer applies', { timeout: 30_000 });
    await expect(page.getByTestId(`apply-scenario-${acceptId}`)).toBeDisabled();
    // Still once, after the outbox had every chance to send it again.
    await page.waitForTimeout(1500);
    expect(await expedites()).toHaveLength(1);

    // The one that no longer applies is deleted, once confirmed.
    await page.getByTestId(`delete-scenario-${acceptId}`).click();
    await page.getByTestId(`confirm-delete-scenario-${acceptId}`).click();
    await expect(page.getByTestId('scenarios-notice')).toContainText('Deleted “Accept the delay”');
    await expect(grid.locator('.ag-row')).toHaveCount(1);
  } finally {
    await app.close();
  }
});
