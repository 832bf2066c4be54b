// A planner sees which customer and production orders a supplier delay makes later, against
// `npm run start:web` and the simulator's planning dataset, and exports the customer orders as CSV.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface SupplierDelay {
  poLineId: string;
  previousDate: string;
  newDate: string;
}

const screenshotPath = path.resolve(import.meta.dirname, '../../docs/order-impact.png');
/** A random PO line's delay may hit no order at all; this many tries make a miss on every one unlikely. */
const maxDelays = 6;

/** "220,886" → 220886 */
const amount = async (cell: Locator) => Number((await cell.innerText()).replace(/[^\d.-]/g, ''));

/** CSV lines as AG Grid writes them (quoted values, CRLF); no value in these exports spans lines. */
const csvLines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== '');

test('a planner finds the customer orders a supplier delay makes later and exports them', async ({ page }) => {
  const app = await startAppWithSimulator('pl.omar', 'planner');
  const { gatewayUrl } = app;
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('session-info')).toContainText('pl.omar');

    await page.getByTestId('nav-order-impact').click();
    const exceptions = page.getByTestId('exceptions-grid');
    const summary = page.getByTestId('impact-summary');
    await expect(exceptions).toBeVisible();
    // One world: the seeded deliveries that failed inspection are lots the plan counted on, already
    // listed as lot blocks with the orders they make later.
    await expect(exceptions.locator('.ag-row', { hasText: 'Lot blocked' }).first()).toBeVisible();
    await expect(summary).toContainText(/[1-9]\d* open exceptions? · EUR [\d,]+ revenue at risk/);
    // The seeded lot blocks arrive and are weighed over a few seconds on a busy machine: the figures
    // to compare with are those once the list and its summary stay the same across the reweigher's
    // debounce (2 s).
    const allRows = exceptions.locator('.ag-row');
    let seen = '';
    await expect
      .poll(
        async () => {
          const now = `${await allRows.count()} ${await summary.innerText()}`;
          const settled = now === seen;
          seen = now;
          return settled;
        },
        { intervals: [2500], timeout: 60_000 },
      )
      .toBe(true);
    const revenueBefore = await amount(page.getByTestId('impact-summary-revenue'));

    // Delay random PO lines until one makes customer orders later (a line may feed nothing soon enough).
    let delay: SupplierDelay | undefined;
    let hitRow: Locator | undefined;
    // Counted among the supplier delays only: the seeded lot blocks may still be arriving while the
    // plan is weighed against them on a busy machine.
    const delayRows = exceptions.locator('.ag-row', { hasText: 'Supplier delay' });
    for (let attempt = 1; attempt <= maxDelays && !hitRow; attempt++) {
      // Few enough rows that the grid renders them all; the same line can be drawn twice.
      const before = await delayRows.count();
      const next = await control<SupplierDelay>(gatewayUrl, 'POST', '/control/supplier-delay', { days: 45 });
      await expect(delayRows).toHaveCount(before + 1);
      for (const row of await exceptions.locator('.ag-row', { hasText: next.poLineId }).all()) {
        if ((await amount(row.locator('[col-id="revenueAtRisk"]'))) > 0) {
          delay = next;
          // By its id: a position in the list moves when the grid re-sorts.
          hitRow = exceptions.locator(`.ag-row[row-id="${await row.getAttribute('row-id')}"]`);
        }
      }
    }
    expect(hitRow, `none of ${maxDelays} delays of 45 days made a customer order later`).toBeDefined();
    const row = hitRow!;
    const poLineId = delay!.poLineId;
    await expect(row.getByTestId('exception-status-open')).toBeVisible();
    expect(await amount(row.locator('[col-id="ordersHit"]'))).toBeGreaterThan(0);
    await expect(row.locator('[col-id="worstLateness"]')).toContainText(/\+\d+ d|unfulfilled/);

    // The summary counts open exceptions and their revenue at risk: this one's is added to what was there.
    const revenueAtRisk = await row.locator('[col-id="revenueAtRisk"]').innerText();
    await expect.poll(async () => amount(page.getByTestId('impact-summary-revenue'))).toBe(revenueBefore + (await amount(row.locator('[col-id="revenueAtRisk"]'))));
    await expect(page.getByTestId('impact-summary-open')).not.toHaveText('0 open exceptions');

    // Search narrows the list to the delayed line's exceptions; clearing it brings the rest back.
    const total = await allRows.count();
    const forLine = await exceptions.locator('.ag-row', { hasText: poLineId }).count();
    await page.getByTestId('exceptions-search').fill('PO-none-such');
    await expect(allRows).toHaveCount(0);
    await page.getByTestId('exceptions-search').fill(poLineId);
    await expect(allRows).toHaveCount(forLine);
    if (forLine < total) await expect(exceptions.locator('.ag-row', { hasNotText: poLineId })).toHaveCount(0);
    await page.getByTestId('exceptions-search').fill('');
    await expect(allRows).toHaveCount(total);

    // Select it: the delay's facts and the orders it makes later.
    await row.locator('[col-id="item"]').click();
    const detail = page.getByTestId('exception-detail');
    await expect(detail).toContainText(poLineId);
    await expect(detail).toContainText('(+45 d)');
    const customerOrders = page.getByTestId('impacted-customer-orders');
    const customerRows = customerOrders.locator('.ag-row');
    await expect(customerRows.first()).toBeVisible();
    const rowCount = Number(await customerOrders.getAttribute('data-row-count'));
    expect(rowCount).toBeGreaterThan(0);
    await expect(customerOrders).toContainText(`${revenueAtRisk} at risk`);
    const firstRevenue = customerRows.first().locator('[col-id="revenueAtRisk"]');
    expect(await amount(firstRevenue)).toBeGreaterThan(0);
    await expect(customerRows.first().locator('[col-id="daysLate"]')).toHaveText(/^\+\d+ d$|^unfulfilled$/);
    await expect(page.getByTestId('impacted-production-orders')).toBeVisible();
    await page.screenshot({ path: screenshotPath });

    // Export the customer orders: a header line, then one line per order.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-customer-orders').click()]);
    expect(download.suggestedFilename()).toMatch(/^customer-orders-later-.+\.csv$/);
    const lines = csvLines(await readFile(await download.path(), 'utf8'));
    // Money in the company currency, named in the header.
    expect(lines[0]).toContain('"Revenue at risk (EUR)"');
    expect(lines[0]).toContain('"Days late"');
    expect(lines).toHaveLength(rowCount + 1);
    const shownIds = await customerRows.locator('[col-id="id"]').allInnerTexts();
    for (const id of shownIds) expect(lines.some((line) => line.startsWith(`"${id}",`))).toBe(true);
    // Numbers a spreadsheet computes with: days late and money plain, dates ISO.
    const cells = (line: string) => line.slice(1, -1).split('","');
    const header = cells(lines[0]!);
    for (const line of lines.slice(1)) {
      const row = Object.fromEntries(cells(line).map((value, n) => [header[n], value]));
      expect(row['Days late']).toMatch(/^(\d+)?$/);
      expect(row['Revenue at risk (EUR)']).toMatch(/^\d+(\.\d+)?$/);
      expect(row['Ship date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row['Unfulfilled']).toMatch(/^(yes|no)$/);
    }

    // The exceptions' export: the worst lateness in days as a number, the detection time in UTC.
    const [exceptionsDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-exceptions').click()]);
    const exceptionLines = csvLines(await readFile(await exceptionsDownload.path(), 'utf8'));
    const exceptionHeader = cells(exceptionLines[0]!);
    expect(exceptionHeader).toEqual(expect.arrayContaining(['Worst lateness (days)', 'Revenue at risk (EUR)', 'Detected (UTC)', 'Unfulfilled orders']));
    const exported = exceptionLines.slice(1).map((line) => Object.fromEntries(cells(line).map((value, n) => [exceptionHeader[n], value])));
    for (const row of exported) {
      expect(row['Worst lateness (days)']).toMatch(/^(\d+)?$/);
      expect(row['Revenue at risk (EUR)']).toMatch(/^\d+(\.\d+)?$/);
      expect(row['Detected (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    const forLineExported = exported.filter((row) => row['Source document']!.startsWith(poLineId));
    expect(forLineExported.some((row) => Math.round(Number(row['Revenue at risk (EUR)'])) === Number(revenueAtRisk.replace(/[^\d.-]/g, '')))).toBe(true);
  } finally {
    await app.close();
  }
});
