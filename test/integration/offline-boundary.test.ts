// A quality engineer works offline on the session token she signed in with: a decision made just
// before it runs out is accepted upstream after she reconnects (it carries the token valid then); one
// just after is refused on the workstation with the sign-in message, and nothing queued is lost.
// Real gateway on 127.0.0.1, real SQLite files; one clock, injected, for the gateway and the workstation.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../orchestration-core/core-types';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { waitFor } from '../helpers/wait-for';
import { useOneClockPlant } from '../helpers/one-clock-plant';

describe('the offline boundary', () => {
  const plant = useOneClockPlant();
  const { clock, stations } = plant;

  const rowsOn = async (core: Core, as: { user: string }) => new Map((await core.handlers['quarantine.list']({}, as)).map((row): [string, QuarantineRow] => [row.lotId, row]));

  it('a decision just before the token runs out goes upstream after reconnect; one just after is refused here', async () => {
    const online = await stations.open('qe.maria', 'quality-engineer', { clock });
    const expiresAt = Date.parse((await online.core.handlers['session.current']({}, online.as) as { expiresAt: string }).expiresAt);
    const lots = [plant.gateway.scenario.inspectionFailure({ quantity: 20 }).lotId, plant.gateway.scenario.inspectionFailure({ quantity: 30 }).lotId];
    await waitFor('both lots on hold', async () => {
      const rows = await rowsOn(online.core, online.as);
      return lots.every((lotId) => rows.get(lotId)?.taskState === 'awaiting-decision');
    });
    await stations.closeAll();

    const floor = await stations.openOffline('qe.maria', { clock });
    const rows = await rowsOn(floor.core, floor.as);
    plant.now = expiresAt - 60_000;
    const justBefore = await floor.core.handlers['quarantine.disposition']({ taskId: rows.get(lots[0]!)!.taskId, postings: [{ decision: 'scrap', quantity: 20 }], reason: 'cracked castings' }, floor.as);
    plant.now = expiresAt + 60_000;
    await expect(
      Promise.resolve().then(() => floor.core.handlers['quarantine.disposition']({ taskId: rows.get(lots[1]!)!.taskId, postings: [{ decision: 'scrap', quantity: 30 }], reason: 'cracked castings' }, floor.as)),
    ).rejects.toThrow(/^session: your sign-in ran out at .*; sign in again to decide \(what is queued stays queued and is sent\)$/);
    expect((await floor.core.handlers['session.current']({}, floor.as))).toMatchObject({ signedIn: true, user: 'qe.maria', expired: true });
    // The first decision is queued; the refused one queued nothing. (The queue's depth would count the
    // escalations the station's SLA timers queue as the clock moves 12 h too.)
    const after = await rowsOn(floor.core, floor.as);
    expect([after.get(lots[0]!)?.taskState, after.get(lots[1]!)?.taskState]).toEqual(['pending-upstream', 'awaiting-decision']);
    await stations.closeAll();

    // Back online after the shift: the gateway judges the queued decision by the time it was made.
    const reconnected = await stations.open('qe.maria', 'quality-engineer', { clock });
    await waitFor('the queued decision answered', async () => (await reconnected.core.handlers['connectors.status']({}, reconnected.as)).every((c) => c.queueDepth === 0));
    const sent = plant.gateway.inspect.commands().filter((c) => c.type === 'lot.disposition');
    expect(sent).toMatchObject([{ commandId: justBefore.commandId, status: 'accepted', body: { issuedBy: 'qe.maria' } }]);
    expect(plant.gateway.inspect.acceptedCount(justBefore.commandId)).toBe(1);
    // Still past its end: reads go on, decisions wait for her to sign in again.
    expect(await reconnected.core.handlers['session.current']({}, reconnected.as)).toMatchObject({ signedIn: true, expired: true });
  }, 60_000);

  it('a session that runs out while nobody touches the station is pushed to its screens all the same', async () => {
    const station = await stations.open('qe.maria', 'quality-engineer', { clock, sessionWatchMs: 50 });
    const expiresAt = Date.parse((await station.core.handlers['session.current']({}, station.as) as { expiresAt: string }).expiresAt);
    const pushed: boolean[] = [];
    const stop = station.core.subscribe('session.changed', (state) => pushed.push(state.signedIn && state.expired));
    // The clock jumps past the end (a machine that slept): no timer fires, nothing is asked.
    plant.now = expiresAt + 60_000;
    await waitFor('the running-out pushed', async () => pushed.includes(true), 5_000);
    // Set back before the end (it was the clock that was wrong): the screens hear that too.
    plant.now = expiresAt - 60_000;
    await waitFor('the session pushed as running again', async () => pushed.at(-1) === false, 5_000);
    stop();
  }, 60_000);

  it('signing out on a shared terminal leaves no user name for the next person, in this run or the next', async () => {
    const terminal = await stations.open('qe.floor', 'quality-engineer', { clock });
    expect(await terminal.core.handlers['session.signOut']({}, terminal.as)).toEqual({ signedIn: false, plant: null, lastUser: null });
    expect(await terminal.core.handlers['session.current']({}, terminal.as)).toMatchObject({ signedIn: false, lastUser: null });
    await stations.closeAll();
    const next = await stations.openOffline('qe.floor', { clock, signedOut: true });
    expect(await next.core.handlers['session.current']({}, next.as)).toMatchObject({ signedIn: false, lastUser: null });
  }, 60_000);
});
