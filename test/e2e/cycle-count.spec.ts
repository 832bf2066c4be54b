// A cycle count above tolerance, against two `npm run start:web` on one simulator: the WMS counts the
// bin of a lot on quality hold 8 % short; the bin's picks pause and the quality engineer sees the count
// on the held lot; the supervisor, on another workstation, sees the count, the book, the difference, its
// value and the bin's last movements in Approvals and approves; `inventory.adjust` reaches the simulator
// once, the bin is released, and the engineer's lot reads adjusted.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface GatewayCommand {
  commandId: string;
  type: string;
  status: string;
  body: { issuedBy: string; payload: { countId?: string; approvalId?: string; approvedBy?: string; quantity?: number } };
}
interface Count {
  countId: string;
  bin: string;
  countedQuantity: number;
  bookQuantity: number;
  unit: string;
}

const screenshotPath = path.resolve(import.meta.dirname, '../../docs/approvals-adjustment.png');
const lotRow = (page: Page, lotId: string) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-id="${lotId}"]`);

test('a cycle count above tolerance pauses the bin; a supervisor on another workstation approves the adjustment; it reaches the simulator once and the bin is released', async ({ browser }) => {
  test.setTimeout(180_000);
  const app = await startAppWithSimulator('qe.maria', 'quality-engineer');
  try {
    const supervisorApp = await app.addWorkstation('sv.ines', 'supervisor');
    const engineer = await (await browser.newContext()).newPage();
    const supervisor = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await engineer.goto(app.url);
    await signIn(engineer, app.user);
    await supervisor.goto(supervisorApp.url);
    await signIn(supervisor, supervisorApp.user);

    const { lotId } = await control<{ lotId: string }>(app.gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 500 });
    await expect(lotRow(engineer, lotId).getByTestId('task-state-awaiting-decision')).toBeVisible({ timeout: 30_000 });
    const count = await control<Count>(app.gatewayUrl, 'POST', '/control/cycle-count', { lotId, aboveTolerance: true, countedBy: 'op.lena' });
    const pausedBins = async () => (await control<{ paused: { bin: string }[] }>(app.gatewayUrl, 'GET', '/control/bins')).paused.map((b) => b.bin);
    await expect.poll(pausedBins, { timeout: 30_000 }).toContain(count.bin);

    // The engineer sees the count on the held lot.
    await lotRow(engineer, lotId).click();
    const facts = engineer.getByTestId('lot-facts');
    await expect(facts).toContainText(`counted in bin ${count.bin}`);
    await expect(facts).toContainText('above tolerance: picks paused, a supervisor approves the adjustment');

    await supervisor.getByTestId('nav-approvals').click();
    const request = supervisor.getByTestId('approvals-grid').locator('.ag-row', { hasText: count.bin });
    await expect(request.getByTestId('approval-status-pending')).toBeVisible({ timeout: 30_000 });
    await request.locator('.ag-cell').first().click();
    const detail = supervisor.getByTestId('approval-adjustment');
    await expect(detail).toContainText(`Counted${count.countedQuantity} ${count.unit}`);
    await expect(detail).toContainText(`Book${count.bookQuantity} ${count.unit}`);
    await expect(detail).toContainText(`Difference−${count.bookQuantity - count.countedQuantity} ${count.unit} (8 %)`);
    await expect(detail).toContainText('op.lena');
    await expect(supervisor.getByTestId('approval-bin-movements')).toContainText('goods receipt');
    await supervisor.screenshot({ path: screenshotPath });
    await supervisor.getByTestId('approval-reason').fill('Recounted with the shift lead: 8 % short stands');
    await supervisor.getByTestId('approve-button').click();
    await expect(request.getByTestId('approval-status-approved')).toBeVisible({ timeout: 30_000 });

    const adjustments = async () => (await control<{ commands: GatewayCommand[] }>(app.gatewayUrl, 'GET', '/control/commands')).commands.filter((c) => c.type === 'inventory.adjust' && c.body.payload.countId === count.countId);
    await expect.poll(async () => (await adjustments()).filter((c) => c.status === 'accepted').length, { timeout: 30_000 }).toBe(1);
    expect(await adjustments()).toMatchObject([{ status: 'accepted', body: { issuedBy: 'system', payload: { approvalId: `AP-${count.countId}`, approvedBy: 'sv.ines', quantity: count.countedQuantity - count.bookQuantity } } }]);
    await expect.poll(pausedBins, { timeout: 30_000 }).not.toContain(count.bin);
    const { lot } = await control<{ lot: { quantity: number } }>(app.gatewayUrl, 'GET', `/control/lot?lotId=${lotId}`);
    expect(lot.quantity).toBe(count.countedQuantity);
    await expect(facts).toContainText('book adjusted', { timeout: 30_000 });
  } finally {
    await app.close();
  }
});
