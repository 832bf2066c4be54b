// A planner answers a stopped line, against `npm run start:web` and the simulator's planning dataset:
// the stoppage's exception lists the production orders it holds up, one of them goes to another line
// that has room, and the rest are rescheduled to the restart. Upstream gets each command once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { Dataset } from '../../shared/dataset';
import { reroutableLines } from '../helpers/reroutable-lines';
import { control } from './app-processes';

const lineStopScreenshotPath = path.resolve(import.meta.dirname, '../../docs/line-stop.png');

interface LineStoppage {
  stoppageId: string;
  plant: string;
  line: string;
  from: string;
  expectedDays: number;
}

interface GatewayCommand {
  commandId: string;
  type: string;
  status: string;
  body: { issuedBy: string; payload: Record<string, unknown> };
}

/** Each stoppage costs the core seconds of analysis (every held-up order against every other line): a few tries at most. */
const maxStoppages = 3;
/** The core projects each held-up order onto every line with room: a stoppage takes it a while. */
const analysisTimeout = 90_000;

/** CSV lines as AG Grid writes them (quoted values, CRLF); no value in this export spans lines. */
const csvLines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '');

/** The held-up orders of the selected stoppage, by their CSV export: the grid renders only the rows in sight. */
async function exportedHeldUpOrders(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-held-up-orders').click()]);
  expect(download.suggestedFilename()).toMatch(/^held-up-orders-.+\.csv$/);
  const [header, ...rows] = csvLines(await readFile(await download.path(), 'utf8'));
  expect(header).toContain('"Order","Item","Quantity (EA)","Planned start","Planned due","Start if it waits","Due if it waits"');
  return rows.map((row) => /^"([^"]+)"/.exec(row)![1]!);
}

/** On the app's page as `user` (a planner): stop a line, reroute one held-up order, reschedule the rest. */
export async function rerouteOneAndRescheduleTheRest(page: Page, gatewayUrl: string, user: string, testInfo: TestInfo): Promise<void> {
  await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('session-info')).toContainText(user);
  await page.getByTestId('nav-order-impact').click();
  const exceptions = page.getByTestId('exceptions-grid');
  await expect(exceptions).toBeVisible();

  const dataset = await control<Dataset>(gatewayUrl, 'GET', '/control/planning-dataset');
  const candidates = reroutableLines(dataset);
  expect(candidates.length, 'no line has an order starting soon that another line could make').toBeGreaterThan(0);

  // Stop lines until one holds up an order another line has room for (capacity decides, not the routing alone).
  const heldUp = page.getByTestId('held-up-orders');
  let stoppage: LineStoppage | undefined;
  let rerouteButton: Locator | undefined;
  for (const [attempt, candidate] of candidates.slice(0, maxStoppages).entries()) {
    const stopped = await control<LineStoppage>(gatewayUrl, 'POST', '/control/line-stopped', { ...candidate, days: 5, reason: 'Spindle drive fault' });
    const row = exceptions.locator('.ag-row', { hasText: stopped.stoppageId });
    await expect(row).toBeVisible({ timeout: analysisTimeout });
    await expect(row.locator('[col-id="type"]')).toHaveText('Line stopped');
    await row.locator('[col-id="item"]').click();
    await expect(page.getByTestId('line-stop-facts')).toContainText(`${stopped.plant}/${stopped.line}`);
    await expect(page.locator('#exception-detail-title')).toHaveText(`Line ${stopped.plant}/${stopped.line} stopped`);
    await expect(heldUp.locator('.ag-row').first()).toBeVisible();
    // Sorted by the best alternate: an order that can move at all is on top.
    const button = heldUp.locator('button[data-testid^="reroute-"]').first();
    if ((await button.count()) > 0) {
      stoppage = stopped;
      rerouteButton = button;
      break;
    }
    await expect(heldUp.locator('[data-testid^="no-alternate-"]').first()).toHaveText('No line with room');
    await page.screenshot({ path: testInfo.outputPath(`line-stop-no-alternate-${attempt + 1}.png`) });
  }
  expect(stoppage, `none of ${maxStoppages} stoppages held up an order another line has room for`).toBeDefined();
  const stopped = stoppage!;
  const detail = page.getByTestId('exception-detail');
  await expect(detail.getByTestId('exception-status-open')).toBeVisible();
  const heldUpCount = Number(await heldUp.getAttribute('data-row-count'));
  expect(heldUpCount).toBeGreaterThan(0);
  await expect(page.getByTestId('held-up-summary')).toContainText(`${heldUpCount.toLocaleString('en-US')} held up`);
  await expect(page.getByTestId('line-stop-facts')).toContainText(`${heldUpCount} production orders`);
  const heldUpIds = await exportedHeldUpOrders(page);
  expect(heldUpIds).toHaveLength(heldUpCount);
  expect(new Set(heldUpIds).size).toBe(heldUpCount);

  // The order on top: its dates if it waits, its best line, and the button that moves it there.
  const orderId = (await rerouteButton!.getAttribute('data-testid'))!.replace(/^reroute-/, '');
  const orderRow = heldUp.locator(`.ag-row[row-id="${orderId}"]`);
  await expect(orderRow.locator('[col-id="waiting"]')).toHaveText(/\(\+\d+ d\)$/);
  await expect(orderRow.getByTestId(`alternate-${orderId}`)).toContainText(/a day left · (still )?[\d,]+ orders? hit/);
  const button = orderRow.getByTestId(`reroute-${orderId}`);
  const bestLine = (await button.innerText()).replace(/^Reroute to /, '');
  expect(bestLine).toMatch(/^P\d+\/L\d+$/);
  // With more than one line that has room, the planner can pick another; the button follows the pick.
  const target = orderRow.getByTestId(`reroute-target-${orderId}`);
  if ((await target.count()) > 0) {
    const lines = await target.locator('option').allInnerTexts();
    expect(lines[0]).toBe(bestLine);
    expect(lines.length).toBeLessThanOrEqual(3);
    await target.selectOption(lines[1]!);
    await expect(button).toHaveText(`Reroute to ${lines[1]}`);
    await target.selectOption(bestLine);
  }
  await expect(button).toHaveText(`Reroute to ${bestLine}`);
  await page.screenshot({ path: testInfo.outputPath('line-stop-held-up.png') });

  // What the reroute leaves hit, as the alternate weighed it: the reschedule is projected again with it.
  const alternateText = await orderRow.getByTestId(`alternate-${orderId}`).innerText();
  const hitWithReroute = /(?:still )?([\d,]+) orders? hit/.exec(alternateText)![1]!;
  await button.click();
  await expect(page.getByTestId('response-projected-reschedule')).toContainText(`→ ${hitWithReroute}`);
  const rerouted = orderRow.getByTestId(`rerouted-${orderId}`);
  // Shown at once; the ERP's answer follows on the row when its reply arrives.
  await expect(rerouted).toHaveText(new RegExp(`^Rerouted to ${bestLine} · (pending upstream|accepted by the ERP)$`));
  await expect(rerouted).toHaveText(`Rerouted to ${bestLine} · accepted by the ERP`);
  await expect(orderRow.getByTestId(`reroute-${orderId}`)).toHaveCount(0);
  await expect(page.getByTestId('line-stop-facts')).toContainText('1 rerouted');
  await expect(page.getByTestId('held-up-summary')).toContainText('1 rerouted');
  // The detail reloaded after the core's push says so too: the row survives a fresh selection.
  await page.getByTestId('exception-detail-close').click();
  await exceptions.locator('.ag-row', { hasText: stopped.stoppageId }).locator('[col-id="item"]').click();
  await expect(heldUp.getByTestId(`rerouted-${orderId}`)).toBeVisible();
  // README's picture of a line stop: the held-up orders with their alternates weighed.
  await page.screenshot({ path: lineStopScreenshotPath });

  // Reschedule the rest: one command per held-up order still on the stopped line.
  const reschedule = page.getByTestId('response-card-reschedule');
  await expect(reschedule).toContainText(`Sends ${(heldUpCount - 1).toLocaleString('en-US')} command${heldUpCount - 1 === 1 ? '' : 's'} upstream`);
  await expect(page.getByTestId('response-card-accept-delay')).toContainText('Sends nothing upstream');
  await reschedule.scrollIntoViewIfNeeded();
  await page.getByTestId('response-note').fill('Spindle drive due back Thursday');
  await page.getByTestId('apply-response-reschedule').click();
  // Many commands in one click: the card says how many and asks first.
  const others0 = heldUpCount - 1;
  if (others0 > 1) {
    await expect(page.getByTestId('response-confirm-reschedule')).toContainText(`It sends ${others0.toLocaleString('en-US')} commands to the ERP`);
    await page.getByTestId('confirm-response-reschedule').click();
  }
  // Rescheduled orders wait for the line: answered, not resolved, while orders are still late; the note is kept.
  await expect(detail.getByTestId(/exception-status-(answered|resolved)/)).toBeVisible();
  await expect(page.getByTestId('response-choice')).toContainText(`by ${user}`);
  await expect(page.getByTestId('response-choice')).toContainText('“Spindle drive due back Thursday”');
  await expect(reschedule.locator('.response-pill--chosen')).toHaveText('Chosen');
  // Closed: nothing more can be rerouted.
  const otherButton = heldUp.locator('button[data-testid^="reroute-"]').first();
  if ((await otherButton.count()) > 0) await expect(otherButton).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('line-stop-rescheduled.png') });

  // Upstream: the reroute once (and the stock transfer bringing the output back from another plant),
  // and one reschedule for every other held-up order, each once.
  const others = heldUpIds.filter((id) => id !== orderId).sort();
  const commandsOf = async () => (await control<{ commands: GatewayCommand[] }>(gatewayUrl, 'GET', '/control/commands')).commands;
  await expect
    .poll(async () => (await commandsOf()).filter((c) => c.type === 'production.reschedule' && c.status === 'accepted').length, { timeout: 60_000 })
    .toBe(others.length);
  const commands = await commandsOf();
  const reroutes = commands.filter((c) => c.type === 'production.reroute');
  expect(reroutes).toHaveLength(1);
  const [toPlant, toLine] = bestLine.split('/');
  expect(reroutes[0]).toMatchObject({ status: 'accepted', body: { issuedBy: user, payload: { productionOrderId: orderId, toPlant, toLine } } });
  const transfers = commands.filter((c) => c.type === 'transfer.request' && String(c.body.payload['reason']).includes(stopped.stoppageId));
  if (toPlant === stopped.plant) {
    expect(transfers).toHaveLength(0);
  } else {
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ status: 'accepted', body: { payload: { fromPlant: toPlant, toPlant: stopped.plant } } });
    expect(String(transfers[0]!.body.payload['reason'])).toContain(orderId);
  }
  const reschedules = commands.filter((c) => c.type === 'production.reschedule');
  expect(reschedules.every((c) => c.status === 'accepted')).toBe(true);
  expect(reschedules.map((c) => String(c.body.payload['productionOrderId'])).sort()).toEqual(others);
}
