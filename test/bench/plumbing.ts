// The sync plumbing beside its physical limits on this machine, measured in the same run: raw
// socket.io messages and acknowledgements over 127.0.0.1, raw batched SQLite inserts, then the
// core's end-to-end ingest, its catch-up after a long offline period, and its outbox drain.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import { defaultPushWindow } from '../../orchestration-core/connectors/outbox-pusher';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import { openStore } from '../../orchestration-core/store/open-store';
import { createRepos } from '../../orchestration-core/store/repos';
import type { CanonicalCommand } from '../../shared/commands';
import { startGateway } from '../../simulator/gateway';
import { maxEventsPerEmit } from '../../simulator/sync-session';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { memorySessionKeepers, signInAs } from '../helpers/signed-in';
import { waitFor } from '../helpers/wait-for';
import { floorDrain, floorIngest, sampleEvent, validationMicroseconds } from './plumbing-floor';
import { figure, report } from './report';

const catchUpEvents = Number(process.env['BENCH_CATCH_UP'] ?? 500_000);
const drainCommands = Number(process.env['BENCH_DRAIN'] ?? 20_000);
const qe = { user: 'qe.bench' };

async function rawSocketIo(events: number): Promise<{ eventsPerSecond: number; acksPerSecond: number }> {
  const httpServer = createServer();
  const server = new Server(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const batch = Array.from({ length: maxEventsPerEmit }, (_, i) => sampleEvent(i + 1));
  server.on('connection', (socket) => {
    socket.on('go', (count: number) => {
      for (let sent = 0; sent < count; sent += batch.length) socket.emit('events', batch);
    });
    socket.on('command', (_command: unknown, ack: (reply: unknown) => void) => ack({ status: 'accepted' }));
  });
  const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  try {
    let received = 0;
    let wanted = 0;
    let arrived = () => {};
    client.on('events', (list: unknown[]) => {
      received += list.length;
      if (received >= wanted) arrived();
    });
    const plainEmits = async (count: number): Promise<number> => {
      received = 0;
      wanted = count;
      const start = performance.now();
      const done = new Promise<void>((resolve) => (arrived = resolve));
      client.emit('go', count);
      await done;
      return received / ((performance.now() - start) / 1000);
    };
    // Round trips with an acknowledgement, as many in flight as the outbox pusher keeps.
    const command = { commandId: 'c', type: 'lot.setStatus', payload: { lotId: 'L-1', stockType: 'blocked', reason: 'bench' } };
    const roundTrips = async (acks: number): Promise<number> => {
      let next = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: defaultPushWindow }, async () => {
          while (next++ < acks) await client.timeout(5000).emitWithAck('command', command);
        }),
      );
      return acks / ((performance.now() - start) / 1000);
    };
    // Warmed up first: a limit is what the endpoints do once compiled, not their first run.
    await plainEmits(events / 4);
    const eventsPerSecond = await plainEmits(events);
    await roundTrips(5000);
    return { eventsPerSecond, acksPerSecond: await roundTrips(20_000) };
  } finally {
    client.disconnect();
    await server.close();
  }
}

function rawSqliteInserts(path: string, rows: number): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE inbox (event_id TEXT PRIMARY KEY, stream TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, outcome TEXT NOT NULL, at TEXT NOT NULL)');
  const insert = db.prepare("INSERT INTO inbox VALUES (?, 'erp', ?, 'goods.received', 'applied', '2026-12-01T08:00:00Z')");
  const start = performance.now();
  const inBatch = db.transaction((from: number) => {
    for (let i = from; i < from + maxEventsPerEmit; i++) insert.run(`erp-${i}`, i);
  });
  for (let from = 0; from < rows; from += maxEventsPerEmit) inBatch(from);
  const perSecond = rows / ((performance.now() - start) / 1000);
  db.close();
  return perSecond;
}

export async function benchPlumbing(): Promise<void> {
  console.log('\n# sync plumbing beside the physical limits');
  const temp = makeTempDir();
  let core: Core | undefined;
  try {
    const raw = await rawSocketIo(200_000);
    figure('raw socket.io, events in batches of 500', raw.eventsPerSecond, 'events/s');
    figure(`raw socket.io acknowledgements, ${defaultPushWindow} in flight`, raw.acksPerSecond, 'acks/s');
    const sqlite = rawSqliteInserts(temp.file('raw.sqlite'), 200_000);
    figure('raw SQLite inserts, 500 per FULL-synced transaction', sqlite, 'rows/s');
    // The least the design asks per event and per command (plumbing-floor.ts): what any implementation pays.
    const floorEvents = await floorIngest((name) => temp.file(name), 200_000);
    figure('floor of the design: read, send, validate, inbox + lot + cursor', floorEvents, 'events/s');
    figure('  floor as a share of raw socket.io', (100 * floorEvents) / raw.eventsPerSecond, '%');
    const validation = validationMicroseconds(100_000);
    figure('  of which zod validation alone', validation, 'µs/event');
    figure('  zod validation beside a raw socket.io event', (100 * validation) / (1e6 / raw.eventsPerSecond), '%');
    const floorCommands = await floorDrain((name) => temp.file(name), drainCommands);
    figure('floor of the design: record command + delivery, ack, record reply', floorCommands, 'commands/s');
    figure('  floor as a share of raw acknowledgements', (100 * floorCommands) / raw.acksPerSecond, '%');

    // Catch-up: the workstation synced once, then the gateway's log grew while it was away; on
    // its return it replays everything after its cursor (no snapshot: the gateway keeps the log).
    const gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 3 });
    const coreFile = temp.file('core.sqlite');
    const keeper = memorySessionKeepers()(coreFile);
    const startCore = async (): Promise<Core> => (core = await createCore({ databasePath: coreFile, sessionKeeper: keeper, connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger }));
    const online = async (started: Core) => waitFor('online', async () => (await started.handlers['connectors.status']({}, qe)).every((c) => c.state === 'online'), 600_000, 50);
    const first = await startCore();
    await signInAs(first, gateway, qe.user, 'quality-engineer');
    await online(first);
    await first.close();
    const appendStart = performance.now();
    const headBefore = gateway.inspect.streamHead('erp');
    gateway.scenario.receiveGoods(catchUpEvents, 5000);
    figure(`(simulator appended ${catchUpEvents} goods receipts)`, (performance.now() - appendStart) / 1000, 's');
    const head = gateway.inspect.streamHead('erp');
    const watcher = new Database(coreFile, { readonly: true });
    const cursor = () => (watcher.prepare("SELECT coalesce(max(seq), 0) FROM cursors WHERE stream = 'erp'").pluck().get() as number | null) ?? 0;
    const catchUpStart = performance.now();
    const cpuBefore = process.cpuUsage();
    const returning = await startCore();
    await waitFor('caught up', () => cursor() >= head, 600_000, 50);
    const catchUpSeconds = (performance.now() - catchUpStart) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const replayed = head - headBefore;
    // Steadier than wall time on a shared machine: the gateway's and the core's CPU per event together.
    figure('  CPU per replayed event (gateway and core, one process)', (cpu.user + cpu.system) / replayed, 'µs');
    report(`catch-up of ${replayed} events after a long offline period`, catchUpSeconds, 's', 20, false);
    const ingestPerSecond = replayed / catchUpSeconds;
    report('end-to-end ingest (socket -> validation -> inbox, state, cursor -> workflows)', ingestPerSecond, 'events/s', Math.round(raw.eventsPerSecond / 3), true);
    figure('  ingest as a share of raw socket.io', (100 * ingestPerSecond) / raw.eventsPerSecond, '%');
    figure('  ingest as a share of raw SQLite inserts', (100 * ingestPerSecond) / sqlite, '%');
    figure('  ingest as a share of the design\'s floor', (100 * ingestPerSecond) / floorEvents, '%');
    await returning.close();
    core = undefined;

    // Outbox drain: commands queued offline (one per lot, so the window is full), then reconnect.
    const lotIds = (watcher.prepare("SELECT lot_id FROM lots ORDER BY lot_id DESC LIMIT ?").pluck().all(drainCommands) as string[]);
    watcher.close();
    const store = openStore(coreFile);
    const repos = createRepos(store.db);
    store.durableTransaction(() => {
      for (const lotId of lotIds) {
        const command: CanonicalCommand = { commandId: `drain-${lotId}`, type: 'lot.setStatus', issuedBy: 'system', issuedAt: new Date().toISOString(), payload: { lotId, stockType: 'blocked', reason: 'bench drain' } };
        repos.outbox.enqueue(command, 'erp', lotId, command.issuedAt);
      }
    });
    store.close();
    // Timed from the moment the core is up: its connectors connect after that, so no command leaves before.
    const startCoreAt = performance.now();
    core = await createCore({ databasePath: coreFile, sessionKeeper: keeper, connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger });
    const drainStart = performance.now();
    const drainCpuBefore = process.cpuUsage();
    figure('(core start before the drain)', drainStart - startCoreAt, 'ms');
    const started = core;
    await waitFor('outbox drained', async () => (await started.handlers['connectors.status']({}, qe)).every((c) => c.queueDepth === 0), 600_000, 5);
    const drainPerSecond = lotIds.length / ((performance.now() - drainStart) / 1000);
    const drainCpu = process.cpuUsage(drainCpuBefore);
    report(`outbox drain (${lotIds.length} commands, replies recorded)`, drainPerSecond, 'commands/s', Math.round(raw.acksPerSecond * 0.4), true);
    figure('  drain as a share of raw acknowledgements', (100 * drainPerSecond) / raw.acksPerSecond, '%');
    figure('  CPU per command (gateway and core, one process)', (drainCpu.user + drainCpu.system) / lotIds.length, 'µs');
    figure('  drain as a share of the design\'s floor', (100 * drainPerSecond) / floorCommands, '%');
    await core.close();
    core = undefined;
    await gateway.close();
  } finally {
    await core?.close();
    temp.remove();
  }
}
