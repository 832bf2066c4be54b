// A planner's afternoon, against `npm run start:web` and the simulator's planning dataset: a line stops,
// the held-up orders and a line with room appear, one order is rerouted and the rest rescheduled; then
// two rebalancing transfers are accepted and followed in transit to a receipt. Upstream gets each
// command once (the steps: line-stop-steps.ts, rebalancing-steps.ts).
import { test } from '@playwright/test';
import { startAppWithSimulator } from './app-processes';
import { signIn } from './sign-in-steps';
import { rerouteOneAndRescheduleTheRest } from './line-stop-steps';
import { acceptTwoAndTrackToReceipt } from './rebalancing-steps';

test('a planner reroutes an order a stopped line holds up, reschedules the rest, and accepts two transfers tracked to their receipt', async ({ page }, testInfo) => {
  test.setTimeout(420_000);
  const app = await startAppWithSimulator('pl.rosa', 'planner');
  try {
    await page.goto(app.url);
    await signIn(page, app.user);
    await rerouteOneAndRescheduleTheRest(page, app.gatewayUrl, 'pl.rosa', testInfo);
    await acceptTwoAndTrackToReceipt(page, app.gatewayUrl, 'pl.rosa', testInfo);
  } finally {
    await app.close();
  }
});
