// A quality engineer on the shop floor, offline, with a handheld scanner: scans lots, splits a failed
// lot into scrap and return to vendor, sees and blocks what was made from a consumed lot, goes back
// online and withdraws a decision that the lot's consumption overtook. Upstream then holds each
// accepted decision once. Screenshots in both densities land in the test's output folder.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface CommandRecord {
  commandId: string;
  type: string;
  status: 'accepted' | 'rejected';
  body: { payload: { lotId: string; stockType?: string; valuation?: string; code?: string; postings?: { decision: string; quantity: number }[] } };
}
interface DeliveryRecord {
  commandId: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
}

// AG Grid 36 renders each row once (pinned cells included), with no .ag-center-cols-container.
const lotRow = (page: Page, lotId: string) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-id="${lotId}"]`);

/** What a handheld scanner does: types the id, then Enter, into whatever has the focus. */
async function scan(page: Page, lotId: string) {
  await page.keyboard.type(lotId);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lot-scan')).toHaveValue(lotId);
}

async function height(page: Page, testId: string): Promise<number> {
  const box = await page.getByTestId(testId).first().boundingBox();
  return box?.height ?? 0;
}

test('on the floor, offline: scan, split a lot, contain a consumed one, then resolve a conflict online', async ({ page }, testInfo) => {
  const app = await startAppWithSimulator('qe.floor');
  const { gatewayUrl } = app;
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');

    // Upstream, while the floor is still online: three failed lots; production already used one of them,
    // and used what it made (two levels of genealogy).
    const split = await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 300 });
    const consumed = await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 400 });
    const overtaken = await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 300 });
    const first = await control<{ productionOrderId: string; outputLotId: string }>(gatewayUrl, 'POST', '/control/produce', { lotId: consumed.lotId, quantity: 100, outputQuantity: 40 });
    const second = await control<{ productionOrderId: string; outputLotId: string }>(gatewayUrl, 'POST', '/control/produce', { lotId: first.outputLotId, quantity: 10, outputQuantity: 10 });
    for (const lot of [split, consumed, overtaken]) await expect(lotRow(page, lot.lotId).getByTestId('task-state-awaiting-decision')).toBeVisible();
    await expect(lotRow(page, consumed.lotId).getByTestId('consumed-cell')).toContainText('100');
    await expect(lotRow(page, consumed.lotId).getByTestId('consumed-cell')).toContainText('containment');
    // The second order's goods issue (from the MES stream) has arrived before the floor goes offline.
    await expect
      .poll(async () => {
        await scan(page, first.outputLotId);
        return page.getByTestId('scan-result').textContent();
      })
      .toMatch(new RegExp(`${first.outputLotId} is unrestricted, 30 `));

    // The floor goes offline; the banner says so, above the Quarantine view.
    await app.stopSimulator();
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('offline-banner')).toBeVisible();

    // 1. The scan field is ready for the scanner. Scan the failed lot and split it: 120 to scrap, the
    //    rest back to the vendor.
    await expect(page.getByTestId('lot-scan')).toBeFocused();
    await scan(page, split.lotId);
    const panel = page.getByTestId('disposition-panel');
    await expect(panel.getByRole('heading', { name: split.lotId })).toBeVisible();
    await expect(page.getByTestId('scan-result')).toContainText(`${split.lotId} is on hold`);
    await expect(lotRow(page, split.lotId)).toHaveClass(/ag-row-selected/);
    const balance = panel.getByTestId('postings-balance');
    const submit = panel.getByTestId('disposition-submit');
    // A deviation number that is not one is said so on leaving the field, and stays said while quantities change.
    await panel.getByTestId('posting-use-as-is').fill('10');
    await panel.getByTestId('disposition-deviation').fill('DEV42');
    await panel.getByTestId('disposition-deviation').press('Tab');
    const deviationError = panel.getByText('"DEV42" is not a deviation number');
    await expect(deviationError).toBeVisible();
    await panel.getByTestId('posting-scrap').fill('100');
    await expect(deviationError).toBeVisible();
    await panel.getByTestId('posting-use-as-is').fill('');
    await panel.getByTestId('posting-scrap').fill('120');
    await expect(balance).toHaveText(/Posted 120 of 300 \S+ — 180 \S+ left/);
    await expect(submit).toBeDisabled();
    await expect(panel.getByTestId('submit-blocked-reason')).toContainText('Post the remaining 180');
    await panel.getByTestId('posting-return-to-vendor').fill('200');
    await expect(balance).toHaveText(/Posted 320 of 300 \S+ — 20 \S+ too much/);
    await expect(submit).toBeDisabled();
    await expect(panel.getByTestId('submit-blocked-reason')).toContainText('more than the lot holds');
    await balance.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('floor-over-compact.png') });
    await panel.getByTestId('posting-rest-return-to-vendor').click();
    await expect(panel.getByTestId('posting-return-to-vendor')).toHaveValue('180');
    await expect(balance).toHaveText(/Posted 300 of 300 \S+ — the whole lot/);
    await expect(panel.getByTestId('usage-valuation')).toHaveText('Reject');
    await expect(panel.getByTestId('usage-code')).toContainText('R9');
    await expect(panel.getByTestId('usage-follow-ups')).toContainText('scrap posting');
    await expect(panel.getByTestId('usage-follow-ups')).toContainText('return delivery and supplier complaint');
    await panel.getByTestId('disposition-reason').fill('Porosity on 120; the supplier takes back the rest for sorting');
    await page.screenshot({ path: testInfo.outputPath('floor-split-compact.png') });
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(lotRow(page, split.lotId).getByTestId('task-state-pending-upstream')).toBeVisible();
    await expect(page.getByTestId('offline-banner')).toContainText('1 decision queued');
    // After a decision the scan field has the focus again, empty, for the next lot.
    await expect(page.getByTestId('lot-scan')).toBeFocused();
    await expect(page.getByTestId('lot-scan')).toHaveValue('');

    // 2. Scan the consumed lot: containment lists the order that consumed it and both levels of lots
    //    made from it, each ticked to be blocked with the decision. On the floor tablet: touch density.
    await scan(page, consumed.lotId);
    await expect(panel.getByRole('heading', { name: consumed.lotId })).toBeVisible();
    const containment = panel.getByTestId('containment');
    await expect(containment.getByTestId(`containment-order-${first.productionOrderId}`)).toContainText('100');
    for (const lotId of [first.outputLotId, second.outputLotId]) {
      await expect(containment.getByTestId(`containment-lot-${lotId}`)).toBeVisible();
      await expect(containment.getByTestId(`containment-block-${lotId}`)).toBeChecked();
    }
    await page.getByTestId('density-toggle').click();
    await expect(page.getByTestId('density-toggle')).toHaveAttribute('data-density', 'touch');
    await expect.poll(async () => (await lotRow(page, consumed.lotId).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    expect(await height(page, 'posting-keep-blocked')).toBeGreaterThanOrEqual(44);
    expect(await height(page, 'decision-keep-blocked')).toBeGreaterThanOrEqual(44);
    expect(await height(page, 'disposition-submit')).toBeGreaterThanOrEqual(44);
    expect(await height(page, 'lot-scan')).toBeGreaterThanOrEqual(44);
    await panel.getByTestId('decision-keep-blocked').click();
    await panel.getByTestId('disposition-reason').fill('Hold the rest until the lab re-tests it; block what was made from it');
    await panel.getByTestId('posting-release').evaluate((input) => input.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: testInfo.outputPath('floor-postings-touch.png') });
    await containment.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('floor-containment-touch.png') });
    // README's picture of the floor.
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/quarantine-floor.png') });
    await panel.getByTestId('disposition-submit').click();
    await expect(lotRow(page, consumed.lotId).getByTestId('task-state-pending-upstream')).toBeVisible();
    // The queue holds commands: the usage decision and a block of each lot made from the consumed one.
    await expect(page.getByTestId('offline-banner')).toContainText('4 decisions queued');

    // 3. Scanning a lot that is not on hold, or one nobody heard of, says so.
    await scan(page, first.outputLotId);
    await expect(page.getByTestId('scan-result')).toHaveText(new RegExp(`${first.outputLotId} is unrestricted, 30 \\S+ at P1 — not on hold`));
    await scan(page, 'L-999999');
    await expect(page.getByTestId('scan-result')).toContainText('L-999999 — unknown lot');

    // 4. Offline, release the third lot whole; upstream consumes 120 of it before the decision arrives.
    await scan(page, overtaken.lotId);
    await expect(panel.getByRole('heading', { name: overtaken.lotId })).toBeVisible();
    await panel.getByTestId('decision-release').click();
    await panel.getByTestId('disposition-reason').fill('Re-measured: within drawing tolerance');
    await panel.getByTestId('disposition-submit').click();
    await expect(lotRow(page, overtaken.lotId).getByTestId('task-state-pending-upstream')).toBeVisible();
    await page.getByTestId('density-toggle').click();
    await expect(page.getByTestId('density-toggle')).toHaveAttribute('data-density', 'compact');
    await page.screenshot({ path: testInfo.outputPath('floor-offline-compact.png') });

    await app.restartSimulator();
    await control(gatewayUrl, 'POST', '/control/consume', { lotId: overtaken.lotId, quantity: 120 });
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(lotRow(page, split.lotId).getByTestId('task-state-decided')).toBeVisible();
    await expect(lotRow(page, consumed.lotId).getByTestId('task-state-decided')).toBeVisible();
    await expect(lotRow(page, overtaken.lotId).getByTestId('task-state-conflict')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);

    // 5. The conflict: the refusal beside what changed; the engineer withdraws the decision.
    await page.getByTestId('density-toggle').click();
    await scan(page, overtaken.lotId);
    await expect(panel.getByTestId('conflict-reason')).toContainText('rejected the decision “Release to unrestricted” by qe.floor');
    await expect(panel.getByTestId('conflict-changes')).toContainText(/You saw version \d+, 300 \S+; since then:/);
    await expect(panel.getByTestId('conflict-changes')).toContainText('Consumed');
    await page.screenshot({ path: testInfo.outputPath('floor-conflict-touch.png') });
    await panel.getByTestId('withdraw-decision').click();
    await panel.getByTestId('withdraw-submit').click();
    await expect(panel).toContainText('Give a reason of at least 3 characters.');
    await panel.getByTestId('withdraw-reason').fill('120 went into production meanwhile; the lab re-inspects what is left');
    await panel.getByTestId('withdraw-submit').click();
    await expect(lotRow(page, overtaken.lotId).getByTestId('task-state-withdrawn')).toBeVisible();
    await expect(panel.getByTestId('decision-summary')).toContainText('withdrawn');
    await expect(page.getByTestId('lot-scan')).toBeFocused();
    // Withdrawn, the lot stays on hold: the engineer can open it again to decide on what is left.
    await page.screenshot({ path: testInfo.outputPath('floor-withdrawn.png') });
    await panel.getByTestId('decide-again').click();
    await expect(lotRow(page, overtaken.lotId).getByTestId('task-state-awaiting-decision')).toBeVisible();
    await expect(panel.getByTestId('disposition-submit')).toBeVisible();

    // Keyboard: from a grid cell, arrow down and Enter opens the next lot (the first two rows as shown now).
    await page.getByTestId('density-toggle').click();
    await page.getByTestId('disposition-close').click();
    const rowIdAt = (index: number) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-index="${index}"]`).getAttribute('row-id');
    const [firstShown, secondShown] = [await rowIdAt(0), await rowIdAt(1)];
    expect(firstShown && secondShown).toBeTruthy();
    await lotRow(page, firstShown!).locator('[col-id="lot"]').click();
    await expect(panel.getByRole('heading', { name: firstShown! })).toBeVisible();
    await page.getByTestId('disposition-close').click();
    await expect(panel).toHaveCount(0);
    // Focus the cell as the keyboard would (a click opens the panel, which takes the focus for the scanner).
    await lotRow(page, firstShown!).locator('[col-id="lot"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('heading', { name: secondShown! })).toBeVisible();
    await page.getByTestId('disposition-close').click();
    await page.screenshot({ path: testInfo.outputPath('floor-grid-compact.png') });

    // Upstream holds each accepted decision once, and each block of a lot made from the consumed one.
    const { commands } = await control<{ commands: CommandRecord[] }>(gatewayUrl, 'GET', '/control/commands');
    const dispositionsOf = (lotId: string) => commands.filter((c) => c.type === 'lot.disposition' && c.body.payload.lotId === lotId);
    const acceptedOnce = async (command: CommandRecord | undefined) => {
      expect(command?.status).toBe('accepted');
      const { deliveries } = await control<{ deliveries: DeliveryRecord[] }>(gatewayUrl, 'GET', `/control/deliveries?commandId=${command!.commandId}`);
      expect(deliveries.filter((d) => d.status === 'accepted')).toHaveLength(1);
    };
    const splitDecisions = dispositionsOf(split.lotId);
    expect(splitDecisions).toHaveLength(1);
    expect(splitDecisions[0]!.body.payload).toMatchObject({
      valuation: 'reject',
      code: 'R9',
      postings: [
        { decision: 'scrap', quantity: 120 },
        { decision: 'return-to-vendor', quantity: 180 },
      ],
    });
    await acceptedOnce(splitDecisions[0]);
    const consumedDecisions = dispositionsOf(consumed.lotId);
    expect(consumedDecisions).toHaveLength(1);
    expect(consumedDecisions[0]!.body.payload).toMatchObject({ code: 'R4', postings: [{ decision: 'keep-blocked', quantity: 300 }] });
    await acceptedOnce(consumedDecisions[0]);
    for (const lotId of [first.outputLotId, second.outputLotId]) {
      const blocks = commands.filter((c) => c.type === 'lot.setStatus' && c.body.payload.lotId === lotId);
      expect(blocks, `blocks of ${lotId}`).toHaveLength(1);
      expect(blocks[0]!.body.payload.stockType).toBe('blocked');
      await acceptedOnce(blocks[0]);
    }
    expect(dispositionsOf(overtaken.lotId).map((c) => c.status)).toEqual(['rejected']);
  } finally {
    await app.close();
  }
});
