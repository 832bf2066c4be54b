// A shift on the floor without the connector: hundreds of usage decisions queue while upstream consumes,
// produces from, or decides some of the same lots. On reconnect every decision is accepted once or
// shown as a conflict beside what changed: none lost, none applied twice.
import { decimalsOf, roundToUnit } from '../../shared/units';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayConnectors } from '../../electron/gateway-connectors';
import type { QuarantineRow } from '../../shared/api/quarantine';
import type { CommandEnvelope } from '../../shared/commands';
import type { Core } from '../../orchestration-core/core-types';
import { createCore } from '../../orchestration-core/host';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { closeAll, connectSignedClient } from '../simulator/harness';
import { quietLogger } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';
import { memorySessionKeepers, signInAs } from '../helpers/signed-in';
import { waitFor } from '../helpers/wait-for';

const qe = { user: 'qe.floor' };
const lotsOnHold = 300;

/** A small seeded generator: which lots change upstream and how each decision splits are the same every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('a shift offline', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let core: Core | undefined;

  // Signed in online once; the token is kept between the workstation's restarts, as Electron keeps it.
  const keeper = memorySessionKeepers();
  const openCore = async (baseUrl: string): Promise<Core> => {
    core = await createCore({ databasePath: temp.file('core.sqlite'), sessionKeeper: keeper(temp.file('core.sqlite')), connectors: gatewayConnectors(baseUrl), replyTimeoutMs: 2000, logger: quietLogger });
    if (!core.caller()) await signInAs(core, gateway, qe.user, 'quality-engineer');
    return core;
  };
  const rows = async (): Promise<Map<string, QuarantineRow>> => new Map((await core!.handlers['quarantine.list']({}, qe)).map((row) => [row.lotId, row]));

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 11 });
  });
  afterEach(async () => {
    await core?.close();
    core = undefined;
    await closeAll();
    await gateway.close();
    temp.remove();
  });

  it(`${lotsOnHold} decisions queued offline: each accepted once or a conflict beside what changed`, async () => {
    const random = seeded(4242);
    const lotIds = gateway.scenario.burst(lotsOnHold);
    const online = await openCore(gateway.baseUrl);
    await waitFor(`${lotsOnHold} lots blocked and on hold`, async () => {
      const held = await rows();
      return lotIds.every((lotId) => held.get(lotId)?.stockType === 'blocked');
    }, 60_000, 100);
    await online.close();

    // The connector is cut: the core only knows an address where nothing answers.
    const offline = await openCore('http://127.0.0.1:9');
    const held = await rows();
    const decided = new Map<string, string>();
    for (const lotId of lotIds) {
      const row = held.get(lotId)!;
      const decimals = decimalsOf(row.unit);
      const scrap = roundToUnit(row.quantity * random(), decimals);
      const postings = scrap > 0 && scrap < row.quantity ? [{ decision: 'scrap' as const, quantity: scrap }, { decision: 'return-to-vendor' as const, quantity: roundToUnit(row.quantity - scrap, decimals) }] : [{ decision: 'rework' as const, quantity: row.quantity }];
      const { commandId } = await offline.handlers['quarantine.disposition']({ taskId: row.taskId, postings, reason: 'sorted on the floor' }, qe);
      decided.set(lotId, commandId);
    }
    expect((await offline.handlers['connectors.status']({}, qe)).find((c) => c.id === 'erp')).toMatchObject({ state: 'offline' });
    expect(Math.max(...(await offline.handlers['connectors.status']({}, qe)).map((c) => c.queueDepth))).toBeGreaterThanOrEqual(lotsOnHold);
    await offline.close();

    // Meanwhile upstream: production consumes some lots, makes new lots from others, another workstation decides a few.
    const changedUpstream = new Set<string>();
    const decidedElsewhere = new Set<string>();
    const otherWorkstation = await connectSignedClient(gateway, gateway.erpUrl);
    for (const lotId of lotIds) {
      const roll = random();
      if (roll > 0.3) continue;
      changedUpstream.add(lotId);
      const lot = gateway.inspect.lot(lotId)!;
      if (roll < 0.15) gateway.scenario.consumeLot(lotId, Math.min(lot.quantity, 1));
      else if (roll < 0.25) gateway.scenario.produce(lotId, Math.min(lot.quantity, 1));
      else {
        decidedElsewhere.add(lotId);
        const command: CommandEnvelope = {
          commandId: `other-${lotId}`,
          type: 'lot.disposition',
          issuedBy: 'qe.nightshift',
          issuedAt: new Date().toISOString(),
          basedOn: { entity: 'lot', id: lotId, version: lot.version },
          payload: { lotId, valuation: 'reject', code: 'R4', postings: [{ decision: 'keep-blocked', quantity: lot.quantity }], reason: 'held for the supplier visit' },
        };
        expect(await otherWorkstation.command(command)).toMatchObject({ status: 'accepted' });
      }
    }
    expect(changedUpstream.size).toBeGreaterThan(50);

    // Back online: the outbox drains; every decision has its answer.
    const back = await openCore(gateway.baseUrl);
    const settled = await waitFor('every decision answered', async () => {
      const now = await rows();
      // Answered, and what changed upstream heard: the conflicts' events come on the plant's stream too.
      const answered = lotIds.every((lotId) => ['decided', 'conflict'].includes(now.get(lotId)!.taskState));
      // A lot the other workstation decided is decided here too, whatever this one had sent.
      const heard = [...changedUpstream].every((lotId) => (decidedElsewhere.has(lotId) ? now.get(lotId)!.taskState === 'decided' : now.get(lotId)!.lotVersion > now.get(lotId)!.conflict!.sawVersion));
      return answered && heard ? now : undefined;
    }, 120_000, 200);
    expect((await back.handlers['connectors.status']({}, qe)).every((c) => c.queueDepth === 0)).toBe(true);

    let accepted = 0;
    for (const lotId of lotIds) {
      const row = settled.get(lotId)!;
      const commandId = decided.get(lotId)!;
      const deliveries = gateway.inspect.deliveries(commandId);
      expect(deliveries.length, `${lotId}: the decision reached the gateway`).toBeGreaterThanOrEqual(1);
      if (decidedElsewhere.has(lotId)) {
        // Decided on the other workstation first: shown decided by them, ours as overtaken; nothing left to decide.
        expect(row, lotId).toMatchObject({ taskState: 'decided', decidedBy: 'qe.nightshift', decidedHere: false, decisionCode: 'R4', conflict: null, overtaken: { decidedBy: qe.user } });
        expect(row.parts, lotId).toEqual([{ lotId, decision: 'keep-blocked', quantity: row.quantity, stockType: 'blocked' }]);
        expect(gateway.inspect.acceptedCount(commandId)).toBe(0);
      } else if (changedUpstream.has(lotId)) {
        // Overtaken upstream: refused as stale, shown as a conflict with what changed; nothing applied.
        expect(row.taskState, lotId).toBe('conflict');
        expect(row.conflict?.reason, lotId).toMatch(/^stale: /);
        const changes = row.conflict!.changes;
        expect(changes.length, `${lotId}: what changed is shown`).toBeGreaterThanOrEqual(1);
        expect(changes.map((c) => c.type), lotId).toContain('lot.consumed');
        // Only what the decision did not see: our own block, however late it was heard, is not among them.
        expect(changes.filter((c) => c.type === 'lot.statusChanged'), lotId).toEqual([]);
        expect(gateway.inspect.acceptedCount(commandId)).toBe(0);
      } else {
        expect(row.taskState, lotId).toBe('decided');
        expect(gateway.inspect.acceptedCount(commandId), `${lotId}: applied once`).toBe(1);
        expect(deliveries.slice(1).every((d) => d.status === 'duplicate')).toBe(true);
        accepted++;
      }
    }
    expect(accepted + changedUpstream.size).toBe(lotsOnHold);
    // No decision applied twice, none invented: the gateway holds exactly our decisions and the other workstation's.
    const dispositions = gateway.inspect.commands().filter((c) => c.type === 'lot.disposition');
    expect(dispositions.filter((c) => c.commandId.startsWith('other-')).length + decided.size).toBe(dispositions.length);
    console.log(`offline shift: ${lotsOnHold} decisions, ${accepted} accepted once, ${decidedElsewhere.size} decided elsewhere first, ${changedUpstream.size - decidedElsewhere.size} conflicts`);
  }, 240_000);
});
