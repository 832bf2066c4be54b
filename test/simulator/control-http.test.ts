import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectClient, lotCommand, startTestGateway, purchasedItem } from './harness';

afterEach(closeAll);

async function call(baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
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
    const command = lotCommand('lot.setStatus', { lotId, stockType: 'blocked', reason: 'Containment' });
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
