// A planner accepts two of the optimizer's transfers between plants, against `npm run start:web` and the
// simulator's planning dataset: each goes upstream once as a transfer.request, both show in transit,
// and the one the destination receives shows received while the other stays on its way.
import path from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { control } from './app-processes';

interface GatewayCommand {
  commandId: string;
  type: string;
  status: string;
  body: { issuedBy: string; payload: { transferId: string; itemId: string; fromPlant: string; toPlant: string; quantity: number } };
}

const screenshotPath = path.resolve(import.meta.dirname, '../../docs/rebalancing.png');
/** The worker solves the whole planning dataset once the ERP's snapshot is in. */
const proposalsTimeoutMs = 90_000;

// AG Grid 36 renders each row once (pinned cells included), with no .ag-center-cols-container.
const proposalRow = (page: Page, proposalId: string) => page.locator(`[data-testid=rebalancing-grid] .ag-row[row-id="${proposalId}"]`);
const cellText = async (row: Locator, colId: string) => (await row.locator(`[col-id="${colId}"]`).innerText()).trim();
/** The item column shows the id over the description. */
const itemIdOf = async (row: Locator) => (await row.locator('[col-id="itemId"] .two-line-cell__primary').innerText()).trim();

/** The stock transport orders rebalancing sent (a reroute's transfer back is named otherwise). */
const transferRequests = async (gatewayUrl: string) =>
  (await control<{ commands: GatewayCommand[] }>(gatewayUrl, 'GET', '/control/commands')).commands.filter((c) => c.type === 'transfer.request' && c.body.payload.transferId.startsWith('RB-'));

/** On the app's page as `user` (a planner): accept two proposals, follow them in transit and one to its receipt. */
export async function acceptTwoAndTrackToReceipt(page: Page, gatewayUrl: string, user: string, testInfo: TestInfo): Promise<void> {
  await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('session-info')).toContainText(user);

  await page.getByTestId('nav-rebalancing').click();
  const grid = page.getByTestId('rebalancing-grid');
  await expect(grid).toBeVisible();

  // The proposals arrive once the worker has solved the plan.
  const waitStarted = Date.now();
  const proposed = grid.locator('.ag-row', { has: page.getByTestId('proposal-status-proposed') });
  await expect(proposed.nth(1)).toBeVisible({ timeout: proposalsTimeoutMs });
  await expect(page.getByTestId('rebalancing-status')).toContainText(/Solved in \d+ ms/);
  testInfo.annotations.push({ type: 'proposals-after-ms', description: String(Date.now() - waitStarted) });
  await expect(page.getByTestId('rebalancing-summary')).toContainText(/\d+ proposals? · cost EUR [\d,]+/);
  await page.screenshot({ path: testInfo.outputPath('rebalancing-proposed.png') });

  // Two open proposals worth at most the approval threshold (settings, 10,000 by default: above it a
  // supervisor approves first), held by their ids: the grid re-sorts by status as they move on.
  await grid.locator('.ag-header-cell[role=columnheader][col-id="revenueProtected"] .ag-header-cell-label').click();
  for (const n of [0, 1]) expect(Number((await proposed.nth(n).locator('[col-id="revenueProtected"]').innerText()).replace(/[^\d.-]/g, ''))).toBeLessThanOrEqual(10_000);
  const ids = [await proposed.nth(0).getAttribute('row-id'), await proposed.nth(1).getAttribute('row-id')];
  expect(ids.every((id) => id !== null)).toBe(true);
  const [firstId, secondId] = ids as [string, string];
  const first = proposalRow(page, firstId);
  const second = proposalRow(page, secondId);
  const lanes = new Map<string, { itemId: string; fromPlant: string; toPlant: string }>();
  for (const [id, row] of [
    [firstId, first],
    [secondId, second],
  ] as const) {
    lanes.set(id, { itemId: await itemIdOf(row), fromPlant: await cellText(row, 'fromPlant'), toPlant: await cellText(row, 'toPlant') });
    // Readable values: quantities with their unit, money and dates formatted.
    await expect(row.locator('[col-id="quantity"]')).toHaveText(/^[\d,]+(\.\d+)? \S+$/);
    await expect(row.locator('[col-id="cost"]')).toHaveText(/^EUR -?[\d,]+$/);
    await expect(row.locator('[col-id="arrivalDate"]')).toHaveText(/^\d{2} [A-Z][a-z]{2}( \d{4})?$/);
    await expect(row.getByTestId('accept-proposal')).toBeVisible();
  }

  // Select both and accept them together.
  await first.locator('.ag-selection-checkbox input[type=checkbox]').check();
  await second.locator('.ag-selection-checkbox input[type=checkbox]').check();
  const acceptSelected = page.getByTestId('accept-selected');
  await expect(acceptSelected).toHaveText('Accept selected (2)');
  await acceptSelected.click();

  // Upstream: exactly two transfer requests, accepted, one per proposal.
  await expect.poll(async () => (await transferRequests(gatewayUrl)).filter((c) => c.status === 'accepted').length).toBe(2);
  const requests = await transferRequests(gatewayUrl);
  expect(requests).toHaveLength(2);
  const transferIdOf = new Map<string, string>();
  for (const id of [firstId, secondId]) {
    const lane = lanes.get(id)!;
    const matching = requests.filter((c) => c.body.payload.itemId === lane.itemId && c.body.payload.fromPlant === lane.fromPlant && c.body.payload.toPlant === lane.toPlant);
    expect(matching, `transfer.request for ${id}`).toHaveLength(1);
    expect(matching[0]).toMatchObject({ status: 'accepted', body: { issuedBy: user } });
    transferIdOf.set(id, matching[0]!.body.payload.transferId);
  }
  expect(new Set(transferIdOf.values()).size).toBe(2);

  // Back to the list's own order, by status: what is on its way sits above the open proposals.
  const statusHeader = grid.locator('.ag-header-cell[role=columnheader][col-id="status"]');
  for (let clicks = 0; clicks < 3 && (await statusHeader.getAttribute('aria-sort')) !== 'ascending'; clicks++) await statusHeader.locator('.ag-header-cell-label').click();
  await expect(statusHeader).toHaveAttribute('aria-sort', 'ascending');
  const topRowIds = async () => (await Promise.all([0, 1].map((index) => grid.locator(`.ag-row[row-index="${index}"]`).getAttribute('row-id')))).sort();
  await expect.poll(topRowIds).toEqual([firstId, secondId].sort());

  // Both rows show in transit, naming their transfer.
  for (const [id, row] of [
    [firstId, first],
    [secondId, second],
  ] as const) {
    const pill = row.getByTestId('proposal-status-in-transit');
    await expect(pill).toBeVisible();
    await expect(pill).toHaveText('In transit');
    await expect(pill).toHaveAttribute('title', `Transfer ${transferIdOf.get(id)!}`);
    await expect(row.getByTestId('accept-proposal')).toHaveCount(0);
  }
  await expect(page.getByTestId('rebalancing-summary')).toContainText('2 on the way');
  await page.screenshot({ path: testInfo.outputPath('rebalancing-in-transit.png') });
  await page.screenshot({ path: screenshotPath });

  // The destination receives the first transfer: received; the second stays on its way.
  await control(gatewayUrl, 'POST', '/control/transfer-received', { transferId: transferIdOf.get(firstId)! });
  await expect(second.getByTestId('proposal-status-in-transit')).toBeVisible();
  // A received transfer is done with: it sorts below the open proposals, and the search finds it.
  await page.getByTestId('proposals-search').fill(lanes.get(firstId)!.itemId);
  await expect(first.getByTestId('proposal-status-received')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('rebalancing-received-found.png') });
  await page.getByTestId('proposals-search').fill('');
  await expect(page.getByTestId('rebalancing-summary')).toContainText('1 on the way');
  // Still nothing more upstream.
  expect(await transferRequests(gatewayUrl)).toHaveLength(2);
  await expect(second.getByTestId('proposal-status-in-transit')).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath('rebalancing-received.png') });
}
