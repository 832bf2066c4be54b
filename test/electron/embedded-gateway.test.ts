// The simulator a host embeds when no gateway is configured: its control endpoints are served only when
// the host asks for them, and then only to the holder of the operator token it was given; the app on it
// says so.
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedSimulator } from '../../electron/embedded-gateway';
import type { EmbeddedGateway } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { tempDatabasePath } from '../simulator/harness';

const running: EmbeddedGateway[] = [];
afterEach(async () => {
  for (const gateway of running.splice(0)) await gateway.close();
});

async function start(controlToken?: string): Promise<string> {
  const gateway = await embeddedSimulator({ databasePath: tempDatabasePath(), planningScale: 0, inspectionFailureEveryMs: 0, ...(controlToken ? { controlToken } : {}) })();
  running.push(gateway);
  return new URL(gateway.connectors[0]!.url).origin;
}

const streams = (origin: string, headers: Record<string, string> = {}) => fetch(`${origin}/control/streams`, { headers, signal: AbortSignal.timeout(5000) });

describe('embedded simulator control endpoints', () => {
  it('serves none unless the host asks, so a page in the browser finds nothing to drive', async () => {
    const origin = await start();
    expect((await streams(origin)).status).toBe(404);
    expect((await streams(origin, { authorization: 'Bearer anything-at-all' })).status).toBe(404);
  });

  it('serves them under the operator token the host gave, and to no one else', async () => {
    const origin = await start('embedded-operator-token');
    expect(await (await streams(origin)).json()).toEqual({ error: 'control: operator token missing (Authorization: Bearer TOKEN)' });
    expect((await streams(origin, { authorization: 'Bearer embedded-operator-tokeN' })).status).toBe(401);
    const served = await streams(origin, { authorization: 'Bearer embedded-operator-token' });
    expect(served.status).toBe(200);
    expect(await served.json()).toMatchObject({ streams: { erp: expect.any(Number) } });
  });
});

describe('an app on the embedded simulator', () => {
  it('says so, for the banner above every screen; an app on a configured gateway does not', async () => {
    const temp = makeTempDir();
    try {
      const onSimulator = await createCore({ databasePath: temp.file('app.sqlite'), startEmbeddedGateway: embeddedSimulator({ databasePath: temp.file('simulator.sqlite'), planningScale: 0, inspectionFailureEveryMs: 0 }), logger: quietLogger });
      try {
        expect(await onSimulator.handlers['connectors.about']({}, { user: 'nobody' })).toEqual({ embeddedSimulator: true, dataFolder: temp.dir, notices: [] });
        const configured = await createCore({ databasePath: temp.file('other.sqlite'), connectors: [...onSimulator.connectorSettings], logger: quietLogger });
        try {
          expect((await configured.handlers['connectors.about']({}, { user: 'nobody' })).embeddedSimulator).toBe(false);
        } finally {
          await configured.close();
        }
      } finally {
        await onSimulator.close();
      }
    } finally {
      temp.remove();
    }
  }, 30_000);
});
