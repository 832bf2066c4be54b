// A quality engineer signs in online, the gateway goes away, and she decides three lots on the floor
// on the session she signed in with; then her shift ends (the workstation's clock is moved on) and a
// fourth decision is refused with the sign-in message. The gateway returns: the three drain, each
// accepted once, as hers. And one disabled at the gateway since she signed in sees her decision
// refused for her sign-in, not as a change to the lot; signed out, the next person starts from an
// empty user name. Against `npm run start:web` and a simulator process, in Chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runUsersCli } from '../../simulator/users-cli';
import { control, startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';

interface CommandRecord {
  commandId: string;
  type: string;
  status: 'accepted' | 'rejected';
  body: { issuedBy: string; payload: { lotId: string } };
}

const lotRow = (page: Page, lotId: string) => page.locator(`[data-testid=quarantine-grid] .ag-row[row-id="${lotId}"]`);
const shiftHours = 12;
const signInScreenshotPath = path.resolve(import.meta.dirname, '../../docs/sign-in.png');

test('decisions made offline before the sign-in runs out drain once; one after it is refused with the sign-in message', async ({ page }) => {
  const clockDir = mkdtempSync(path.join(tmpdir(), 'plant-orchestrator-clock-'));
  const clockFile = path.join(clockDir, 'offset-ms');
  writeFileSync(clockFile, '0');
  const app = await startAppWithSimulator('qe.anna', 'quality-engineer', { clockFile });
  const { gatewayUrl } = app;
  try {
    await page.goto(app.url);
    // A wrong password is refused with its own message, and how many tries are left.
    await page.getByLabel('User').fill(app.user);
    await page.getByLabel('Password').fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('password: wrong (4 more before qe.anna is locked for 15 minutes)');
    // The card in the middle of the window, the status bar along its whole foot.
    const viewport = page.viewportSize()!;
    const card = (await page.locator('.sign-in__card').boundingBox())!;
    const statusBar = (await page.locator('.status-bar').boundingBox())!;
    expect(Math.abs(card.x + card.width / 2 - viewport.width / 2)).toBeLessThan(2);
    expect(statusBar).toMatchObject({ x: 0, width: viewport.width });
    expect(Math.round(statusBar.y + statusBar.height)).toBe(viewport.height);
    await page.screenshot({ path: signInScreenshotPath });
    await signIn(page, app.user);
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online');
    const lots: string[] = [];
    for (const quantity of [40, 50, 60, 70]) lots.push((await control<{ lotId: string }>(gatewayUrl, 'POST', '/control/inspection-failure', { quantity })).lotId);
    for (const lotId of lots) await expect(lotRow(page, lotId).getByTestId('task-state-awaiting-decision')).toBeVisible();

    // The gateway goes away; three decisions queue on the session she signed in with.
    await app.stopSimulator();
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'offline');
    const panel = page.getByTestId('disposition-panel');
    const decide = async (lotId: string) => {
      await lotRow(page, lotId).click();
      await expect(panel).toContainText(lotId);
      await panel.getByTestId('decision-scrap').click();
      await panel.getByTestId('disposition-reason').fill('Porosity through the sealing face; not reworkable');
      await panel.getByTestId('disposition-submit').click();
    };
    for (const lotId of lots.slice(0, 3)) {
      await decide(lotId);
      await expect(lotRow(page, lotId).getByTestId('task-state-pending-upstream')).toBeVisible();
    }
    await expect(page.getByTestId('outbox-depth')).toContainText('3');

    // The shift is over: the fourth decision is refused here, saying to sign in again; nothing queued is lost.
    writeFileSync(clockFile, String(shiftHours * 3_600_000 + 60_000));
    // The workstation reads its clock again within 200 ms and says the sign-in ran out: only then is
    // the decision made (made sooner, it would still be on the shift's time).
    await expect(page.getByTestId('session-expired-banner')).toBeVisible();
    await decide(lots[3]!);
    await expect(panel.getByTestId('disposition-error')).toContainText(/^Your sign-in ran out at /);
    await expect(panel.getByTestId('disposition-error')).toContainText('sign in again to decide');
    await expect(page.getByTestId('session-expired-banner')).toContainText('sign in again to decide');
    await expect(lotRow(page, lots[3]!).getByTestId('task-state-awaiting-decision')).toBeVisible();
    await expect(page.getByTestId('outbox-depth')).toContainText('3');

    // The gateway returns: the three drain, each accepted once and issued by her.
    await app.restartSimulator();
    await expect(page.getByTestId('connector-status-erp')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    for (const lotId of lots.slice(0, 3)) await expect(lotRow(page, lotId).getByTestId('task-state-decided')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('outbox-depth')).toHaveText('Outbox: empty', { timeout: 30_000 });
    const { commands } = await control<{ commands: CommandRecord[] }>(gatewayUrl, 'GET', '/control/commands');
    const dispositions = commands.filter((c) => c.type === 'lot.disposition');
    expect(dispositions.map((c) => c.body.payload.lotId).sort()).toEqual(lots.slice(0, 3).sort());
    for (const command of dispositions) {
      expect(command).toMatchObject({ status: 'accepted', body: { issuedBy: 'qe.anna' } });
      const { deliveries } = await control<{ deliveries: { status: string }[] }>(gatewayUrl, 'GET', `/control/deliveries?commandId=${command.commandId}`);
      expect(deliveries.filter((d) => d.status === 'accepted')).toHaveLength(1);
    }
  } finally {
    await app.close();
    rmSync(clockDir, { recursive: true, force: true });
  }
});

test('a decision by a user disabled at the gateway since signing in is refused for the sign-in, and signing out leaves the user name empty', async ({ page }) => {
  const app = await startAppWithSimulator('qe.jonas', 'quality-engineer');
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    const { lotId } = await control<{ lotId: string }>(app.gatewayUrl, 'POST', '/control/inspection-failure', { quantity: 25 });
    await expect(lotRow(page, lotId).getByTestId('task-state-awaiting-decision')).toBeVisible();
    // IT disables him while he is signed in; his decision goes up with the token he signed in with.
    await runUsersCli(['disable', app.user, '--db', app.simulatorDb]);
    const panel = page.getByTestId('disposition-panel');
    await lotRow(page, lotId).click();
    await panel.getByTestId('decision-scrap').click();
    await panel.getByTestId('disposition-reason').fill('Cracked housing');
    await panel.getByTestId('disposition-submit').click();
    await expect(lotRow(page, lotId).getByTestId('task-state-conflict')).toHaveText('refused · sign-in');
    await expect(panel.getByTestId('conflict-reason')).toContainText('The gateway rejected the decision');
    await expect(panel.getByTestId('conflict-reason')).toContainText(`session token: user ${app.user} was disabled`);
    await expect(panel.getByTestId('authority-refusal')).toContainText('Ask your administrator');
    await expect(panel.getByTestId('conflict-changes')).not.toContainText('You saw version');
    await page.screenshot({ path: test.info().outputPath('refused-for-sign-in.png') });
    const { lot } = await control<{ lot: { stockType: string; quantity: number } }>(app.gatewayUrl, 'GET', `/control/lot?lotId=${lotId}`);
    expect(lot).toMatchObject({ stockType: 'blocked', quantity: 25 });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('User')).toHaveValue('');
  } finally {
    await app.close();
  }
});

