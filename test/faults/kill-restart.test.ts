// Kills the core's process with SIGKILL at a random point during a burst of events and decisions,
// restarts it on the same SQLite file, and checks that nothing was applied twice or skipped and that
// no decision made before the kill was lost or sent twice. Seeds are printed; FAULT_SEEDS=3,17 reruns some.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { spawnCoreChild, type CoreChild } from '../helpers/core-child';
import { putUser } from '../helpers/signed-in';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

const seeds = process.env.FAULT_SEEDS ? process.env.FAULT_SEEDS.split(',').map(Number) : Array.from({ length: 20 }, (_, i) => 1001 + i);
const failuresPerRun = 500; // two events each (goods receipt, inspection failure) and two commands (block, disposition)
const streams = ['erp', 'qms.P1', 'mes.P1'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


describe('SIGKILL during a burst, then restart', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let gateway: Gateway | undefined;
  let children: CoreChild[] = [];
  afterEach(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    children = [];
    await gateway?.close();
    temp?.remove();
  });

  it.each(seeds)('seed %i: nothing applied twice or skipped, no decision lost or sent twice', { timeout: 120_000 }, async (seed) => {
    const random = mulberry32(seed);
    temp = makeTempDir('plant-orchestrator-fault-');
    const coreDb = temp.file('core.sqlite');
    const started = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed });
    // The child signs in as this quality engineer, with the test password.
    await putUser(started, 'qe.fault', 'quality-engineer');
    gateway = started;
    const env = { CORE_DB: coreDb, GATEWAY_URL: started.baseUrl };
    const seededOpen = started.inspect.openInspections().map((open) => open.lotId);
    const openAtStart = seededOpen.length;
    const blockedAtStart = seededOpen.filter((lotId) => started.inspect.lot(lotId)?.stockType === 'blocked').length;

    const first = spawnCoreChild(env);
    children.push(first);
    await first.ready();
    const killAfterMs = Math.round(50 + random() * 1_500);
    const killed = sleep(killAfterMs).then(() => first.process.kill('SIGKILL'));
    for (let sent = 0; sent < failuresPerRun; sent += 50) {
      started.scenario.burst(50);
      await sleep(Math.round(random() * 40));
    }
    await killed;
    await first.exited;
    const decidedBeforeKill = first.lines.filter((line) => line.startsWith('decided ')).map((line) => line.split(' ')[1]!);
    console.log(`fault seed=${seed} killAfterMs=${killAfterMs} decidedBeforeKill=${decidedBeforeKill.length}`);

    const afterKill = new Database(coreDb);
    expect(afterKill.pragma('integrity_check', { simple: true })).toBe('ok');
    afterKill.close();

    const second = spawnCoreChild(env);
    children.push(second);
    await second.ready();
    const accepted = (type: string) => started.inspect.commands().filter((c) => c.type === type && c.status === 'accepted');
    // What the restarted core said besides its decisions (a refusal, an error), for the failure message.
    const remarks = () => [...first.lines, ...second.lines].filter((line) => line.startsWith('refused ') || line.startsWith('error ')).slice(-10).join('\n');
    await waitFor('every failed lot dispositioned upstream', () => accepted('lot.disposition').length >= failuresPerRun + openAtStart, 90_000, 100).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; ${accepted('lot.disposition').length} of ${failuresPerRun + openAtStart} accepted; the cores said:\n${remarks()}`);
    });
    await waitFor('the outbox drained', () => {
      const db = new Database(coreDb, { readonly: true });
      try {
        return db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get() === 0;
      } finally {
        db.close();
      }
    }, 30_000, 100);
    // The last replies come before the events the ERP published for them: caught up once every cursor
    // is at its stream's head (what is checked below is that nothing was applied twice or skipped).
    await waitFor('the core caught up with every stream', () => {
      const db = new Database(coreDb, { readonly: true });
      try {
        return streams.every((stream) => (db.prepare('SELECT seq FROM cursors WHERE stream = ?').pluck().get(stream) ?? 0) === started.inspect.streamHead(stream));
      } finally {
        db.close();
      }
    }, 30_000, 100);
    second.process.kill('SIGTERM');
    await second.exited;

    const db = new Database(coreDb, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const stream of streams) {
        const upstreamIds = started.inspect.events(stream).map((e) => e.id).sort();
        const inboxIds = (db.prepare('SELECT event_id FROM inbox WHERE stream = ? ORDER BY event_id').pluck().all(stream) as string[]);
        expect(inboxIds, `inbox of ${stream}`).toEqual(upstreamIds);
        expect(db.prepare('SELECT seq FROM cursors WHERE stream = ?').pluck().get(stream) ?? 0, `cursor of ${stream}`).toBe(started.inspect.streamHead(stream));
      }
      // Lots on hold: the burst's failures, plus the failed inspections the first snapshot carried as open state.
      const failedLots = started.inspect.events('qms.P1').filter((e) => e.type === 'inspection.failed').map((e) => (e.payload as { lotId: string }).lotId);
      const heldLots = db.prepare('SELECT lot_id FROM lot_holds').pluck().all() as string[];
      expect(heldLots).toEqual(expect.arrayContaining(failedLots));
      expect(heldLots.length - failedLots.length).toBe(openAtStart);
      expect(db.prepare('SELECT count(*) FROM workflow_instances').pluck().get()).toBe(heldLots.length);
      expect(db.prepare("SELECT count(*) FROM workflow_history WHERE kind = 'started'").pluck().get()).toBe(heldLots.length);

      const storedDecisions = db.prepare('SELECT command_id FROM decisions').pluck().all() as string[];
      expect(storedDecisions).toEqual(expect.arrayContaining(decidedBeforeKill));
      const upstreamDispositions = accepted('lot.disposition').map((c) => c.commandId).sort();
      expect(upstreamDispositions).toEqual([...storedDecisions].sort());
      for (const commandId of storedDecisions) {
        expect(started.inspect.acceptedCount(commandId), `accepted deliveries of ${commandId}`).toBe(1);
      }
      const dispositionsPerLot = new Map<string, number>();
      for (const c of accepted('lot.disposition')) {
        const lotId = (c.body as { payload: { lotId: string } }).payload.lotId;
        dispositionsPerLot.set(lotId, (dispositionsPerLot.get(lotId) ?? 0) + 1);
      }
      expect([...dispositionsPerLot.keys()].sort()).toEqual([...heldLots].sort());
      expect([...dispositionsPerLot.values()].every((n) => n === 1)).toBe(true);
      expect(accepted('lot.setStatus')).toHaveLength(heldLots.length - blockedAtStart);
    } finally {
      db.close();
    }
  });
});
