// A plant's B2MML messages over the real gateway: the plant connector's format adapter turns a
// V0700 operations performance into genealogy that containment follows, a V0401 material definition
// into master data, and puts a malformed message in the dead letters while the stream goes on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { signInAs } from '../helpers/signed-in';

const qe = { user: 'qe.anna' };
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/b2mml', name), 'utf8');

describe('B2MML on the plant connector', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let core: Core;

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 3 });
    core = await createCore({ databasePath: temp.file('core.sqlite'), connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger });
    await signInAs(core, gateway, qe.user, 'quality-engineer');
    await waitFor('online', async () => (await core.handlers['connectors.status']({}, qe)).every((c) => c.state === 'online'), 20_000);
  });
  afterEach(async () => {
    await core.close();
    await gateway.close();
    temp.remove();
  });

  it('a performance message gives a failed lot its genealogy, two levels deep', async () => {
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 300 });
    await waitFor('the failed lot on hold', async () => (await core.handlers['quarantine.list']({}, qe)).some((row) => row.lotId === lotId));
    // The vendor's steel bar lot is our failed lot: machined into pistons (LOT-B), built into cylinders (LOT-C).
    gateway.scenario.plantMessage('P1', fixture('v0700-operations-performance.xml').replaceAll('LOT-A', lotId));
    const report = await waitFor('the genealogy', async () => {
      const found = await core.handlers['quarantine.containment']({ lotId }, qe);
      return found.lots.length >= 2 ? found : undefined;
    });
    expect(report.consumedBy).toEqual([{ productionOrderId: 'MO-SA-1001', quantity: 120.5, unit: 'M' }]);
    expect(report.lots.map((l) => [l.depth, l.parentLotId, l.productionOrderId, l.lotId])).toEqual([
      [1, lotId, 'MO-SA-1001', 'LOT-B'],
      [2, 'LOT-B', 'MO-FG-2001', 'LOT-C'],
    ]);
    expect((await core.handlers['quarantine.list']({}, qe)).find((row) => row.lotId === lotId)?.consumedQuantity).toBe(120.5);
  });

  it('a malformed message goes to the dead letters with the reason; the next message still applies', async () => {
    gateway.scenario.plantMessage('P1', '<SyncMaterialLot xmlns="http://www.mesa.org/xml/B2MML"><DataArea><MaterialLot><ID>X</ID>');
    gateway.scenario.plantMessage('P1', fixture('examples-v0401/MAT-20121210170256-CRBN0001.xml'));
    const head = gateway.inspect.streamHead('mes.P1');
    await waitFor('the plant stream applied', () => {
      const db = new Database(temp.file('core.sqlite'), { readonly: true });
      try {
        return db.prepare("SELECT seq FROM cursors WHERE stream = 'mes.P1'").pluck().get() === head;
      } finally {
        db.close();
      }
    });
    const db = new Database(temp.file('core.sqlite'), { readonly: true });
    try {
      const letters = db.prepare("SELECT reason, stream FROM dead_letters WHERE stream = 'mes.P1'").all() as { reason: string; stream: string }[];
      expect(letters).toHaveLength(1);
      expect(letters[0]!.reason).toMatch(/^b2mml: xml: not well-formed/);
      expect(db.prepare("SELECT outcome FROM inbox WHERE stream = 'mes.P1' ORDER BY seq").pluck().all()).toEqual(['dead-lettered', 'applied']);
    } finally {
      db.close();
    }
    const status = await core.handlers['connectors.status']({}, qe);
    expect(status.find((c) => c.id === 'plant-P1')?.state).toBe('online');
  });
});
