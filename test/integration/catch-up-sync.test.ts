// A workstation back after a long offline period, over the real gateway: the replay arrives as many
// socket messages and is applied in large transactions; queued commands drain in windows.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import { openStore } from '../../orchestration-core/store/open-store';
import { createRepos } from '../../orchestration-core/store/repos';
import type { CanonicalCommand } from '../../shared/commands';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { memorySessionKeepers, signInAs } from '../helpers/signed-in';

const qe = { user: 'qe.anna' };

describe('catch-up after a long offline period', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let core: Core | undefined;
  const coreFile = () => temp.file('core.sqlite');

  // The engineer's token is kept between restarts, as Electron keeps it; the decisions carry it.
  const keepers = memorySessionKeepers();
  async function startCore(): Promise<Core> {
    core = await createCore({ databasePath: coreFile(), sessionKeeper: keepers(coreFile()), connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger });
    if (!core.caller()) await signInAs(core, gateway, qe.user, 'quality-engineer');
    return core;
  }
  const online = (started: Core) =>
    waitFor('both connectors online', async () => (await started.handlers['connectors.status']({}, qe)).every((c) => c.state === 'online'), 30_000, 5);
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
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 11 });
  });
  afterEach(async () => {
    await core?.close();
    core = undefined;
    await gateway.close();
    temp.remove();
  });

  it('applies a replay of many messages once each, and reports online only once all of it is applied', async () => {
    const first = await startCore();
    await online(first);
    // The blocks of the dataset's open inspections are answered (and published) before the replay is counted.
    await waitFor('the outbox drained', async () => (await first.handlers['connectors.status']({}, qe)).every((c) => c.queueDepth === 0), 30_000);
    await core!.close();
    const before = gateway.inspect.streamHead('erp');
    gateway.scenario.receiveGoods(12_000, 3000);
    const head = gateway.inspect.streamHead('erp');

    await online(await startCore());
    // Checked at the moment it reports online: caught-up is handled after the events that came before it.
    const applied = readDb((db) => ({
      cursor: db.prepare("SELECT seq FROM cursors WHERE stream = 'erp'").pluck().get(),
      inbox: db.prepare("SELECT count(*) FROM inbox WHERE stream = 'erp' AND seq > ?").pluck().get(before),
      distinctSeqs: db.prepare("SELECT count(DISTINCT seq) FROM inbox WHERE stream = 'erp' AND seq > ?").pluck().get(before),
      deadLetters: db.prepare('SELECT count(*) FROM dead_letters').pluck().get(),
    }));
    expect(applied).toEqual({ cursor: head, inbox: head - before, distinctSeqs: head - before, deadLetters: 0 });
  });

  it('drains commands queued offline, each accepted once, commands on one lot in the order they were decided', async () => {
    await online(await startCore());
    await core!.close();
    gateway.scenario.receiveGoods(50, 50);
    await online(await startCore());
    await core!.close();
    core = undefined;
    const lotIds = readDb((db) => db.prepare('SELECT lot_id FROM lots ORDER BY lot_id LIMIT 40').pluck().all() as string[]);
    // Three commands per lot, interleaved across lots the way decisions pile up.
    const commands: CanonicalCommand[] = [];
    const session = keepers(coreFile()).load()!;
    for (const stockType of ['blocked', 'unrestricted', 'blocked'] as const) {
      for (const lotId of lotIds) {
        commands.push({ commandId: `${lotId}-${commands.length}`, type: 'lot.setStatus', issuedBy: qe.user, issuedAt: new Date().toISOString(), payload: { lotId, stockType, reason: 'catch-up test' }, session });
      }
    }
    const store = openStore(coreFile());
    const repos = createRepos(store.db);
    store.durableTransaction(() => {
      for (const command of commands) repos.outbox.enqueue(command, 'erp', command.type === 'lot.setStatus' ? command.payload.lotId : null, command.issuedAt);
    });
    store.close();

    const started = await startCore();
    await waitFor('outbox drained', async () => (await started.handlers['connectors.status']({}, qe)).every((c) => c.queueDepth === 0), 30_000, 5);
    for (const command of commands) expect(gateway.inspect.acceptedCount(command.commandId)).toBe(1);
    const delivered = gateway.inspect.deliveries().map((delivery) => delivery.commandId);
    for (const lotId of lotIds) {
      const own = commands.filter((command) => command.type === 'lot.setStatus' && command.payload.lotId === lotId).map((command) => command.commandId);
      expect(delivered.filter((commandId) => own.includes(commandId ?? ''))).toEqual(own);
    }
    expect(gateway.inspect.lot(lotIds[0]!)?.stockType).toBe('blocked');
  });
});
