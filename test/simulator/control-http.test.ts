import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectClient, controlHeaders, lotCommand, startTestGateway, purchasedItem } from './harness';

afterEach(closeAll);

async function call(baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: controlHeaders,
    signal: AbortSignal.timeout(5000),
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('control endpoints', () => {
  it('drive the scenarios and report streams, commands and deliveries', async () => {
    const gateway = await startTestGateway();
    const { baseUrl } = gateway;
    const item = purchasedItem(gateway);
    const failure = await call(baseUrl, 'POST', '/control/inspection-failure', { itemId: item.id, quantity: 400 });
    expect(failure.status).toBe(200);
    const lotId = failure.body.lotId as string;
    expect(failure.body).toEqual({ lotId, inspectionLotId: expect.stringMatching(/^IL-/) as unknown });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ itemId: item.id, quantity: 400 });

    expect((await call(baseUrl, 'POST', '/control/inspection-failure')).status).toBe(200);
    const consumed = await call(baseUrl, 'POST', '/control/consume', { lotId, quantity: 100 });
    expect(consumed).toEqual({ status: 200, body: { lotId, productionOrderId: expect.any(String) as unknown, version: 3 } });
    const burst = await call(baseUrl, 'POST', '/control/burst', { count: 3 });
    expect(burst.body.lotIds).toHaveLength(3);
    expect(await call(baseUrl, 'GET', '/control/streams')).toEqual({
      status: 200,
      body: { streams: { erp: 5, 'mes.P1': 1, 'qms.P1': 5 } },
    });
    const lot = await call(baseUrl, 'GET', `/control/lot?lotId=${lotId}`);
    expect(lot.body.lot).toMatchObject({ quantity: 300, version: 3 });

    const drop = await call(baseUrl, 'POST', '/control/drop-replies', { count: 1 });
    expect(drop).toEqual({ status: 200, body: { dropping: 1 } });
    const client = await connectClient(gateway.erpUrl);
    // The block a workstation sends on its own, which needs no person's session.
    const command = lotCommand('lot.setStatus', { lotId, stockType: 'blocked', reason: 'Containment' }, { issuedBy: 'system' });
    await expect(client.command(command, 300)).rejects.toThrow(/timed out/);
    expect(await client.command(command)).toMatchObject({ status: 'duplicate' });
    const commands = await call(baseUrl, 'GET', '/control/commands');
    expect(commands.body.commands).toEqual([
      expect.objectContaining({ commandId: command.commandId, status: 'accepted', version: 4 }),
    ]);
    const deliveries = await call(baseUrl, 'GET', `/control/deliveries?commandId=${command.commandId}`);
    expect((deliveries.body.deliveries as { status: string }[]).map((d) => d.status)).toEqual(['accepted', 'duplicate']);
    expect((await call(baseUrl, 'GET', '/control/deliveries?commandId=other')).body.deliveries).toEqual([]);
    expect((await call(baseUrl, 'GET', '/control/deliveries?commandId=')).body.deliveries).toHaveLength(2);
  });

  it('answers 400 naming the field for a bad body', async () => {
    const { baseUrl } = await startTestGateway();
    const cases: [string, unknown, RegExp][] = [
      ['/control/burst', { count: 'many' }, /^count:/],
      ['/control/burst', {}, /^count:/],
      ['/control/burst', { count: 0 }, /^count:/],
      ['/control/consume', { lotId: 'L-000101' }, /^quantity:/],
      ['/control/consume', { lotId: '', quantity: 1 }, /^lotId:/],
      ['/control/drop-replies', { count: 1.5 }, /^count:/],
      ['/control/inspection-failure', { quantity: -3 }, /^quantity:/],
      ['/control/inspection-failure', { plnat: 'P1' }, /plnat/],
      ['/control/burst', '{"count":', /^body:/],
    ];
    for (const [path, body, message] of cases) {
      const response = await call(baseUrl, 'POST', path, body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error).toMatch(message);
    }
  });

  it('answers 422 for a request the scenario cannot play, 404 for other paths, 405 for the wrong method', async () => {
    const gateway = await startTestGateway();
    const unknownLot = await call(gateway.baseUrl, 'POST', '/control/consume', { lotId: 'L-999999', quantity: 1 });
    expect(unknownLot).toEqual({ status: 422, body: { error: 'lotId: unknown lot L-999999' } });
    expect((await call(gateway.baseUrl, 'GET', '/control/nothing')).status).toBe(404);
    expect((await call(gateway.baseUrl, 'GET', '/')).status).toBe(404);
    expect((await call(gateway.baseUrl, 'GET', '/control/lot?lotId=L-999999')).status).toBe(404);
    expect((await call(gateway.baseUrl, 'GET', '/control/burst')).status).toBe(405);
    expect(gateway.inspect.streamHead('mes.P1')).toBe(0);
  });
});

describe('who may call the control endpoints', () => {
  /** A raw request, so the Host and Origin headers are exactly what a browser or a rebound name would send. */
  function raw(port: number, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/control/inspection-failure', method: 'POST', headers }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  it('refuses a call without the operator token, with a wrong one, from a foreign Origin or Host, or with a body that is not JSON', async () => {
    const gateway = await startTestGateway();
    const { port } = gateway;
    const own = { host: `127.0.0.1:${port}`, authorization: controlHeaders.authorization, 'content-type': 'application/json' };
    const before = gateway.inspect.openInspections().length;
    expect(await raw(port, { host: own.host })).toEqual({ status: 401, body: JSON.stringify({ error: 'control: operator token missing (Authorization: Bearer TOKEN)' }) });
    expect(await raw(port, { ...own, authorization: 'Bearer guessed-token' })).toMatchObject({ status: 401, body: expect.stringContaining('operator token does not match') });
    // A page in the user's browser: its Origin, and the text/plain a form may post without asking.
    expect(await raw(port, { ...own, origin: 'https://evil.example' }, '{}')).toMatchObject({ status: 403, body: expect.stringContaining('Origin https://evil.example is not allowed') });
    expect(await raw(port, { ...own, 'content-type': 'text/plain' }, '{}')).toMatchObject({ status: 415, body: expect.stringContaining('must be application/json, not text/plain') });
    // A name rebound to 127.0.0.1: the Host is not this simulator's.
    expect(await raw(port, { ...own, host: `attacker.example:${port}` })).toMatchObject({ status: 403, body: expect.stringContaining('Host attacker.example') });
    expect(gateway.inspect.openInspections()).toHaveLength(before);
    expect(await raw(port, { ...own, origin: `http://localhost:${port}`, host: `localhost:${port}` }, '{}')).toMatchObject({ status: 200 });
    expect(gateway.inspect.openInspections()).toHaveLength(before + 1);
  });

  it('serves none without an operator token: a gateway embedded in the app has no control API unless asked', async () => {
    const gateway = await startTestGateway({ control: undefined });
    const response = await fetch(`${gateway.baseUrl}/control/streams`, { headers: controlHeaders, signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(404);
  });
});
