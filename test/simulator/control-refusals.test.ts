// What the control endpoints refuse, and how: bad input is a 400 naming the field as the body has it and
// the value sent; a scenario that cannot run as asked (unknown or restarted stoppage, ...) is a 422.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOf } from '../../shared/plan-days';
import type { Gateway } from '../../simulator/gateway';
import { closeAll, controlHeaders, purchasedItem, startTestGateway, tempDatabasePath } from './harness';

afterEach(closeAll);

async function post(gateway: Gateway, path: string, body: unknown) {
  const response = await fetch(`${gateway.baseUrl}/control/${path}`, {
    method: 'POST',
    headers: controlHeaders,
    signal: AbortSignal.timeout(5000),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function expectRefused(gateway: Gateway, path: string, body: unknown, status: 400 | 422, error: string | RegExp): Promise<void> {
  const response = await post(gateway, path, body);
  const what = `${path} ${JSON.stringify(body)}`;
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(status);
  if (typeof error === 'string') expect(response.body.error, what).toBe(error);
  else expect(response.body.error, what).toMatch(error);
}

describe('supplier delays', () => {
  it('are 1 to 365 days later; any other days is a 400 naming the value sent, and nothing is announced', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const dataset = gateway.inspect.planningDataset()!;
    const line = dataset.poLines.find((l) => l.asnId !== null && dayOf(l.expectedDate) > dayOf(dataset.today))!;
    const head = gateway.inspect.streamHead('erp');
    for (const days of [-3, -30, 0, 366, 400]) {
      await expectRefused(gateway, 'supplier-delay', { poLineId: line.id, days }, 400, `days: must be a whole number of days from 1 to 365, not ${days}`);
    }
    await expectRefused(gateway, 'supplier-delay', { days: 2.5 }, 400, 'days: must be a whole number of days from 1 to 365, not 2.5');
    await expectRefused(gateway, 'supplier-delay', { days: '5' }, 400, 'days: must be a whole number of days from 1 to 365, not "5"');
    expect(gateway.inspect.streamHead('erp')).toBe(head);
    expect(gateway.inspect.planningDataset()!.poLines.find((l) => l.id === line.id)?.expectedDate).toBe(line.expectedDate);

    const delayed = await post(gateway, 'supplier-delay', { poLineId: line.id, days: 1 });
    expect(delayed).toEqual({ status: 200, body: { poLineId: line.id, previousDate: line.expectedDate, newDate: expect.any(String) as unknown } });
    expect(dayOf(delayed.body.newDate as string)).toBe(dayOf(line.expectedDate) + 1);
  });

  it('by default move a line 5 to 20 days later, never to a date before today', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const today = dayOf(gateway.inspect.planningDataset()!.today);
    for (let n = 0; n < 20; n++) {
      const { status, body } = await post(gateway, 'supplier-delay', {});
      expect(status).toBe(200);
      const [previous, next] = [dayOf(body.previousDate as string), dayOf(body.newDate as string)];
      expect(next).toBeGreaterThanOrEqual(today);
      expect(next).toBeGreaterThan(previous);
      if (previous >= today) expect(next - previous).toBeGreaterThanOrEqual(5);
      expect(next - previous).toBeLessThanOrEqual(20);
    }
  });
});

describe('bad input', () => {
  it('names an unknown field as the body has it, on every endpoint', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const bodies: [string, Record<string, unknown>][] = [
      ['supplier-delay', { dayz: 3 }],
      ['inspection-failure', { plnat: 'P1' }],
      ['line-stopped', { dayz: 3 }],
      ['burst', { count: 1, cuont: 2 }],
      ['storm', { eventsPerSecond: 10, seconds: 1, dleays: 1 }],
      ['drop-replies', { count: 1, extra: true }],
    ];
    for (const [path, body] of bodies) {
      const unknown = Object.keys(body).find((key) => !['count', 'eventsPerSecond', 'seconds'].includes(key))!;
      await expectRefused(gateway, path, body, 400, `${unknown}: unknown field`);
    }
    await expectRefused(gateway, 'supplier-delay', { dayz: 3, reasn: 'x' }, 400, 'dayz: unknown field; reasn: unknown field');
    await expectRefused(gateway, 'supplier-delay', [], 400, 'body: must be a JSON object, not []');
    await expectRefused(gateway, 'burst', {}, 400, 'count: missing; must be a whole number from 1 to 100000');
    await expectRefused(gateway, 'consume', { lotId: '', quantity: 1 }, 400, 'lotId: must be an id of 1 to 80 characters, not ""');
  });

  it('is a quantity that does not fit its unit: 400 naming quantity, on every endpoint that takes one', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const each = purchasedItem(gateway, 'EA');
    const kilograms = purchasedItem(gateway, 'KG');
    const lot = (await post(gateway, 'inspection-failure', { itemId: each.id, quantity: 40 })).body.lotId as string;
    await expectRefused(gateway, 'consume', { lotId: lot, quantity: 1.5 }, 400, 'quantity: 1.5 EA is not a whole number; EA counts whole units');
    await expectRefused(gateway, 'produce', { lotId: lot, quantity: 1.5 }, 400, 'quantity: 1.5 EA is not a whole number; EA counts whole units');
    await expectRefused(gateway, 'produce', { lotId: lot, quantity: 1, outputQuantity: 0.0005 }, 400, /^outputQuantity: 0\.0005 \w+ (is not a whole number|has more than 3 decimals)/);
    await expectRefused(gateway, 'inspection-failure', { itemId: each.id, quantity: 1.5 }, 400, 'quantity: 1.5 EA is not a whole number; EA counts whole units');
    await expectRefused(gateway, 'inspection-failure', { itemId: kilograms.id, quantity: 1.2345 }, 400, 'quantity: 1.2345 KG has more than 3 decimals');
    await expectRefused(gateway, 'consume', { lotId: lot, quantity: -2 }, 400, 'quantity: must be a positive number, not -2');
    expect(gateway.inspect.lot(lot)).toMatchObject({ quantity: 40, version: 2 });
    // A quantity without an item goes to an item whose unit it fits, not to a refusal by chance.
    for (let n = 0; n < 10; n++) expect((await post(gateway, 'inspection-failure', { quantity: 1.5 })).status).toBe(200);
    // More than the lot holds is a lot that cannot give it: the scenario cannot run.
    await expectRefused(gateway, 'consume', { lotId: lot, quantity: 41 }, 422, 'quantity: 41 exceeds the 40 EA of lot L-' + lot.slice(2));
  });

  it('is a count or a rate that is not whole or out of range: 400 naming it and the value', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    await expectRefused(gateway, 'burst', { count: 1.5 }, 400, 'count: must be a whole number from 1 to 100000, not 1.5');
    await expectRefused(gateway, 'burst', { count: 'many' }, 400, 'count: must be a whole number from 1 to 100000, not "many"');
    await expectRefused(gateway, 'drop-replies', { count: -1 }, 400, 'count: must be a whole number from 0 to 10000, not -1');
    await expectRefused(gateway, 'storm', { eventsPerSecond: 1.5, seconds: 1 }, 400, 'eventsPerSecond: must be a whole number from 1 to 20000, not 1.5');
    await expectRefused(gateway, 'storm', { eventsPerSecond: 10, seconds: 0 }, 400, 'seconds: must be a number of seconds above 0, at most 600, not 0');
    await expectRefused(gateway, 'storm', { eventsPerSecond: 10, seconds: 1, delaysPerSecond: 20 }, 400, 'delaysPerSecond: must not exceed eventsPerSecond (10), not 20');
    await expectRefused(gateway, 'line-stopped', { days: 0 }, 400, 'days: must be a whole number of days from 1 to 365, not 0');
  });
});

describe('README', () => {
  it("lists fields every POST endpoint takes: none of them is refused as unknown", async () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const rows = [...readme.matchAll(/`POST \/control\/([\w-]+) \{([^}]*)\}`/g)].map(([, route, fields]) => ({ route: route!, fields: fields!.split(',').map((f) => f.trim().replace(/\?$/, '')) }));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const gateway = await startTestGateway({ planningScale: 0.05 });
    for (const { route, fields } of rows) {
      for (const field of fields) {
        // A value of no field's type: refused as a bad value of that field, never as an unknown one.
        const { status, body } = await post(gateway, route, { [field]: null });
        expect(status, `${route} ${field}`).toBe(400);
        expect(body.error, `${route} ${field}`).toMatch(new RegExp(`(^|; )${field}: (?!unknown field)`));
      }
    }
  });
});

describe('line stoppages that cannot run', () => {
  it('name the plant the ERP does not know', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    await expectRefused(gateway, 'line-stopped', { plant: 'P9', line: 'L1' }, 422, 'plant: the ERP has no plant P9 (plants: P1, P2, P3)');
    await expectRefused(gateway, 'line-stopped', { plant: 'P9' }, 422, 'plant: the ERP has no plant P9 (plants: P1, P2, P3)');
    await expectRefused(gateway, 'line-stopped', { plant: 'P1', line: 'L99' }, 422, /^line: no production order on line L99 in plant P1/);
  });

  it('a line named without its plant stops that line', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const line = gateway.inspect.planningDataset()!.productionOrders[0]!.line;
    for (let n = 0; n < 5; n++) expect((await post(gateway, 'line-stopped', { line })).body).toMatchObject({ line });
  });

  it('a restart of a stoppage that is unknown, already restarted or of another line is a 422 naming it', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const { stoppageId, plant, line } = (await post(gateway, 'line-stopped', { days: 4 })).body as { stoppageId: string; plant: string; line: string };
    const stopped = { stoppageId, plant, line };
    const head = gateway.inspect.streamHead('erp');
    await expectRefused(gateway, 'line-restarted', { stoppageId: 'LS-000099', plant: stopped.plant, line: stopped.line }, 422, 'stoppageId: no line stoppage LS-000099');
    const otherPlant = stopped.plant === 'P1' ? 'P2' : 'P1';
    await expectRefused(gateway, 'line-restarted', { ...stopped, plant: otherPlant }, 422, `plant: stoppage ${stopped.stoppageId} stopped line ${stopped.line} in plant ${stopped.plant}, not in ${otherPlant}`);
    await expectRefused(gateway, 'line-restarted', { ...stopped, line: 'L99' }, 422, `line: stoppage ${stopped.stoppageId} stopped line ${stopped.line} in plant ${stopped.plant}, not L99`);
    expect(gateway.inspect.streamHead('erp')).toBe(head);

    const restarted = await post(gateway, 'line-restarted', stopped);
    expect(restarted).toEqual({ status: 200, body: { on: expect.any(String) as unknown } });
    await expectRefused(gateway, 'line-restarted', stopped, 422, `stoppageId: ${stopped.stoppageId} was restarted on ${restarted.body.on as string}`);
    expect(gateway.inspect.streamHead('erp')).toBe(head + 1);
  });

  it('knows its stoppages after a restart, and a database from before it kept them finds them on the ERP stream', async () => {
    const databasePath = tempDatabasePath();
    const first = await startTestGateway({ databasePath, planningScale: 0.05 });
    const stop = async (gateway: Gateway) => {
      const { stoppageId, plant, line } = (await post(gateway, 'line-stopped', {})).body as { stoppageId: string; plant: string; line: string };
      return { stoppageId, plant, line };
    };
    const [restartedBefore, stillStopped] = [await stop(first), await stop(first)];
    expect((await post(first, 'line-restarted', restartedBefore)).status).toBe(200);
    await first.close();

    const db = new Database(databasePath);
    db.exec('DROP TABLE line_stoppages');
    db.close();
    const second = await startTestGateway({ databasePath, planningScale: 0.05 });
    await expectRefused(second, 'line-restarted', restartedBefore, 422, /^stoppageId: LS-\d+ was restarted on /);
    expect((await post(second, 'line-restarted', stillStopped)).status).toBe(200);
    const third = await stop(second);
    await second.close();

    const reopened = await startTestGateway({ databasePath, planningScale: 0.05 });
    await expectRefused(reopened, 'line-restarted', stillStopped, 422, /was restarted on/);
    expect((await post(reopened, 'line-restarted', third)).status).toBe(200);
  });
});
