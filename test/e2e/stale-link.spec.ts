// A link the web host does not take (a wrong token, or one from before the host restarted) says so
// and where the current link is, and one with no token at all says that, instead of "Signing in…" and
// "reconnecting…" for ever; a host that is only down still shows reconnecting. Against
// `npm run start:web` and a simulator process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startSimulator, startWebHost, type RunningProcess } from './app-processes';
import { signIn } from './sign-in-steps';

/** Counts the WebSockets the page opens (or tries to). */
function countSockets(page: Page): () => number {
  let opened = 0;
  page.on('websocket', () => opened++);
  return () => opened;
}

async function expectRefusedLink(page: Page): Promise<void> {
  const banner = page.getByTestId('host-link-banner');
  await expect(banner).toContainText('This link is no longer valid');
  await expect(banner).toContainText('Open the one it printed in its terminal when it started');
  await expect(banner).toContainText('Plant Orchestrator web host: http://127.0.0.1:PORT/?token=…');
  await expect(page.getByTestId('host-link-status')).toHaveText('Link no longer valid');
}

let dataDir: string;
let simulator: RunningProcess | undefined;
let gatewayUrl: string;
const hosts: RunningProcess[] = [];

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'plant-orchestrator-e2e-'));
  simulator = await startSimulator(await freePort(), path.join(dataDir, 'simulator.sqlite'));
  gatewayUrl = simulator.match[1]!;
});

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  await simulator?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a wrong token says the link is no longer valid and where the current one is, and stops trying', async ({ page }) => {
  const host = await startWebHost({ port: await freePort(), dataDir: path.join(dataDir, 'app'), gatewayUrl });
  hosts.push(host);
  const sockets = countSockets(page);
  await page.goto(host.match[1]!.replace(/token=[^&]+/, 'token=not-this-launch'));
  await expectRefusedLink(page);
  await expect(page.getByTestId('session-info')).toHaveText('Not signed in');
  await expect(page.getByText('Signing in…')).toHaveCount(0);
  await expect(page.getByText(/reconnecting/)).toHaveCount(0);
  // Backoff starts at half a second: a page still retrying would open several more sockets meanwhile.
  const tried = sockets();
  await page.waitForTimeout(2_500);
  expect(sockets()).toBe(tried);
});

test('the host’s address without a token says the link has no token and where the one with it is, and tries nothing', async ({ page }) => {
  const host = await startWebHost({ port: await freePort(), dataDir: path.join(dataDir, 'app'), gatewayUrl });
  hosts.push(host);
  const sockets = countSockets(page);
  await page.goto(new URL(host.match[1]!).origin);
  const banner = page.getByTestId('host-link-banner');
  await expect(banner).toContainText('This link has no token');
  await expect(banner).toContainText('Plant Orchestrator web host: http://127.0.0.1:PORT/?token=…');
  await expect(banner).not.toContainText('no longer valid');
  await expect(page.getByTestId('host-link-status')).toHaveText('Link has no token');
  await expect(page.getByTestId('session-info')).toHaveText('Not signed in');
  await page.waitForTimeout(1_000);
  expect(sockets()).toBe(0);
});

test('while the host is down the page reconnects; once it is back with a new token the old link is refused', async ({ page }) => {
  const port = await freePort();
  const appDir = path.join(dataDir, 'app');
  const first = await startWebHost({ port, dataDir: appDir, gatewayUrl });
  hosts.push(first);
  await page.goto(first.match[1]!);
  await signIn(page, 'qe.anna');

  await first.stop();
  hosts.splice(hosts.indexOf(first), 1);
  await expect(page.getByTestId('host-link-banner')).toContainText('reconnecting');
  await expect(page.getByTestId('host-link-status')).toHaveText('App host unreachable');

  const second = await startWebHost({ port, dataDir: appDir, gatewayUrl });
  hosts.push(second);
  await expectRefusedLink(page);

  // The link the new host printed works; the web host kept the session in memory only, so she signs in again.
  await page.goto(second.match[1]!);
  await signIn(page, 'qe.anna');
  await expect(page.getByTestId('host-link-banner')).toHaveCount(0);
});
