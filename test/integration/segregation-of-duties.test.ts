// Who may decide is the gateway's to say, from the session token each decision carries: over real
// workstations (their own SQLite files) and the real gateway on 127.0.0.1. The requester cannot approve
// their own request, a role that may not approve is refused here and there, a role taken away on the
// gateway between the request and the approval refuses the approval, and a sign-in that ran out refuses
// the decision on the workstation before it is queued.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../orchestration-core/core-types';
import type { ApprovalRow } from '../../shared/api/approvals';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { connectClient, sessionFor } from '../simulator/harness';
import { waitFor } from '../helpers/wait-for';
import { useOneClockPlant } from '../helpers/one-clock-plant';

describe('segregation of duties', () => {
  const plant = useOneClockPlant();
  const { clock, stations } = plant;

  const rowOn = (core: Core, as: { user: string }, lotId: string, check: (row: QuarantineRow) => boolean) =>
    waitFor(`lot ${lotId} on ${as.user}'s workstation`, async () => (await core.handlers['quarantine.list']({}, as)).find((row) => row.lotId === lotId && check(row)), 20_000);
  const approvalOn = (core: Core, as: { user: string }, check: (row: ApprovalRow) => boolean) =>
    waitFor(`an approval on ${as.user}'s workstation`, async () => (await core.handlers['approvals.list']({}, as)).find(check), 20_000);
  const decisionsOf = (approvalId: string) => plant.gateway.inspect.commands().filter((c) => c.type === 'approval.decide' && (c.body as { payload: { approvalId: string } }).payload.approvalId === approvalId);

  /** A quality engineer asks for a use-as-is; it waits for a supervisor on every workstation. */
  async function useAsIsRequested(engineerName = 'qe.jonas') {
    const engineer = await stations.open(engineerName, 'quality-engineer', { clock });
    const { lotId } = plant.gateway.scenario.inspectionFailure({ quantity: 40 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'use-as-is', quantity: 40 }], reason: 'bore 0.02 mm over, fits the mating part', deviationNumber: 'DEV-9' }, engineer.as);
    const request = await approvalOn(engineer.core, engineer.as, (a) => a.kind === 'use-as-is' && a.deviation?.lotId === lotId);
    return { engineer, lotId, request };
  }

  const decide = (approvalId: string, issuedBy: string, session: string) => ({
    commandId: `raw-${Math.random().toString(36).slice(2, 10)}`,
    type: 'approval.decide',
    issuedBy,
    issuedAt: new Date(plant.now).toISOString(),
    payload: { approvalId, decision: 'approve', reason: 'looks fine to me' },
    session,
  });

  it('a role that may not approve is refused on the workstation and at the gateway, whatever the command says of its sender', async () => {
    const { engineer, request } = await useAsIsRequested();
    // Locally: the role table, before anything is queued.
    await expect(Promise.resolve().then(() => engineer.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'mine is fine' }, engineer.as))).rejects.toThrow('Only a supervisor can decide; you are signed in as a quality engineer.');
    // Past the app: the engineer's own token, the command claiming a supervisor sent it.
    const raw = await connectClient(plant.gateway.erpUrl);
    const asSupervisor = await raw.command(decide(request.id, 'sv.ines', await sessionFor(plant.gateway, 'qe.jonas', 'quality-engineer')));
    expect(asSupervisor).toMatchObject({ status: 'rejected', reason: 'role: qe.jonas (quality-engineer) may not send approval.decide' });
    // A supervisor's token on a request they made themselves.
    const supervisor = await stations.open('sv.ines', 'supervisor', { clock });
    const transfer = await raw.command({ commandId: 'own-request', type: 'approval.request', issuedBy: 'sv.ines', issuedAt: new Date(plant.now).toISOString(), payload: { approvalId: 'AP-OWN', kind: 'transfer', subject: 'Move 5 EA', transfer: { transferId: 'RB-OWN', itemId: 'RM-1', fromPlant: 'P1', toPlant: 'P2', quantity: 5, unit: 'EA', shipDate: '2026-12-08', arrivalDate: '2026-12-09', value: 20_000 } }, session: await sessionFor(plant.gateway, 'sv.ines', 'supervisor') });
    expect(transfer).toMatchObject({ status: 'accepted' });
    const own = await approvalOn(supervisor.core, supervisor.as, (a) => a.id === 'AP-OWN');
    expect(own.cannotDecideReason).toBe('You requested this transfer; another supervisor must decide it.');
    expect(await raw.command(decide('AP-OWN', 'sv.tom', await sessionFor(plant.gateway, 'sv.ines', 'supervisor')))).toMatchObject({ status: 'rejected', reason: 'issuedBy: sv.ines requested AP-OWN and cannot decide their own request' });
    expect(decisionsOf(request.id).map((c) => c.status)).toEqual(['rejected']);
  }, 60_000);

  it('a supervisor whose role was taken away on the gateway after the request cannot approve it; nothing goes upstream', async () => {
    const { engineer, lotId, request } = await useAsIsRequested();
    const supervisor = await stations.open('sv.ines', 'supervisor', { clock });
    await approvalOn(supervisor.core, supervisor.as, (a) => a.id === request.id && a.canDecide);
    // IT moves her to planning; her token still says supervisor until the shift ends.
    const plants = plant.gateway.inspect.plants();
    plant.gateway.identity.users.setRoles('sv.ines', Object.fromEntries(plants.map((code) => [code, ['planner' as const]])), new Date(plant.now).toISOString());
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'deviation signed' }, supervisor.as);
    const refused = await approvalOn(supervisor.core, supervisor.as, (a) => a.id === request.id && a.refusedUpstream !== null);
    expect(refused.refusedUpstream).toBe(`role: sv.ines (signed in as supervisor, now planner on this gateway) may not send approval.decide at ${plant.gateway.inspect.lot(lotId)!.plant}`);
    expect(decisionsOf(request.id)).toMatchObject([{ status: 'rejected', body: { issuedBy: 'sv.ines' } }]);
    // The request stays open for a supervisor; the lot is not released on anyone's word.
    expect(plant.gateway.inspect.lot(lotId)?.stockType).toBe('blocked');
    await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'awaiting-approval');
  }, 60_000);

  it('a quality engineer disabled on the gateway since signing in sees the decision refused for the sign-in, not as a conflict; the lot stays blocked', async () => {
    const engineer = await stations.open('qe.jonas', 'quality-engineer', { clock });
    const { lotId } = plant.gateway.scenario.inspectionFailure({ quantity: 30 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    plant.gateway.identity.users.disable('qe.jonas', new Date(plant.now).toISOString());
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'scrap', quantity: 30 }], reason: 'cracked housing' }, engineer.as);
    const refused = await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'conflict');
    expect(refused.conflict).toMatchObject({ kind: 'sign-in', reason: expect.stringMatching(/^session token: user qe.jonas was disabled /) });
    expect(plant.gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'blocked', quantity: 30 });
    // Someone who may still decide it does, from their own workstation: the lot is theirs to decide.
    const colleague = await stations.open('qe.maria', 'quality-engineer', { clock });
    const open = await rowOn(colleague.core, colleague.as, lotId, (row) => row.taskState === 'awaiting-decision');
    await colleague.core.handlers['quarantine.disposition']({ taskId: open.taskId, postings: [{ decision: 'scrap', quantity: 30 }], reason: 'cracked housing' }, colleague.as);
    await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'decided' && row.decidedBy === 'qe.maria');
  }, 60_000);

  it('a quality engineer who keeps the role at other plants only is refused a decision on a lot of the plant she lost it at', async () => {
    const engineer = await stations.open('qe.jonas', 'quality-engineer', { clock });
    const { lotId } = plant.gateway.scenario.inspectionFailure({ quantity: 30 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    const lotPlant = plant.gateway.inspect.lot(lotId)!.plant;
    const others = plant.gateway.inspect.plants().filter((code) => code !== lotPlant);
    plant.gateway.identity.users.setRoles('qe.jonas', { [lotPlant]: ['operator'], ...Object.fromEntries(others.map((code) => [code, ['quality-engineer' as const]])) }, new Date(plant.now).toISOString());
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings: [{ decision: 'scrap', quantity: 30 }], reason: 'cracked housing' }, engineer.as);
    const refused = await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'conflict');
    expect(refused.conflict).toMatchObject({ kind: 'role', reason: expect.stringMatching(new RegExp(`^role: qe\\.jonas \\(signed in as quality-engineer, now operator at ${lotPlant}; quality-engineer at .*\\) may not send lot\\.disposition at ${lotPlant}$`)) });
    expect(plant.gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'blocked', quantity: 30 });
  }, 60_000);

  it('past the end of the shift a supervisor’s decision is refused on the workstation, and a token that ran out at the gateway', async () => {
    const { request } = await useAsIsRequested();
    const supervisor = await stations.open('sv.ines', 'supervisor', { clock });
    await approvalOn(supervisor.core, supervisor.as, (a) => a.id === request.id && a.canDecide);
    const session = await sessionFor(plant.gateway, 'sv.tom', 'supervisor');
    plant.now += 12 * 3_600_000 + 60_000;
    await expect(Promise.resolve().then(() => supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'late' }, supervisor.as))).rejects.toThrow(/^session: your sign-in ran out at .*; sign in again to decide/);
    expect((await supervisor.core.handlers['connectors.status']({}, supervisor.as)).every((c) => c.queueDepth === 0)).toBe(true);
    const raw = await connectClient(plant.gateway.erpUrl);
    expect(await raw.command(decide(request.id, 'sv.tom', session))).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^session token: expired .*; sign in again$/) });
    // A forged one is refused too, naming why.
    const forged = `${session.slice(0, -8)}AAAAAAAA`;
    expect(await raw.command(decide(request.id, 'sv.tom', forged))).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^session token: /) });
    expect(decisionsOf(request.id).map((c) => c.status)).toEqual(['rejected', 'rejected']);
  }, 60_000);
});
