import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventStorm, type EventStormDeps } from '../../simulator/event-storm';
import { ScenarioError } from '../../simulator/scenario';
import { closeAll, controlHeaders, startTestGateway, waitUntil } from './harness';

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

/** A storm on a real gateway, its clock and timer moved by hand. */
async function stormOn(options: { eventsPerSecond: number; seconds: number; delaysPerSecond: number }) {
  const gateway = await startTestGateway({ planningScale: 0.05 });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  let now = 0;
  const storm = new EventStorm({ scenario: gateway.scenario, store: storeOf(gateway), now: () => now, tickMs: 50 }, options);
  const advance = (ms: number) => {
    for (let i = 0; i < ms / 50; i++) {
      now += 50;
      vi.advanceTimersByTime(50);
    }
  };
  const stall = (ms: number) => (now += ms);
  return { gateway, storm, advance, stall };
}

function storeOf(gateway: Awaited<ReturnType<typeof startTestGateway>>): EventStormDeps['store'] {
  const planning = gateway.inspect.planningDataset();
  return {
    lot: (lotId) => gateway.inspect.lot(lotId),
    planning: { plays: () => planning !== null, poLinesWithAsn: () => (planning?.poLines ?? []).filter((line) => line.asnId !== undefined) },
  };
}

describe('event storm', () => {
  it('publishes goods receipts, withdrawals and supplier delays at the asked rate, then stops by itself', async () => {
    const { gateway, storm, advance } = await stormOn({ eventsPerSecond: 1000, seconds: 2, delaysPerSecond: 10 });
    advance(1000);
    const afterOne = storm.status();
    expect(afterOne.running).toBe(true);
    expect(afterOne.sent.total).toBe(1000);
    expect(afterOne.sent.supplierDelays).toBe(10);
    // About one ordinary event in five is a withdrawal.
    expect(afterOne.sent.lotsConsumed).toBeGreaterThan(150);
    expect(afterOne.sent.lotsConsumed).toBeLessThan(220);

    advance(1200);
    const done = storm.status();
    expect(done).toMatchObject({ running: false, error: null, elapsedMs: 2000 });
    expect(done.sent).toMatchObject({ total: 2000, supplierDelays: 20 });
    // What the gateway's streams hold is what the storm says it sent.
    expect(gateway.inspect.streamHead('erp')).toBe(done.sent.goodsReceived + done.sent.supplierDelays);
    expect(gateway.inspect.streamHead('mes.P1')).toBe(done.sent.lotsConsumed);
    const delays = gateway.inspect.events('erp').filter((event) => event.type === 'asn.delayed');
    expect(delays).toHaveLength(20);

    advance(1000);
    expect(storm.status().sent.total).toBe(2000);
  });

  it('catches up after a stalled tick, at most a second of traffic at once', async () => {
    const { storm, advance, stall } = await stormOn({ eventsPerSecond: 500, seconds: 10, delaysPerSecond: 0 });
    stall(3000);
    advance(50);
    expect(storm.status().sent.total).toBe(500);
    advance(50);
    expect(storm.status().sent.total).toBe(1000);
    advance(100);
    // 3.2 s in: caught up.
    expect(storm.status().sent.total).toBe(1600);
    storm.stop();
    expect(storm.status().running).toBe(false);
  });

  it('ends with the reason when the gateway refuses its events', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = 0;
    const storm = new EventStorm(
      {
        scenario: {
          receiveGoods: () => {
            throw new Error('The database connection is not open');
          },
          consumeLot: () => ({ lotId: '', productionOrderId: '', version: 0 }),
          supplierDelay: () => ({ poLineId: '', previousDate: '', newDate: '' }),
        },
        store: { lot: () => undefined, planning: { plays: () => false, poLinesWithAsn: () => [] } },
        now: () => now,
      },
      { eventsPerSecond: 100, seconds: 5, delaysPerSecond: 0 },
    );
    let finished = false;
    storm.onFinished(() => (finished = true));
    now = 100;
    vi.advanceTimersByTime(50);
    expect(finished).toBe(true);
    expect(storm.status()).toMatchObject({ running: false, error: 'The database connection is not open' });
  });

  it('refuses supplier delays from a gateway without planning data', async () => {
    const gateway = await startTestGateway();
    expect(
      () => new EventStorm({ scenario: gateway.scenario, store: storeOf(gateway) }, { eventsPerSecond: 100, seconds: 1, delaysPerSecond: 5 }),
    ).toThrow(ScenarioError);
  });
});

describe('POST /control/storm', () => {
  async function post(baseUrl: string, body: unknown) {
    const response = await fetch(`${baseUrl}/control/storm`, { method: 'POST', headers: controlHeaders, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('starts one storm at a time and answers at once', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const storm = { eventsPerSecond: 200, seconds: 0.5, delaysPerSecond: 4 };
    const started = await post(gateway.baseUrl, storm);
    expect(started).toMatchObject({ status: 200, body: { options: storm, running: true, error: null } });
    const again = await post(gateway.baseUrl, storm);
    expect(again.status).toBe(422);
    expect(again.body.error).toMatch(/already running/);

    await waitUntil(() => gateway.inspect.streamHead('erp') + gateway.inspect.streamHead('mes.P1') >= 100, 'the storm to finish');
    expect(gateway.inspect.events('erp').filter((event) => event.type === 'asn.delayed')).toHaveLength(2);
    // Once it has ended, another may start.
    let next = await post(gateway.baseUrl, { ...storm, seconds: 0.1 });
    for (let tries = 0; next.status === 422 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      next = await post(gateway.baseUrl, { ...storm, seconds: 0.1 });
    }
    expect(next.status).toBe(200);
  });

  it('names the bad field', async () => {
    const gateway = await startTestGateway();
    const bad = await post(gateway.baseUrl, { eventsPerSecond: 0, seconds: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/eventsPerSecond/);
    const noPlanning = await post(gateway.baseUrl, { eventsPerSecond: 10, seconds: 1, delaysPerSecond: 1 });
    expect(noPlanning.status).toBe(422);
  });
});
