// A quality engineer dispositions failed lots online and offline, against `npm run start:web` and the simulator.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface CommandRecord {
  commandId: string;
  type: string;
  status: 'accepted' | 'rejected';
  body: { payload: { lotId: string; valuation?: string; code?: string; postings?: { decision: string; quantity: number }[] } };
}
interface DeliveryRecord {
  commandId: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
}

const screenshotPath = path.resolve(import.meta.dirname, '../../docs/quarantine.png');

// AG Grid 36 renders each row once (pinned cells included), with no .ag-center-cols-container.
const lotRow = (page: Page, lotId: string) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-id="${lotId}"]`);

test('a quality engineer scraps a lot online, returns one to the vendor offline, and the queue drains once', async ({ page }) => {
  const app = await startAppWithSimulator('qe.maria');
  const { gatewayUrl } = app;
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('connector-status-plant-P1')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('session-info')).toContainText('qe.maria');
    // Ctrl+F is the view's search field, not the browser's find; Ctrl+<n> opens the n-th view.
    await page.locator('body').click();
    await page.keyboard.press('Control+f');
    await expect(page.getByTestId('quarantine-search')).toBeFocused();
    await page.keyboard.press('Control+6');
    await expect(page.getByTestId('nav-approvals')).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Control+4');
    await expect(page.getByTestId('nav-quarantine')).toHaveAttribute('aria-current', 'page');

    // An incoming inspection fails upstream: the lot appears on hold, blocked.
    const first = await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 240 });
    const second = await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 80 });
    const firstRow = lotRow(page, first.lotId);
    await expect(firstRow).toBeVisible();
    await expect(firstRow.getByTestId('task-state-awaiting-decision')).toBeVisible();
    await expect(firstRow).toContainText('Blocked');

    // Scrap it; the gateway's first reply to it is lost (only a usage decision's: the escalations of
    // seeded lots past their SLA may go up meanwhile).
    await control(gatewayUrl, 'POST', '/control/drop-replies', { count: 1, type: 'lot.disposition' });
    await firstRow.click();
    const panel = page.getByTestId('disposition-panel');
    await expect(panel).toContainText(first.lotId);

    // A decision half typed stays with its lot while the engineer looks at another, and comes back.
    const pending = lotRow(page, second.lotId);
    await pending.click();
    await expect(panel).toContainText(second.lotId);
    await panel.getByTestId('posting-scrap').fill('30');
    await panel.getByTestId('disposition-reason').fill('half typed');
    await firstRow.click();
    await expect(panel).toContainText(first.lotId);
    await expect(panel.getByTestId('posting-scrap')).toHaveValue('');
    await pending.click();
    await expect(panel.getByTestId('posting-scrap')).toHaveValue('30');
    await expect(panel.getByTestId('disposition-reason')).toHaveValue('half typed');
    await panel.getByTestId('posting-scrap').fill('');
    await panel.getByTestId('disposition-reason').fill('');
    await firstRow.click();
    await expect(panel).toContainText(first.lotId);
    // One click posts the whole lot to scrap, as before the partial postings.
    await panel.getByTestId('decision-scrap').click();
    await expect(panel.getByTestId('posting-scrap')).toHaveValue('240');
    await expect(panel.getByTestId('postings-balance')).toContainText('Posted 240 of 240');
    await expect(panel.getByTestId('usage-code')).toContainText('R1');
    await panel.getByTestId('disposition-reason').fill('Porosity through the sealing face; not reworkable');
    await panel.getByTestId('disposition-submit').click();
    // The reply is lost, but the ERP's usageDecision.made on the stream says the lot is decided; the
    // re-send, a few seconds later, is answered duplicate and empties the outbox.
    await expect(firstRow.getByTestId('task-state-decided')).toBeVisible();
    // The status bar read "empty" before the decision was queued too: wait for the gateway to have
    // answered the re-send, then for the outbox to say so.
    const scrapCommandId = async () => {
      const { commands } = await control<{ commands: CommandRecord[] }>(gatewayUrl, 'GET', '/control/commands');
      return commands.find((c) => c.type === 'lot.disposition' && c.body.payload.lotId === first.lotId)?.commandId;
    };
    await expect
      .poll(
        async () => {
          const commandId = await scrapCommandId();
          if (!commandId) return [];
          const { deliveries } = await control<{ deliveries: DeliveryRecord[] }>(gatewayUrl, 'GET', `/control/deliveries?commandId=${commandId}`);
          return deliveries.map((d) => d.status);
        },
        { timeout: 30_000 },
      )
      .toContain('duplicate');
    await expect(page.getByTestId('outbox-depth')).toHaveText('Outbox: empty', { timeout: 30_000 });

    // The gateway goes away: the floor is offline, and the next decision queues.
    await app.stopSimulator();
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'offline');
    const secondRow = lotRow(page, second.lotId);
    await secondRow.click();
    await expect(panel).toContainText(second.lotId);
    await panel.getByTestId('decision-return-to-vendor').click();
    await panel.getByTestId('disposition-reason').fill('Certificate of conformance missing; supplier to replace');
    await panel.getByTestId('disposition-submit').click();
    await expect(secondRow.getByTestId('task-state-pending-upstream')).toBeVisible();
    await expect(page.getByTestId('offline-banner')).toContainText('1 decision queued');
    await expect(page.getByTestId('outbox-depth')).toContainText('1');

    // The gateway comes back on the same state: the queue drains and the decision is accepted.
    await app.restartSimulator();
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(secondRow.getByTestId('task-state-decided')).toBeVisible();
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);

    // Upstream holds each decision exactly once.
    const { commands } = await control<{ commands: CommandRecord[] }>(gatewayUrl, 'GET', '/control/commands');
    for (const [lot, decision, quantity, code] of [
      [first.lotId, 'scrap', 240, 'R1'],
      [second.lotId, 'return-to-vendor', 80, 'R2'],
    ] as const) {
      const dispositions = commands.filter((c) => c.type === 'lot.disposition' && c.body.payload.lotId === lot);
      expect(dispositions, `dispositions of ${lot}`).toHaveLength(1);
      expect(dispositions[0]).toMatchObject({ status: 'accepted', body: { payload: { valuation: 'reject', code, postings: [{ decision, quantity }] } } });
      const { deliveries } = await control<{ deliveries: DeliveryRecord[] }>(gatewayUrl, 'GET', `/control/deliveries?commandId=${dispositions[0]!.commandId}`);
      expect(deliveries.filter((d) => d.status === 'accepted')).toHaveLength(1);
    }

    await firstRow.click();
    await page.screenshot({ path: screenshotPath });
  } finally {
    await app.close();
  }
});
