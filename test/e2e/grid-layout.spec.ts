// The grids as a planner and a supervisor see them at 1440 × 900 and 1600 × 950, in Debian's Chromium
// against `npm run start:web` and a simulator: words and ids readable whole, rows in sight, sorting and
// filtering that work on numbers, and the window's touch mode kept through a reload. Screenshots of
// each view and size land in the test's output folder.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import WebSocket from 'ws';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { control, startAppWithSimulator } from './app-processes';
import { passwordOf } from './e2e-users';
import { signIn } from './sign-in-steps';

const sizes = [
  { width: 1440, height: 900 },
  { width: 1600, height: 950 },
] as const;

/** The worker solves the whole planning dataset once the ERP's snapshot is in. */
const proposalsTimeoutMs = 90_000;

const headerCell = (grid: Locator, colId: string) => grid.locator(`.ag-header-cell[role=columnheader][col-id="${colId}"]`);
/** "1,320 EA" → 1320 */
const numberIn = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

/** Whether an element shows all of its text: nothing cut by an ellipsis or its cell's edge. */
async function shownWhole(element: Locator): Promise<{ whole: boolean; text: string }> {
  return element.evaluate((el) => {
    const cell = el.closest('.ag-cell') ?? el.parentElement!;
    const [box, cellBox] = [el.getBoundingClientRect(), cell.getBoundingClientRect()];
    const inside = box.left >= cellBox.left - 0.5 && box.right <= cellBox.right + 0.5 && box.top >= cellBox.top - 0.5 && box.bottom <= cellBox.bottom + 0.5;
    return { whole: el.scrollWidth <= el.clientWidth + 0.5 && el.scrollHeight <= el.clientHeight + 0.5 && inside, text: el.textContent ?? '' };
  });
}

/** Rows of a grid whose whole height is in sight, between its header and its bottom edge. */
async function rowsInSight(grid: Locator): Promise<number> {
  return grid.evaluate((el) => {
    const root = el.querySelector('.ag-root')!.getBoundingClientRect();
    const header = el.querySelector('.ag-header')!.getBoundingClientRect();
    return Array.from(el.querySelectorAll('.ag-row')).filter((row) => {
      const box = row.getBoundingClientRect();
      return box.height > 0 && box.top >= header.bottom - 0.5 && box.bottom <= root.bottom + 0.5;
    }).length;
  });
}

/** A quality engineer's workstation, through its web host's API (as its renderer would call it). */
async function asWorkstation<T>(url: string, method: string, args: unknown): Promise<T> {
  const page = new URL(url);
  const socket = new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token')}`, { headers: { origin: page.origin } });
  try {
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const result = await new Promise<{ ok: boolean; value?: T; error?: { message: string } }>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { kind: string; id: number; result: { ok: boolean; value?: T } };
        if (message.kind === 'result' && message.id === 1) resolve(message.result);
      });
      socket.send(JSON.stringify({ kind: 'invoke', id: 1, method, args }));
    });
    if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? 'refused'}`);
    return result.value as T;
  } finally {
    socket.close();
  }
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

test('a planner’s and a supervisor’s grids: whole words and ids, rows in sight, numeric sorting, touch mode through a reload', async ({ browser }, testInfo) => {
  const app = await startAppWithSimulator('pl.grids', 'planner');
  const planner = await browser.newContext();
  const supervisorContext = await browser.newContext();
  try {
    const page = await planner.newPage();
    await page.goto(app.url);
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');

    await test.step('touch mode survives a reload of its window, and only that window', async () => {
      // The toggle is in the Quarantine view's toolbar; a planner starts on Order impact.
      await page.getByTestId('nav-quarantine').click();
      const toggle = page.getByTestId('density-toggle');
      await expect(toggle).toHaveAttribute('data-density', 'compact');
      await toggle.click();
      await expect(toggle).toHaveAttribute('data-density', 'touch');
      await page.reload();
      await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
      await page.getByTestId('nav-quarantine').click();
      await expect.soft(page.getByTestId('density-toggle')).toHaveAttribute('data-density', 'touch');
      await expect.soft(page.locator('.app-shell')).toHaveClass(/density--touch/);
      // Another window of the same browser starts from the settings.
      const other = await planner.newPage();
      await other.goto(app.url);
      await other.getByTestId('nav-quarantine').click();
      await expect.soft(other.getByTestId('density-toggle')).toHaveAttribute('data-density', 'compact');
      await other.close();
      if ((await page.getByTestId('density-toggle').getAttribute('data-density')) === 'touch') await page.getByTestId('density-toggle').click();
      await expect(page.getByTestId('density-toggle')).toHaveAttribute('data-density', 'compact');
    });

    await test.step('rebalancing: accepted proposals above the open ones, every status whole, numbers sorted as numbers', async () => {
      await page.getByTestId('nav-rebalancing').click();
      const grid = page.getByTestId('rebalancing-grid');
      const proposed = grid.locator('.ag-row', { has: page.getByTestId('proposal-status-proposed') });
      await expect(proposed.nth(3)).toBeVisible({ timeout: proposalsTimeoutMs });
      // One proposal under the approval threshold (10,000: it goes upstream) and one above (a supervisor approves it first).
      const accepted: string[] = [];
      for (const wantsApproval of [false, true]) {
        for (let n = 0; n < 40; n++) {
          const row = proposed.nth(n);
          const value = numberIn(await row.locator('[col-id="revenueProtected"]').innerText());
          if (value > 10_000 === wantsApproval) {
            accepted.push((await row.getAttribute('row-id'))!);
            await row.getByTestId('accept-proposal').click();
            break;
          }
        }
      }
      expect(accepted).toHaveLength(2);
      const awaiting = grid.locator(`.ag-row[row-id="${accepted[1]}"]`).getByTestId('proposal-status-awaiting-approval');
      await expect(awaiting).toBeVisible();
      // The list's own order, by status: what the planner accepted first.
      const topRowIds = async () => (await Promise.all([0, 1].map((index) => grid.locator(`.ag-row[row-index="${index}"]`).getAttribute('row-id')))).sort();
      await expect.poll(topRowIds).toEqual([...accepted].sort());
      for (const size of sizes) {
        await page.setViewportSize(size);
        const pill = await shownWhole(awaiting);
        expect.soft(pill, `"Awaiting approval" whole at ${size.width} px`).toEqual({ whole: true, text: 'Awaiting approval' });
        await shoot(page, testInfo, `rebalancing-${size.width}`);
      }

      // Quantities sort as numbers (9 before 10 before 100), both ways.
      // In row order: the grid draws its rows in any order and places them.
      const quantities = async () =>
        (await grid.evaluate((el) => Array.from(el.querySelectorAll('.ag-row')).map((row) => [Number(row.getAttribute('row-index')), row.querySelector('[col-id="quantity"]')?.textContent ?? ''] as const)))
          .sort(([a], [b]) => a - b)
          .map(([, text]) => numberIn(text));
      const quantityHeader = headerCell(grid, 'quantity');
      await quantityHeader.locator('.ag-header-cell-label').click();
      await expect(quantityHeader).toHaveAttribute('aria-sort', 'ascending');
      const ascending = await quantities();
      expect(ascending.length).toBeGreaterThan(5);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      await quantityHeader.locator('.ag-header-cell-label').click();
      await expect(quantityHeader).toHaveAttribute('aria-sort', 'descending');
      const descending = await quantities();
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      expect(descending[0]).toBeGreaterThan(ascending[0]!);

      // The search and the status's floating filter find the proposal by the word shown.
      await page.getByTestId('proposals-search').fill('awaiting approval');
      await expect(grid.locator('.ag-row')).toHaveCount(1);
      await page.getByTestId('proposals-search').fill('');
      const statusFilter = grid.locator('.ag-floating-filter[col-id="status"] input');
      await statusFilter.fill('awaiting');
      await expect(grid.locator('.ag-row')).toHaveCount(1);
      await statusFilter.fill('');
      await expect(grid.locator('.ag-row').nth(5)).toBeVisible();
    });

    await test.step('order impact: the exceptions keep six rows in sight while a detail is open, and the detail scrolls', async () => {
      await page.setViewportSize(sizes[0]);
      await page.getByTestId('nav-order-impact').click();
      const exceptions = page.getByTestId('exceptions-grid');
      for (let n = 0; n < 8; n++) await control(app.gatewayUrl, 'POST', '/control/supplier-delay', { days: 45 });
      await expect(exceptions.locator('.ag-row').nth(7)).toBeVisible();
      // The delays' exceptions (and the seeded lot blocks') have all arrived once the count stops changing.
      let lastCount = -1;
      await expect
        .poll(
          async () => {
            const count = await exceptions.locator('.ag-row').count();
            const settled = count === lastCount;
            lastCount = count;
            return settled;
          },
          { intervals: [1_000], timeout: 30_000 },
        )
        .toBe(true);
      // A number filter, from the header's button: at least as many orders hit as the middle exception.
      const ordersHit = async () => (await exceptions.locator('.ag-row [col-id="ordersHit"]').allInnerTexts()).map(numberIn);
      const all = await ordersHit();
      // A middle value above the smallest, so the filter leaves some rows out.
      const distinct = [...new Set(all)].sort((a, b) => a - b);
      expect(distinct.length).toBeGreaterThan(1);
      const atLeast = distinct[Math.ceil(distinct.length / 2)] ?? distinct.at(-1)!;
      await headerCell(exceptions, 'ordersHit').locator('.ag-header-cell-filter-button').click();
      await page.locator('.ag-filter .ag-filter-body input').first().fill(String(atLeast));
      // Every row left has at least that many (the grid draws only the rows near its viewport: compare those).
      await expect.poll(async () => (await ordersHit()).every((n) => n >= atLeast)).toBe(true);
      expect((await ordersHit()).length).toBeGreaterThan(0);
      await page.locator('.ag-filter').getByRole('button', { name: 'Reset' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => exceptions.locator('.ag-row').count()).toBeGreaterThanOrEqual(all.length);
      // The delay that puts the most revenue at risk: the grid's first row (open first, then by revenue).
      await expect(exceptions.locator('.ag-row[row-index="0"]').getByTestId('exception-status-open')).toBeVisible();
      await exceptions.locator('.ag-row[row-index="0"] [col-id="plant"]').click();
      const detail = page.getByTestId('exception-detail');
      await expect(page.getByTestId('impacted-customer-orders').locator('.ag-row').first()).toBeVisible();
      for (const size of sizes) {
        await page.setViewportSize(size);
        await expect.poll(() => rowsInSight(exceptions), { message: `exception rows in sight at ${size.width} × ${size.height}` }).toBeGreaterThanOrEqual(6);
        await shoot(page, testInfo, `order-impact-detail-${size.width}`);
        // The detail has more than its room: it scrolls on its own, down to the production orders.
        const scrolls = await detail.evaluate((el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY === 'auto');
        expect.soft(scrolls, `the detail scrolls at ${size.width} × ${size.height}`).toBe(true);
        await detail.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        await expect(page.getByTestId('impacted-production-orders')).toBeInViewport();
        await shoot(page, testInfo, `order-impact-detail-scrolled-${size.width}`);
        await detail.evaluate((el) => el.scrollTo({ top: 0 }));
      }
    });

    await test.step('approvals: a supervisor reads every id whole', async () => {
      // A quality engineer on a third workstation uses a failed lot as is, under a deviation: a supervisor approves it.
      const engineer = await app.addWorkstation('qe.grids', 'quality-engineer');
      // Signed in without a window, as the sign-in screen would.
      await expect.poll(async () => (await asWorkstation<{ state: string }[]>(engineer.url, 'connectors.status', {})).every((c) => c.state === 'online'), { timeout: 60_000 }).toBe(true);
      await asWorkstation(engineer.url, 'session.signIn', { user: engineer.user, password: passwordOf(engineer.user) });
      await control(app.gatewayUrl, 'POST', '/control/inspection-failure', {});
      let held: QuarantineRow | undefined;
      await expect
        .poll(async () => (held = (await asWorkstation<QuarantineRow[]>(engineer.url, 'quarantine.list', {})).find((row) => row.taskState === 'awaiting-decision')), { timeout: 30_000 })
        .toBeDefined();
      await asWorkstation(engineer.url, 'quarantine.disposition', {
        taskId: held!.taskId,
        postings: [{ decision: 'use-as-is', quantity: held!.quantity }],
        reason: 'Bore 0.02 mm over; within the customer’s drawing tolerance',
        deviationNumber: 'DEV-20260042',
      });

      const supervisorApp = await app.addWorkstation('sv.grids', 'supervisor');
      const supervisor = await supervisorContext.newPage();
      await supervisor.goto(supervisorApp.url);
      await signIn(supervisor, supervisorApp.user);
      await supervisor.getByTestId('nav-approvals').click();
      const grid = supervisor.getByTestId('approvals-grid');
      const useAsIs = grid.locator('.ag-row', { hasText: held!.lotId });
      const transfer = grid.locator('.ag-row', { hasText: 'pl.grids' });
      await expect(useAsIs).toBeVisible({ timeout: 30_000 });
      await expect(transfer).toBeVisible({ timeout: 30_000 });
      for (const size of sizes) {
        await supervisor.setViewportSize(size);
        await shoot(supervisor, testInfo, `approvals-${size.width}`);
        for (const row of [useAsIs, transfer]) {
          for (const colId of ['kind', 'fromItem', 'toItem', 'requestedBy']) {
            const primary = row.locator(`[col-id="${colId}"] .two-line-cell__primary`);
            const shown = await shownWhole(primary);
            expect.soft(shown.whole, `${colId} "${shown.text}" whole at ${size.width} px`).toBe(true);
          }
        }
        // The ids themselves are in those lines, not only in a tooltip.
        await expect.soft(useAsIs.locator('[col-id="fromItem"] .two-line-cell__primary')).toContainText(held!.lotId);
        await expect.soft(useAsIs.locator('[col-id="toItem"] .two-line-cell__primary')).toContainText('DEV-20260042');
      }
    });
  } finally {
    await planner.close();
    await supervisorContext.close();
    await app.close();
  }
});
