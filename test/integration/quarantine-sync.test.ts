// The vertical slice over real parts: a SQLite file, the simulator over socket.io on 127.0.0.1, the core.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { memorySessionKeepers, signInAs } from '../helpers/signed-in';
import { waitFor } from '../helpers/wait-for';

const qe = { user: 'qe.anna' };

describe('quarantine over the real gateway', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let core: Core | undefined;
  const coreFile = () => temp.file('core.sqlite');

  // The token the workstation signed in with, kept between its restarts as Electron keeps it.
  const keeper = memorySessionKeepers();
  async function startCore(): Promise<Core> {
    core = await createCore({
      databasePath: coreFile(),
      sessionKeeper: keeper(coreFile()),
      connectors: gatewayConnectors(gateway.baseUrl),
      replyTimeoutMs: 300,
      logger: quietLogger,
    });
    const started = core;
    if (!started.caller()) await signInAs(started, gateway, qe.user, 'quality-engineer');
    await waitFor('both connectors online', async () => (await started.handlers['connectors.status']({}, qe)).every((c) => c.state === 'online'));
    return started;
  }

  const rowOf = async (lotId: string) => (await core!.handlers['quarantine.list']({}, qe)).find((row) => row.lotId === lotId);
  const readDb = <T>(read: (db: Database.Database) => T): T => {
    const db = new Database(coreFile(), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 7 });
  });
  afterEach(async () => {
    await core?.close();
    core = undefined;
    await gateway.close();
    temp.remove();
  });

  it('an inspection failure becomes a blocked lot and a disposition task; a disposition produces one command, accepted once despite a dropped reply', async () => {
    const started = await startCore();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 240 });
    const held = await waitFor('the lot blocked upstream and locally', async () => {
      const row = await rowOf(lotId);
      return row?.stockType === 'blocked' ? row : undefined;
    });
    expect(held).toMatchObject({ taskState: 'awaiting-decision', quantity: 240, plant: 'P1' });
    expect(gateway.inspect.lot(lotId)?.stockType).toBe('blocked');
    const blocksOf = (lot: string) => gateway.inspect.commands().filter((c) => c.type === 'lot.setStatus' && (c.body as { payload: { lotId: string } }).payload.lotId === lot);
    expect(blocksOf(lotId)).toHaveLength(1);

    // The decision's reply is lost (not another command's: seeded lots past their SLA may escalate meanwhile).
    gateway.scenario.dropReplies(1, 'lot.disposition');
    const { commandId } = await started.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'scrap', quantity: 240 }], reason: 'porosity on sealing face' }, qe);
    expect((await rowOf(lotId))?.taskState).toBe('pending-upstream');
    await waitFor('the decision accepted', async () => (await rowOf(lotId))?.taskState === 'decided');
    // The stream may say so before the re-sent command's reply does: the outbox still drains.
    await waitFor('the outbox drained', async () => (await started.handlers['connectors.status']({}, qe)).every((c) => c.queueDepth === 0));

    const deliveries = gateway.inspect.deliveries(commandId);
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect(deliveries.filter((d) => d.status === 'accepted')).toHaveLength(1);
    expect(deliveries.slice(1).every((d) => d.status === 'duplicate')).toBe(true);
    expect(gateway.inspect.acceptedCount(commandId)).toBe(1);
    const dispositions = gateway.inspect.commands().filter((c) => c.type === 'lot.disposition');
    expect(dispositions.map((c) => c.commandId)).toEqual([commandId]);
    expect(gateway.inspect.lot(lotId)).toMatchObject({ quantity: 0, stockType: 'blocked' });
    expect(readDb((db) => db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get())).toBe(0);
  });

  it('a decision the gateway finds stale shows as a conflict with the reason', async () => {
    const started = await startCore();
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 100 });
    const held = await waitFor('the lot blocked', async () => {
      const row = await rowOf(lotId);
      return row?.stockType === 'blocked' ? row : undefined;
    });
    // Consumed upstream after the engineer looked, before the decision arrives.
    await started.close();
    core = undefined;
    gateway.scenario.consumeLot(lotId, 30);
    const offline = await createCore({ databasePath: coreFile(), sessionKeeper: keeper(coreFile()), connectors: gatewayConnectors('http://127.0.0.1:9'), logger: quietLogger });
    await offline.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'release', quantity: 100 }], reason: 'measured again, in tolerance' }, qe);
    await offline.close();
    const online = await startCore();
    // The conflict (ERP reply) and what changed (the plant's consumption event) arrive on different connectors.
    const conflicted = await waitFor('the conflict beside the consumed quantity', async () => {
      const row = await rowOf(lotId);
      return row?.taskState === 'conflict' && row.quantity === 70 ? row : undefined;
    });
    expect(conflicted.conflict?.reason).toMatch(/^stale: lot L-\d+ is at version 4, the decision saw version 3$/);
    expect(conflicted.conflict?.kind).toBe('stale');
    const { commandId } = await online.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'release', quantity: 70 }], reason: 'released the remaining 70' }, qe);
    await waitFor('the re-decision accepted', async () => (await rowOf(lotId))?.taskState === 'decided');
    expect(gateway.inspect.acceptedCount(commandId)).toBe(1);
  });

  it('malformed events go to dead letters naming the field, and the connector keeps running', async () => {
    await startCore();
    gateway.scenario.emitRaw('plant/P1', { this: 'is not an event' });
    gateway.scenario.appendRaw('qms.P1', 'lot.teleported', { lotId: 'L-1' });
    gateway.scenario.appendRaw('qms.P1', 'inspection.failed', { lotId: 'L-000001', lotVersion: 2 });
    const { lotId } = gateway.scenario.inspectionFailure();
    await waitFor('the next good event applied', async () => (await rowOf(lotId)) !== undefined);
    const letters = readDb((db) => db.prepare('SELECT reason, stream FROM dead_letters ORDER BY id').all() as { reason: string; stream: string | null }[]);
    expect(letters.map((l) => l.reason)).toEqual([
      expect.stringMatching(/^id: /),
      'type: unknown event type "lot.teleported"',
      expect.stringMatching(/^payload\.inspectionLotId: .*payload\.itemId: /),
    ]);
    expect(letters[1]?.stream).toBe('qms.P1');
    const status = await core!.handlers['connectors.status']({}, qe);
    expect(status.find((c) => c.id === 'plant-P1')?.state).toBe('online');
  });

  it('a new client sees the lots that failed inspection before it first synced', async () => {
    await startCore();
    const open = readDb((db) => db.prepare('SELECT count(*) FROM lot_holds').pluck().get());
    expect(open).toBeGreaterThan(0);
    const rows = await core!.handlers['quarantine.list']({}, qe);
    expect(rows).toHaveLength(open as number);
    expect(rows.every((row) => row.taskState === 'awaiting-decision' && row.defectText.length > 0)).toBe(true);
  });

  it('a restarted core resumes from its cursors without applying anything twice', async () => {
    await startCore();
    const lots = [gateway.scenario.inspectionFailure().lotId, gateway.scenario.inspectionFailure().lotId];
    await waitFor('both lots held', async () => (await Promise.all(lots.map(rowOf))).every((row) => row !== undefined));
    const heldBefore = (await core!.handlers['quarantine.list']({}, qe)).length;
    await core!.close();
    core = undefined;
    const third = gateway.scenario.inspectionFailure().lotId;
    await startCore();
    await waitFor('the third lot held', async () => (await rowOf(third)) !== undefined);
    const counts = readDb((db) => ({
      instances: db.prepare("SELECT count(*) FROM workflow_instances WHERE workflow = 'inspection-failed'").pluck().get(),
      blocks: db.prepare("SELECT count(*) FROM outbox WHERE type = 'lot.setStatus' AND entity_id IN (?, ?, ?)").pluck().get(...lots, third),
      cursor: db.prepare("SELECT seq FROM cursors WHERE stream = 'qms.P1'").pluck().get(),
    }));
    expect(counts).toEqual({ instances: heldBefore + 1, blocks: 3, cursor: gateway.inspect.streamHead('qms.P1') });
    expect(lots.every((lot) => gateway.inspect.lot(lot) !== undefined)).toBe(true);
  });
});
