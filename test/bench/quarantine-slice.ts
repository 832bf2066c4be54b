// The quarantine slice at volume over real parts (SQLite file, simulator over socket.io on
// 127.0.0.1): events applied, lots blocked and decisions accepted per second, the view's query.
import Database from 'better-sqlite3';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import { startGateway } from '../../simulator/gateway';
import { erpStream, mesStream, qmsStream } from '../../simulator/streams';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { signInAs } from '../helpers/signed-in';
import { waitFor } from '../helpers/wait-for';
import { heapMb, report } from './report';

const lots = Number(process.env['BENCH_LOTS'] ?? 2000);
const qe = { user: 'qe.bench' };

/** What a quality engineer on a floor tablet should never wait on. */
const targets = {
  ingestEventsPerSecond: 1000,
  blocksPerSecond: 200,
  decisionsPerSecond: 200,
  listMsAt2000Rows: 50,
  heapGrowthMb: 200,
};

const headsTotal = (heads: (number | undefined)[]) => heads.reduce<number>((sum, head) => sum + (head ?? 0), 0);

export async function benchQuarantineSlice(): Promise<void> {
  console.log(`\n# quarantine slice, ${lots} failed lots`);
  const temp = makeTempDir();
  const gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 11 });
  let core: Core | undefined;
  try {
    const heads = () => headsTotal([erpStream, qmsStream('P1'), mesStream('P1')].map((s) => gateway.inspect.streamHead(s)));
    core = await createCore({ databasePath: temp.file('core.sqlite'), connectors: gatewayConnectors(gateway.baseUrl), logger: quietLogger });
    const started = core;
    await signInAs(started, gateway, qe.user, 'quality-engineer');
    const list = () => started.handlers['quarantine.list']({}, qe);
    await waitFor('connectors online', async () => (await started.handlers['connectors.status']({}, qe)).every((c) => c.state === 'online'), 30_000);
    const seededRows = (await list()).length;
    globalThis.gc?.();
    const heapBefore = heapMb();

    // 1. A burst of failed lots: events in, lot.setStatus commands out and accepted, all lots blocked.
    const eventsBefore = heads();
    const burstStart = performance.now();
    const lotIds = new Set(gateway.scenario.burst(lots));
    // Progress is watched through a read-only connection with a cheap count, so watching costs little.
    const watcher = new Database(temp.file('core.sqlite'), { readonly: true });
    const count = (sql: string) => watcher.prepare(sql).pluck().get() as number;
    const blockedHolds = "SELECT count(*) FROM lot_holds h JOIN lots l USING (lot_id) WHERE l.stock_type = 'blocked'";
    const acceptedDecisions = "SELECT count(*) FROM decisions WHERE status = 'accepted'";
    const inboxBefore = count('SELECT count(*) FROM inbox');
    await waitFor('every burst event applied', () => count('SELECT count(*) FROM inbox') - inboxBefore >= heads() - eventsBefore, 300_000, 20);
    const ingestSeconds = (performance.now() - burstStart) / 1000;
    await waitFor('every burst lot blocked', () => count(blockedHolds) >= seededRows + lots, 300_000, 20);
    const burstSeconds = (performance.now() - burstStart) / 1000;
    const held = (await list()).filter((row) => lotIds.has(row.lotId));
    const events = heads() - eventsBefore;
    console.log(`burst: ${lots} failed lots, ${events} events applied after ${ingestSeconds.toFixed(2)} s; ${lots} lots blocked upstream after ${burstSeconds.toFixed(2)} s`);
    report('events applied per second', events / ingestSeconds, 'events/s', targets.ingestEventsPerSecond, true);
    report('lots blocked upstream per second', lots / burstSeconds, 'lots/s', targets.blocksPerSecond, true);

    // 2. A usage decision on every lot, pushed and accepted.
    const decideStart = performance.now();
    for (const row of held) await started.handlers['quarantine.disposition']({ taskId: row.taskId, postings: [{ decision: 'scrap', quantity: row.quantity }], reason: 'bench: porosity' }, qe);
    const recordedSeconds = (performance.now() - decideStart) / 1000;
    await waitFor('every decision accepted', () => count(acceptedDecisions) >= lots, 300_000, 20);
    watcher.close();
    const decideSeconds = (performance.now() - decideStart) / 1000;
    console.log(`decisions: ${lots} recorded in ${recordedSeconds.toFixed(2)} s, all accepted upstream after ${decideSeconds.toFixed(2)} s`);
    report('decisions accepted upstream per second', lots / decideSeconds, 'decisions/s', targets.decisionsPerSecond, true);
    const dispositions = gateway.inspect.commands().filter((c) => c.type === 'lot.disposition').length;
    console.log(`gateway holds ${dispositions} lot.disposition commands for ${lots} decisions`);

    // 3. The Quarantine view's query at this size.
    const rows = (await list()).length;
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await list();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)] ?? 0;
    console.log(`quarantine.list: ${rows} rows (${seededRows} seeded), median ${median.toFixed(1)} ms, max ${(samples.at(-1) ?? 0).toFixed(1)} ms`);
    report(`quarantine.list median at ${rows} rows`, median, 'ms', targets.listMsAt2000Rows, false);

    globalThis.gc?.();
    report('heap growth over the run', Math.max(heapMb() - heapBefore, 0.1), 'MB', targets.heapGrowthMb, false);
    console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  } finally {
    await core?.close();
    await gateway.close();
    temp.remove();
  }
}
