// Testing a gateway before switching to it, against a real simulator on 127.0.0.1: each way it can fail
// says its own sentence naming the field (a wrong token, nothing at the address, a plant it does not
// serve), a good one says the protocol, the epoch and the clock's skew; the app's own connections are
// untouched.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { syncProtocolVersion } from '../../shared/sync-protocol';
import { useOneClockPlant } from '../helpers/one-clock-plant';

/** A loopback port nothing listens on: taken from the OS, then freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a connection test', () => {
  const plant = useOneClockPlant();

  it('tells a wrong token, an unreachable address and a plant the gateway does not serve apart, and passes a good one with its skew', async () => {
    const support = await plant.stations.open('op.lena', 'operator');
    const test = (args: { url: string; token: string; plant?: string }) => support.core.handlers['connectors.test'](args, support.as);

    const wrongToken = await test({ url: plant.gateway.baseUrl, token: 'not-the-token' });
    expect(wrongToken).toMatchObject({ ok: false, reachable: true, tokenAccepted: false, problems: [expect.stringMatching(/^token: the gateway at http:\/\/127\.0\.0\.1:\d+\/erp refused the workstation token \(unauthorized: token: does not match\)$/)] });

    const nowhere = await test({ url: `http://127.0.0.1:${await closedPort()}`, token: 'dev-token' });
    expect(nowhere).toMatchObject({ ok: false, reachable: false, tokenAccepted: false, problems: [expect.stringMatching(/^url: nothing answers at http:\/\/127\.0\.0\.1:\d+\/erp \(.+\); check the address and that the gateway runs$/)] });

    expect(await test({ url: 'gateway at the plant', token: 'dev-token' })).toMatchObject({ ok: false, problems: ['url: "gateway at the plant" is not a URL; give the gateway\'s address, e.g. https://gateway.plant.example:4100'] });

    const otherPlant = await test({ url: plant.gateway.baseUrl, token: 'dev-token', plant: 'P9' });
    expect(otherPlant).toMatchObject({ ok: false, tokenAccepted: true, problems: [expect.stringMatching(/^plant: the gateway serves P1, .*not P9$/)] });

    // The gateway's clock 10 minutes ahead of this workstation's: said, not refused.
    plant.now += 10 * 60_000;
    const good = await test({ url: plant.gateway.baseUrl, token: 'dev-token', plant: 'P1' });
    expect(good).toMatchObject({ ok: true, reachable: true, tokenAccepted: true, protocolVersion: syncProtocolVersion, problems: [], warnings: [expect.stringMatching(/^This workstation's clock is \d+ s behind the gateway's/)] });
    expect(good.clockSkewMs).toBeGreaterThan(9 * 60_000);
    expect(good.epoch).toEqual(expect.any(String));
    // The app's own connections went on as they were.
    expect((await support.core.handlers['connectors.status']({}, support.as)).every((c) => c.state === 'online')).toBe(true);
  }, 60_000);
});
