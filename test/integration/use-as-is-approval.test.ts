// Use-as-is needs a supervisor: the quality engineer's decision waits for the approval, asked for and
// given on different workstations through the real gateway; the lot.disposition goes upstream once,
// after the approval, with exactly what was approved. A rejection hands the lot back to the engineer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../orchestration-core/core-types';
import type { ApprovalRow } from '../../shared/api/approvals';
import type { QuarantineRow } from '../../shared/api/quarantine';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { closeAll, connectClient, signed } from '../simulator/harness';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { createWorkstations } from '../helpers/workstations';

describe('use-as-is approval across workstations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  const stations = createWorkstations(() => gateway, (name) => temp.file(name));
  const workstation = stations.open;

  const rowOn = (core: Core, as: { user: string }, lotId: string, check: (row: QuarantineRow) => boolean) =>
    waitFor(`lot ${lotId} on ${as.user}'s workstation`, async () => (await core.handlers['quarantine.list']({}, as)).find((row) => row.lotId === lotId && check(row)), 20_000);
  const approvalOn = (core: Core, as: { user: string }, check: (row: ApprovalRow) => boolean) =>
    waitFor(`an approval on ${as.user}'s workstation`, async () => (await core.handlers['approvals.list']({}, as)).find(check), 20_000);
  const dispositionsOf = (lotId: string) => gateway.inspect.commands().filter((c) => c.type === 'lot.disposition' && (c.body as { payload: { lotId: string } }).payload.lotId === lotId);

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5 });
  });
  afterEach(async () => {
    await stations.closeAll();
    await closeAll();
    await gateway.close();
    temp.remove();
  });

  async function useAsIsRequested() {
    const engineer = await workstation('qe.jonas', 'quality-engineer');
    const supervisor = await workstation('sv.ines', 'supervisor');
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 200 });
    const held = await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    const postings = [{ decision: 'use-as-is' as const, quantity: 150 }, { decision: 'scrap' as const, quantity: 50 }];
    await engineer.core.handlers['quarantine.disposition']({ taskId: held.taskId, postings, reason: 'bore 0.02 mm over, fits the mating part', deviationNumber: 'DEV-7' }, engineer.as);
    const waiting = await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'awaiting-approval');
    const request = await approvalOn(supervisor.core, supervisor.as, (a) => a.kind === 'use-as-is' && a.deviation?.lotId === lotId);
    return { engineer, supervisor, lotId, postings, waiting, request };
  }

  it('waits for the supervisor, then sends exactly what was approved, once', async () => {
    const { engineer, supervisor, lotId, postings, waiting, request } = await useAsIsRequested();
    expect(waiting).toMatchObject({ postings, deviationNumber: 'DEV-7', approvalId: request.id, decidedBy: 'qe.jonas', approvedBy: null, approvedAt: null });
    expect(dispositionsOf(lotId)).toEqual([]);
    expect(request).toMatchObject({ status: 'pending', requestedBy: 'qe.jonas', substitution: null, deviation: { lotId, quantity: 150, deviationNumber: 'DEV-7', defectCode: waiting.defectCode }, canDecide: true });
    const own = await approvalOn(engineer.core, engineer.as, (a) => a.id === request.id);
    expect(own.canDecide).toBe(false);
    expect(own.cannotDecideReason).toBe('Only a supervisor can decide; you are signed in as a quality engineer.');
    // The supervisor's own Quarantine shows the lot as the engineer left it: requested, awaiting approval,
    // and no second usage decision is taken there meanwhile.
    const elsewhere = await rowOn(supervisor.core, supervisor.as, lotId, (row) => row.taskState === 'awaiting-approval');
    expect(elsewhere).toMatchObject({ postings, deviationNumber: 'DEV-7', approvalId: request.id, decidedBy: 'qe.jonas', decidedHere: false });
    const colleague = await workstation('qe.lina', 'quality-engineer');
    const onColleague = await rowOn(colleague.core, colleague.as, lotId, (row) => row.taskState === 'awaiting-approval');
    await expect(
      Promise.resolve().then(() => colleague.core.handlers['quarantine.disposition']({ taskId: onColleague.taskId, postings: [{ decision: 'scrap', quantity: 200 }], reason: 'scrap' }, colleague.as)),
    ).rejects.toThrow(`taskId: lot ${lotId} awaits a supervisor's approval of the use-as-is qe.jonas asked for (${request.id})`);

    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'deviation signed by design' }, supervisor.as);
    const decided = await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'decided');
    // The engineer's panel says who approved it and when, as the approval came back through the gateway.
    const approved = await approvalOn(engineer.core, engineer.as, (a) => a.id === request.id && a.status === 'approved');
    expect(decided).toMatchObject({ approvalId: request.id, approvedBy: 'sv.ines', approvedAt: approved.decidedAt });
    // The same on the supervisor's own Quarantine, which never held the decision.
    await rowOn(supervisor.core, supervisor.as, lotId, (row) => row.taskState === 'decided' && row.approvalId === request.id && row.approvedBy === 'sv.ines' && row.approvedAt === approved.decidedAt);
    expect(Date.parse(decided.approvedAt ?? '')).not.toBeNaN();
    // The supervisor's trail files the decision made upstream under the approval, as the engineer's does.
    const flowOnSupervisor = (await supervisor.core.handlers['audit.entries']({}, supervisor.as)).rows.filter((row) => row.correlationId === request.id).map((row) => row.action);
    expect(flowOnSupervisor).toContain('usage decision made upstream');
    const sent = dispositionsOf(lotId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 'accepted', body: { issuedBy: 'qe.jonas', payload: { postings, deviationNumber: 'DEV-7', approvalId: request.id, approvedBy: 'sv.ines', code: 'R9' } } });
    expect(gateway.inspect.acceptedCount(sent[0]!.commandId)).toBe(1);
    // The used-as-is part is restricted stock under the deviation; the scrapped part left.
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'restricted', quantity: 150 });
  }, 60_000);

  it('a rejection hands the lot back to the engineer with the reason; nothing went upstream', async () => {
    const { engineer, supervisor, lotId, request } = await useAsIsRequested();
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'reject', reason: 'customer does not accept the deviation' }, supervisor.as);
    const back = await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'conflict');
    expect(back.conflict?.reason).toBe('sv.ines rejected the use-as-is: customer does not accept the deviation');
    // A rejection, not a stale decision: the card says nothing went upstream instead of listing lot changes.
    expect(back.conflict?.kind).toBe('approval-rejected');
    // Elsewhere the lot awaits a decision again.
    await rowOn(supervisor.core, supervisor.as, lotId, (row) => row.taskState === 'awaiting-decision' && row.approvalId === null);
    expect(dispositionsOf(lotId)).toEqual([]);
    await engineer.core.handlers['quarantine.disposition']({ taskId: back.taskId, postings: [{ decision: 'scrap', quantity: 200 }], reason: 'scrap it then' }, engineer.as);
    await rowOn(engineer.core, engineer.as, lotId, (row) => row.taskState === 'decided');
    expect(dispositionsOf(lotId).map((c) => c.status)).toEqual(['accepted']);
  }, 60_000);

  it('the gateway refuses a use-as-is nobody approved', async () => {
    const engineer = await workstation('qe.jonas', 'quality-engineer');
    const { lotId } = gateway.scenario.inspectionFailure({ quantity: 10 });
    await rowOn(engineer.core, engineer.as, lotId, (row) => row.stockType === 'blocked');
    const lot = gateway.inspect.lot(lotId)!;
    const erp = await connectClient(gateway.erpUrl);
    // Sent past the app, with the engineer's own session: the gateway's rule still holds.
    const reply = await erp.command(await signed(gateway, 'qe.jonas', 'quality-engineer', {
      commandId: 'sneaky-1',
      type: 'lot.disposition',
      issuedBy: 'qe.jonas',
      issuedAt: new Date().toISOString(),
      basedOn: { entity: 'lot', id: lotId, version: lot.version },
      payload: { lotId, valuation: 'accept', code: 'A2', postings: [{ decision: 'use-as-is', quantity: 10 }], reason: 'looks fine', deviationNumber: 'DEV-1' },
    }));
    expect(reply).toMatchObject({ status: 'rejected', reason: "payload.approvalId: use-as-is needs a supervisor's approval" });
  }, 60_000);
});
