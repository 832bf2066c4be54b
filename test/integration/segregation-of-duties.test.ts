// Who may decide is the gateway's to say, from the session token each decision carries: over real
// workstations (their own SQLite files) and the real gateway on 127.0.0.1. The requester cannot approve
// their own request, a role that may not approve is refused here and there, a role taken away on the
// gateway between the request and the approval refuses the approval, and a sign-in that ran out refuses
// the decision on the workstation before it is queued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../orchestration-core/core-types';
import type { ApprovalRow } from '../../shared/api/approvals';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { closeAll, connectClient, sessionFor } from '../simulator/harness';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { createWorkstations } from '../helpers/workstations';

describe('segregation of duties', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  let now = Date.now();
  const clock = { now: () => new Date(now) };
  const stations = createWorkstations(() => gateway, (name) => temp.file(name));

  const rowOn = (core: Core, as: { user: string }, lotId: string, check: (row: QuarantineRow) => boolean) =>
    waitFor(`lot ${lotId} on ${as.user}'s workstation`, async () => (await core.handlers['quarantine.list']({}, as)).find((row) => row.lotId === lotId && check(row)), 20_000);
  const approvalOn = (core: Core, as: { user: string }, check: (row: ApprovalRow) => boolean) =>
    waitFor(`an approval on ${as.user}'s workstation`, async () => (await core.handlers['approvals.list']({}, as)).find(check), 20_000);
  const decisionsOf = (approvalId: string) => gateway.inspect.commands().filter((c) => c.type === 'approval.decide' && (c.body as { payload: { approvalId: string } }).payload.approvalId === approvalId);

  beforeEach(async () => {
    temp = makeTempDir();
    now = Date.now();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5, clock: () => new Date(now) });
  });
  afterEach(async () => {
    await stations.closeAll();
    await closeAll();
    await gateway.close();
    temp.remove();
  });

  /** A quality engineer asks for a use-as-is; it waits for a supervisor on every workstation. */
  async function useAsIsRequested(engineerName = 'qe.jonas') {
    const engineer = await stations.open(engineerName, 'quality-engineer', { clock });
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 40 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'use-as-is', quantity: 40 }], reason: 'bore 0.02 mm over, fits the mating part', deviationNumber: 'DEV-9' }, engineer.as);
    const request = await approvalOn(engineer.core, engineer.as, (a) => a.kind === 'use-as-is' && a.deviation?.lotId === lotId);
    return { engineer, lotId, request };
  }

  const decide = (approvalId: string, issuedBy: string, session: string) => ({
    commandId: `raw-${Math.random().toString(36).slice(2, 10)}`,
    type: 'approval.decide',
    issuedBy,
    issuedAt: new Date(now).toISOString(),
    payload: { approvalId, decision: 'approve', reason: 'looks fine to me' },
    session,
  });

  it('a role that may not approve is refused on the workstation and at the gateway, whatever the command says of its sender', async () => {
    const { engineer, request } = await useAsIsRequested();
    // Locally: the role table, before anything is queued.
    await expect(Promise.resolve().then(() => engineer.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'mine is fine' }, engineer.as))).rejects.toThrow('Only a supervisor can decide; you are signed in as a quality engineer.');
    // Past the app: the engineer's own token, the command claiming a supervisor sent it.
    const raw = await connectClient(gateway.erpUrl);
    const asSupervisor = await raw.command(decide(request.id, 'sv.ines', await sessionFor(gateway, 'qe.jonas', 'quality-engineer')));
    expect(asSupervisor).toMatchObject({ status: 'rejected', reason: 'role: qe.jonas (quality-engineer) may not send approval.decide' });
    // A supervisor's token on a request they made themselves.
    const supervisor = await stations.open('sv.ines', 'supervisor', { clock });
    const transfer = await raw.command({ commandId: 'own-request', type: 'approval.request', issuedBy: 'sv.ines', issuedAt: new Date(now).toISOString(), payload: { approvalId: 'AP-OWN', kind: 'transfer', subject: 'Move 5 EA', transfer: { transferId: 'RB-OWN', itemId: 'RM-1', fromPlant: 'P1', toPlant: 'P2', quantity: 5, unit: 'EA', shipDate: '2026-12-08', arrivalDate: '2026-12-09', value: 20_000 } }, session: await sessionFor(gateway, 'sv.ines', 'supervisor') });
    expect(transfer).toMatchObject({ status: 'accepted' });
    const own = await approvalOn(supervisor.core, supervisor.as, (a) => a.id === 'AP-OWN');
    expect(own.cannotDecideReason).toBe('You requested this transfer; another supervisor must decide it.');
    expect(await raw.command(decide('AP-OWN', 'sv.tom', await sessionFor(gateway, 'sv.ines', 'supervisor')))).toMatchObject({ status: 'rejected', reason: 'issuedBy: sv.ines requested AP-OWN and cannot decide their own request' });
    expect(decisionsOf(request.id).map((c) => c.status)).toEqual(['rejected']);
  }, 60_000);

  it('a supervisor whose role was taken away on the gateway after the request cannot approve it; nothing goes upstream', async () => {
    const { engineer, lotId, request } = await useAsIsRequested();
    const supervisor = await stations.open('sv.ines', 'supervisor', { clock });
    await approvalOn(supervisor.core, supervisor.as, (a) => a.id === request.id && a.canDecide);
    // IT moves her to planning; her token still says supervisor until the shift ends.
    const plants = gateway.inspect.plants();
    gateway.identity.users.setRoles('sv.ines', Object.fromEntries(plants.map((plant) => [plant, ['planner' as const]])), new Date(now).toISOString());
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'deviation signed' }, supervisor.as);
    const refused = await approvalOn(supervisor.core, supervisor.as, (a) => a.id === request.id && a.refusedUpstream !== null);
    expect(refused.refusedUpstream).toBe('role: sv.ines (signed in as supervisor, now planner on this gateway) may not send approval.decide');
    expect(decisionsOf(request.id)).toMatchObject([{ status: 'rejected', body: { issuedBy: 'sv.ines' } }]);
    // The request stays open for a supervisor; the lot is not released on anyone's word.
    expect(gateway.inspect.lot(lotId)?.stockType).toBe('blocked');
    await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'awaiting-approval');
  }, 60_000);

  it('past the end of the shift a supervisor’s decision is refused on the workstation, and a token that ran out at the gateway', async () => {
    const { request } = await useAsIsRequested();
    const supervisor = await stations.open('sv.ines', 'supervisor', { clock });
    await approvalOn(supervisor.core, supervisor.as, (a) => a.id === request.id && a.canDecide);
    const session = await sessionFor(gateway, 'sv.tom', 'supervisor');
    now += 12 * 3_600_000 + 60_000;
    await expect(Promise.resolve().then(() => supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'late' }, supervisor.as))).rejects.toThrow(/^session: your sign-in ran out at .*; sign in again to decide/);
    expect((await supervisor.core.handlers['connectors.status']({}, supervisor.as)).every((c) => c.queueDepth === 0)).toBe(true);
    const raw = await connectClient(gateway.erpUrl);
    expect(await raw.command(decide(request.id, 'sv.tom', session))).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^session token: expired .*; sign in again$/) });
    // A forged one is refused too, naming why.
    const forged = `${session.slice(0, -8)}AAAAAAAA`;
    expect(await raw.command(decide(request.id, 'sv.tom', forged))).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^session token: /) });
    expect(decisionsOf(request.id).map((c) => c.status)).toEqual(['rejected', 'rejected']);
  }, 60_000);
});
