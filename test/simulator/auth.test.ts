import { get as httpGet } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startGateway } from '../../simulator/gateway';
import { closeAll, connectClient, defaultAuth, startTestGateway, tempDatabasePath } from './harness';

afterEach(closeAll);

describe('handshake', () => {
  it('refuses a wrong token', async () => {
    const gateway = await startTestGateway({ token: 'secret-1' });
    await expect(connectClient(gateway.erpUrl, { ...defaultAuth, token: 'dev-token' })).rejects.toThrow(
      /^unauthorized: token/,
    );
    await expect(connectClient(gateway.erpUrl, { ...defaultAuth, token: 'secret-1' })).resolves.toBeDefined();
  });

  it('refuses auth that does not parse, naming the field', async () => {
    const gateway = await startTestGateway();
    await expect(connectClient(gateway.plantUrl('P1'), { token: 'dev-token', user: 'anna' })).rejects.toThrow(
      /unauthorized: clientId/,
    );
    await expect(connectClient(gateway.erpUrl, {})).rejects.toThrow(/unauthorized/);
  });

  it('guards every namespace, the default one included', async () => {
    const gateway = await startTestGateway();
    const wrong = { ...defaultAuth, token: 'nope' };
    for (const url of [gateway.erpUrl, gateway.plantUrl('P1'), gateway.baseUrl]) {
      await expect(connectClient(url, wrong)).rejects.toThrow(/unauthorized/);
    }
  });

  it('refuses a socket from a web page elsewhere or under a rebound name, whatever token it knows', async () => {
    const gateway = await startTestGateway();
    /** The status a browser's WebSocket to the gateway would get: 101 when it opens. */
    const openWith = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${gateway.port}/socket.io/?EIO=4&transport=websocket`, { headers });
        socket.once('open', () => {
          socket.close();
          resolve({ status: 101, body: '' });
        });
        socket.once('unexpected-response', (_request, response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        socket.once('error', reject);
      });
    // engine.io answers a refused upgrade with 400, and the reason as its body.
    expect(await openWith({ origin: 'https://evil.example' })).toEqual({ status: 400, body: 'socket: Origin https://evil.example is not allowed' });
    expect(await openWith({ host: `attacker.example:${gateway.port}`, origin: `http://attacker.example:${gateway.port}` })).toMatchObject({ status: 400, body: expect.stringContaining('socket: Host attacker.example') });
    // The long-polling handshake, which a rebound page could send as a plain GET without an Origin.
    const polling = await new Promise<number>((resolve, reject) =>
      httpGet({ host: '127.0.0.1', port: gateway.port, path: '/socket.io/?EIO=4&transport=polling', headers: { host: `attacker.example:${gateway.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject),
    );
    expect(polling).toBe(403);
    expect(await openWith({ origin: `http://localhost:${gateway.port}`, host: `localhost:${gateway.port}` })).toEqual({ status: 101, body: '' });
    // A workstation's connector sends no Origin at all.
    await expect(connectClient(gateway.erpUrl)).resolves.toBeDefined();
  });

  it('answers URLs in the documented shape', async () => {
    const gateway = await startTestGateway();
    expect(gateway.baseUrl).toBe(`http://127.0.0.1:${gateway.port}`);
    expect(gateway.erpUrl).toBe(`${gateway.baseUrl}/erp`);
    expect(gateway.plantUrl('P1')).toBe(`${gateway.baseUrl}/plant/P1`);
    expect(gateway.port).toBeGreaterThan(0);
  });
});

describe('subscribe validation', () => {
  it('answers ok: false for a stream the namespace does not serve', async () => {
    const gateway = await startTestGateway();
    const erp = await connectClient(gateway.erpUrl);
    const ack = await erp.subscribe({ erp: 0, 'qms.P1': 0 });
    expect(ack).toEqual({ ok: false, error: expect.stringContaining('qms.P1') as unknown });
    const plant = await connectClient(gateway.plantUrl('P1'));
    expect(await plant.subscribe({ erp: 0 })).toMatchObject({ ok: false });
    expect(await plant.subscribe({ 'qms.P1': 0, 'mes.P1': 0 })).toEqual({ ok: true, snapshot: true });
  });

  it('answers ok: false naming the field for a malformed request, and for no streams', async () => {
    const gateway = await startTestGateway();
    const client = await connectClient(gateway.erpUrl);
    expect(await client.subscribe({ erp: -1 })).toEqual({
      ok: false,
      error: expect.stringMatching(/^streams\.erp:/) as unknown,
    });
    expect(await client.subscribe({})).toEqual({ ok: false, error: expect.stringMatching(/^streams:/) as unknown });
    // Nothing is sent to a socket whose subscription was refused.
    gateway.scenario.inspectionFailure();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.received).toEqual([]);
  });
});

describe('startGateway options', () => {
  it('refuses bad options, naming the option', async () => {
    const databasePath = tempDatabasePath();
    await expect(startGateway({ databasePath, port: 70_000 })).rejects.toThrow(/^port:/);
    await expect(startGateway({ databasePath, retention: 0 })).rejects.toThrow(/^retention:/);
    await expect(startGateway({ databasePath, inspectionFailureEveryMs: -5 })).rejects.toThrow(/^inspectionFailureEveryMs:/);
    await expect(startGateway({ databasePath, token: '' })).rejects.toThrow(/^token:/);
  });

  it('fails to start on a port in use, leaving the file usable by the next start', async () => {
    const running = await startTestGateway();
    const databasePath = tempDatabasePath();
    await expect(startGateway({ databasePath, port: running.port })).rejects.toThrow(/EADDRINUSE/);
    await expect(startTestGateway({ databasePath })).resolves.toBeDefined();
  });
});
