// A substitution needs a supervisor's approval, asked for and given on different workstations
// through the real gateway: two cores, each with its own SQLite file and user. The requester can
// never approve their own request (the gateway's own refusal: test/simulator/approvals.test.ts);
// the substitution goes upstream once, after the approval; a rejection returns the exception.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../orchestration-core/core-types';
import type { ApprovalRow } from '../../shared/api/approvals';
import { startGateway, type Gateway } from '../../simulator/gateway';
import { findSubstitutableDelay } from '../helpers/substitutable-delay';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { createWorkstations } from '../helpers/workstations';

const delayDays = 30;

/** A response applied: resolved when it leaves nothing late, answered when orders still are. */
const settled = (status: string): boolean => status === 'resolved' || status === 'answered';

describe('substitution approval across workstations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let gateway: Gateway;
  const stations = createWorkstations(() => gateway, (name) => temp.file(name));
  const workstation = stations.open;

  /** Delays a line a substitution can answer and waits for the requester's open exception. */
  async function substitutableException(core: Core, as: { user: string }) {
    const line = findSubstitutableDelay(gateway.inspect.planningDataset()!, delayDays);
    expect(line, 'a PO line whose delay a substitution can answer').toBeDefined();
    gateway.scenario.supplierDelay({ poLineId: line!.id, days: delayDays });
    const row = await waitFor('the exception', async () => (await core.handlers['impact.exceptions']({}, as)).find((r) => r.type === 'supplier-delay' && r.status === 'open'), 20_000);
    return { line: line!, row };
  }

  async function approvalOn(core: Core, as: { user: string }, check: (row: ApprovalRow) => boolean): Promise<ApprovalRow> {
    return waitFor(`an approval on ${as.user}'s workstation`, async () => (await core.handlers['approvals.list']({}, as)).find(check));
  }

  const substitutions = () => gateway.inspect.commands().filter((c) => c.type === 'substitution.apply');

  /** How the supplier-delay workflows on a workstation ended, read from its SQLite file. */
  function supplierDelayInstances(user: string): string[] {
    const db = new Database(temp.file(`${user}.sqlite`), { readonly: true });
    try {
      return db.prepare("SELECT status FROM workflow_instances WHERE workflow = 'supplier-delay'").pluck().all() as string[];
    } finally {
      db.close();
    }
  }

  beforeEach(async () => {
    temp = makeTempDir();
    gateway = await startGateway({ databasePath: temp.file('gateway.sqlite'), seed: 5, planningScale: 0.2 });
  });
  afterEach(async () => {
    await stations.closeAll();
    await gateway.close();
    temp.remove();
  });

  it('a planner requests, a supervisor on another workstation approves, and the substitution goes upstream once', async () => {
    const planner = await workstation('pl.omar', 'planner');
    const supervisor = await workstation('sv.ines', 'supervisor');
    const { line, row } = await substitutableException(planner.core, planner.as);
    const detail = await planner.core.handlers['impact.exception']({ id: row.id }, planner.as);
    const substitute = detail.responses.find((r) => r.id === 'substitute')!;
    expect(substitute).toMatchObject({ needsApproval: true, commandCount: 0 });
    expect(substitute.projected.revenueAtRisk).toBeLessThan(row.revenueAtRisk);

    const { commandIds } = await planner.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute', note: 'alternate seal qualified' }, planner.as);
    expect(commandIds).toHaveLength(1);
    expect((await planner.core.handlers['impact.exception']({ id: row.id }, planner.as)).exception.status).toBe('awaiting-approval');
    // The answer stands upstream first; then the request for approval goes.
    const waiting = await waitFor('the request for approval', async () => {
      const after = await planner.core.handlers['impact.exception']({ id: row.id }, planner.as);
      return after.approval ? after : undefined;
    });
    expect(gateway.inspect.commands().find((c) => c.commandId === commandIds[0])).toMatchObject({ type: 'exception.answer', status: 'accepted', body: { payload: { responseId: 'substitute', approvalId: waiting.approval!.id } } });
    expect(waiting.exception.status).toBe('awaiting-approval');
    expect(waiting.approval).toMatchObject({ responseId: 'substitute', status: 'pending', requestedBy: 'pl.omar', decidedBy: null });
    expect(substitutions()).toHaveLength(0);

    // The request reaches the supervisor's workstation through the gateway, with what was projected.
    const request = await approvalOn(supervisor.core, supervisor.as, (a) => a.id === waiting.approval!.id);
    expect(request).toMatchObject({ status: 'pending', requestedBy: 'pl.omar', exceptionId: row.id, canDecide: true, projected: substitute.projected });
    // The SLA counts from the request, whenever this workstation heard of it.
    expect(Date.parse(request.dueAt!) - Date.parse(request.requestedAt)).toBe(4 * 3_600_000);
    expect(request).toMatchObject({ kind: 'substitution', deviation: null, substitution: { fromItemId: line.itemId, plant: line.plant } });
    const substitution = request.substitution!;
    expect(substitution.reason).toContain('alternate seal qualified');

    // The requester may not decide it, on their own workstation or by role.
    const own = await approvalOn(planner.core, planner.as, (a) => a.id === request.id);
    expect(own).toMatchObject({ canDecide: false });
    expect(own.cannotDecideReason).toMatch(/only a supervisor/i);
    await expect(async () => planner.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve' }, planner.as)).rejects.toThrow(/approvalId: Only a supervisor can decide/);

    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'same spec, qualified supplier' }, supervisor.as);
    const applied = await waitFor('the substitution accepted upstream', () => {
      const found = substitutions();
      return found.length > 0 && found.every((c) => c.status === 'accepted') ? found : undefined;
    });
    const resolved = await waitFor('the exception resolved', async () => {
      const after = await planner.core.handlers['impact.exception']({ id: row.id }, planner.as);
      return settled(after.exception.status) ? after : undefined;
    });
    expect(resolved).toMatchObject({ chosenResponse: 'substitute', approval: { status: 'approved', decidedBy: 'sv.ines' } });
    // Resolved only when the substitution leaves nothing late; otherwise answered, with what remains.
    const projected = resolved.responses.find((r) => r.id === 'substitute')!.projected;
    expect(resolved.exception).toMatchObject({ status: projected.ordersHit === 0 ? 'resolved' : 'answered', remaining: projected });
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ body: { issuedBy: 'pl.omar', payload: { approvalId: request.id, approvedBy: 'sv.ines', fromItemId: line.itemId } } });
    for (const id of substitution.productionOrderIds) {
      const order = gateway.inspect.planningDataset()!.productionOrders.find((o) => o.id === id)!;
      expect(order.components.map((c) => c.itemId)).toContain(substitution.toItemId);
      expect(order.components.map((c) => c.itemId)).not.toContain(line.itemId);
    }
    // Both workstations hear the decision; a second decision is refused.
    await approvalOn(planner.core, planner.as, (a) => a.id === request.id && a.status === 'approved' && a.decidedBy === 'sv.ines');
    const decided = await approvalOn(supervisor.core, supervisor.as, (a) => a.id === request.id && a.status === 'approved');
    expect(decided).toMatchObject({ canDecide: false, pendingDecision: null, decisionReason: 'same spec, qualified supplier' });
    await expect(async () => supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'reject', reason: 'changed my mind' }, supervisor.as)).rejects.toThrow(/Already approved by sv.ines/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(substitutions()).toHaveLength(1);
    // Both workstations answered the ASN with the receipt-date update under the same commandId: applied once.
    const receiptDates = gateway.inspect.commands().filter((c) => c.type === 'po.updateReceiptDate');
    expect(receiptDates).toHaveLength(1);
    const deliveries = await waitFor('both workstations delivered it', () => {
      const found = gateway.inspect.deliveries(receiptDates[0]!.commandId);
      return found.length >= 2 ? found : undefined;
    });
    expect(deliveries.map((d) => d.status).sort()).toEqual(['accepted', 'duplicate']);
  });

  it('a workstation that joins after the approval shows the substitution approved and the exception settled, not waiting', async () => {
    const planner = await workstation('pl.omar', 'planner');
    const supervisor = await workstation('sv.ines', 'supervisor');
    const { row } = await substitutableException(planner.core, planner.as);
    await planner.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute' }, planner.as);
    const request = await approvalOn(supervisor.core, supervisor.as, (a) => a.exceptionId === row.id && a.status === 'pending');
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: 'qualified alternate' }, supervisor.as);
    const settledThere = await waitFor('the exception settled on the requester’s workstation', async () => {
      const after = await planner.core.handlers['impact.exception']({ id: row.id }, planner.as);
      return settled(after.exception.status) ? after.exception : undefined;
    }, 20_000);

    // A new workstation: it hears of it all from its snapshot.
    const late = await workstation('pl.rosa', 'planner');
    const seen = await waitFor('the exception on the late workstation', async () => (await late.core.handlers['impact.exceptions']({}, late.as)).find((r) => r.id === row.id), 20_000);
    expect(seen.status).toBe(settledThere.status);
    expect((await late.core.handlers['impact.exceptions']({}, late.as)).filter((r) => r.status === 'awaiting-approval')).toEqual([]);
    const history = await approvalOn(late.core, late.as, (a) => a.id === request.id);
    expect(history).toMatchObject({ status: 'approved', decidedBy: 'sv.ines', requestedBy: 'pl.omar', decisionReason: 'qualified alternate', canDecide: false });
    expect(substitutions()).toHaveLength(1);
  });

  it('a supervisor who requested a substitution cannot approve it; another supervisor can', async () => {
    const requester = await workstation('sv.kim', 'supervisor');
    const other = await workstation('sv.ines', 'supervisor');
    const { row } = await substitutableException(requester.core, requester.as);
    await requester.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute' }, requester.as);
    const request = await approvalOn(requester.core, requester.as, (a) => a.status === 'pending');
    expect(request).toMatchObject({ requestedBy: 'sv.kim', canDecide: false });
    expect(request.cannotDecideReason).toMatch(/You requested this substitution; another supervisor must decide it/);
    await expect(async () => requester.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve' }, requester.as)).rejects.toThrow(/approvalId: You requested this substitution/);

    await approvalOn(other.core, other.as, (a) => a.id === request.id && a.canDecide);
    await other.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: '' }, other.as);
    await waitFor('the substitution accepted upstream', () => substitutions().some((c) => c.status === 'accepted'));
    expect(substitutions()).toHaveLength(1);
  });

  it('a rejection sends the exception back to the planner, who chooses another response', async () => {
    const planner = await workstation('pl.omar', 'planner');
    const supervisor = await workstation('sv.ines', 'supervisor');
    const { row } = await substitutableException(planner.core, planner.as);
    await planner.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute' }, planner.as);
    const request = await approvalOn(supervisor.core, supervisor.as, (a) => a.status === 'pending');
    await expect(async () => supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'reject' }, supervisor.as)).rejects.toThrow(/reason/);
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'reject', reason: 'alternate not released for this customer' }, supervisor.as);

    const reopened = await waitFor('the exception back with the planner', async () => {
      const after = await planner.core.handlers['impact.exception']({ id: row.id }, planner.as);
      return after.exception.status === 'open' ? after : undefined;
    });
    expect(reopened).toMatchObject({ chosenResponse: null, approval: { status: 'rejected', decidedBy: 'sv.ines', decisionReason: 'alternate not released for this customer' } });
    expect(reopened.exception.taskId).not.toBe(row.taskId);
    // The rejection voided the first answer upstream: the second one stands.
    const { commandIds } = await planner.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'accept-delay' }, planner.as);
    expect(commandIds).toHaveLength(1);
    await waitFor('the second answer accepted upstream', () => gateway.inspect.acceptedCount(commandIds[0]!) === 1);
    expect(settled((await planner.core.handlers['impact.exception']({ id: row.id }, planner.as)).exception.status)).toBe(true);
    expect(substitutions()).toHaveLength(0);
  });

  it('two planners on two workstations: the second cannot answer while the first request waits, and it ends the same on both', async () => {
    const first = await workstation('pl.omar', 'planner');
    const second = await workstation('pl.lena', 'planner');
    const supervisor = await workstation('sv.ines', 'supervisor');
    const { row } = await substitutableException(first.core, first.as);
    const mirrored = await waitFor('the same exception on the second workstation', async () => (await second.core.handlers['impact.exceptions']({}, second.as)).find((r) => r.id === row.id && r.status === 'open'));
    expect(mirrored.taskId).not.toBeNull();

    await first.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute' }, first.as);
    await waitFor('the second workstation sets its task aside', async () => (await second.core.handlers['impact.exception']({ id: row.id }, second.as)).exception.status === 'awaiting-approval');
    await expect(async () => second.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'expedite' }, second.as)).rejects.toThrow(/was answered by pl\.omar at .*: Substitute component; it is awaiting-approval/);

    // Rejected: both planners may answer again.
    const request = await approvalOn(supervisor.core, supervisor.as, (a) => a.status === 'pending');
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'reject', reason: 'not qualified' }, supervisor.as);
    for (const { core, as } of [first, second]) {
      await waitFor(`open again for ${as.user}`, async () => (await core.handlers['impact.exception']({ id: row.id }, as)).exception.status === 'open');
    }

    // The second planner asks now, under an approval of its own; approved, the substitution goes once and both resolve.
    await second.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute' }, second.as);
    const again = await approvalOn(supervisor.core, supervisor.as, (a) => a.status === 'pending' && a.requestedBy === 'pl.lena');
    expect(again.id).not.toBe(request.id);
    await waitFor('the first workstation sets its task aside', async () => (await first.core.handlers['impact.exception']({ id: row.id }, first.as)).exception.status === 'awaiting-approval');
    await supervisor.core.handlers['approvals.decide']({ approvalId: again.id, decision: 'approve', reason: '' }, supervisor.as);
    for (const { core, as } of [first, second]) {
      await waitFor(`resolved for ${as.user}`, async () => settled((await core.handlers['impact.exception']({ id: row.id }, as)).exception.status));
    }
    await waitFor('the substitution accepted upstream', () => substitutions().some((c) => c.status === 'accepted'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(substitutions()).toHaveLength(1);
    expect(substitutions()[0]).toMatchObject({ status: 'accepted', body: { issuedBy: 'pl.lena' } });
    // Only the requester's workflow sent the substitution; the others heard the answer, waited for the decision and ended.
    for (const user of ['pl.lena', 'pl.omar', 'sv.ines']) expect(supplierDelayInstances(user), user).toEqual(['completed']);
  });

  it('two planners answer at once: the gateway takes the first answer, the second is refused and shows the first', async () => {
    const first = await workstation('pl.omar', 'planner');
    const second = await workstation('pl.lena', 'planner');
    const supervisor = await workstation('sv.ines', 'supervisor');
    const { row } = await substitutableException(first.core, first.as);
    await waitFor('the exception on the second workstation', async () => (await second.core.handlers['impact.exceptions']({}, second.as)).some((r) => r.id === row.id && r.status === 'open'));
    // Both answer before either hears of the other's answer.
    await Promise.all([
      first.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute' }, first.as),
      second.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'expedite' }, second.as),
    ]);
    const answers = await waitFor('both answers upstream', () => {
      const found = gateway.inspect.commands().filter((c) => c.type === 'exception.answer');
      return found.length === 2 ? found : undefined;
    });
    const standing = answers.find((c) => c.status === 'accepted')!;
    const winner = (standing.body as { issuedBy: string }).issuedBy;
    const refused = answers.find((c) => c.status === 'rejected')!;
    expect(refused.reason).toMatch(new RegExp(`^payload\\.exceptionId: ${row.id} was answered already by ${winner} at `));
    // Whichever stands, both workstations end up showing it, and only its commands go upstream.
    for (const { core, as } of [first, second]) {
      const shown = await waitFor(`${as.user} shows ${winner}'s answer`, async () => {
        const after = await core.handlers['impact.exception']({ id: row.id }, as);
        return after.choice?.by === winner ? after : undefined;
      });
      expect(shown.exception.status, as.user).not.toBe('open');
      // The loser is told its answer was not applied, and why; the winner is told nothing of the kind.
      if (as.user === winner) expect(shown.refusedAnswer).toBeNull();
      else expect(shown.refusedAnswer).toEqual({ label: expect.any(String), reason: refused.reason });
      // Neither may answer again.
      await expect(async () => core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'accept-delay' }, as)).rejects.toThrow(new RegExp(`was answered by ${winner.replace('.', '\\.')} at `));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (winner === 'pl.omar') {
      await approvalOn(supervisor.core, supervisor.as, (a) => a.status === 'pending' && a.requestedBy === 'pl.omar');
      expect(gateway.inspect.commands().filter((c) => c.type === 'approval.request')).toHaveLength(1);
      expect(gateway.inspect.commands().filter((c) => c.type === 'po.expedite')).toHaveLength(0);
    } else {
      expect(gateway.inspect.commands().filter((c) => c.type === 'po.expedite')).toHaveLength(1);
      expect(gateway.inspect.commands().filter((c) => c.type === 'approval.request')).toHaveLength(0);
    }
  });

  it('a supervisor workstation set up after the request, past the gateway log, finds it in its snapshot and approves it', async () => {
    await gateway.close();
    // The gateway keeps one event per stream: a newcomer gets a snapshot, not the request's event.
    gateway = await startGateway({ databasePath: temp.file('gateway-short-log.sqlite'), seed: 5, planningScale: 0.2, retention: 1 });
    const planner = await workstation('pl.omar', 'planner');
    const { row } = await substitutableException(planner.core, planner.as);
    await planner.core.handlers['impact.respond']({ exceptionId: row.id, responseId: 'substitute' }, planner.as);
    await waitFor('the request upstream', () => gateway.inspect.commands().some((c) => c.type === 'approval.request' && c.status === 'accepted'));

    const supervisor = await workstation('sv.ines', 'supervisor');
    const request = await approvalOn(supervisor.core, supervisor.as, (a) => a.status === 'pending' && a.requestedBy === 'pl.omar');
    expect(request).toMatchObject({ exceptionId: row.id, canDecide: true });
    await supervisor.core.handlers['approvals.decide']({ approvalId: request.id, decision: 'approve', reason: '' }, supervisor.as);
    await waitFor('the exception resolved', async () => settled((await planner.core.handlers['impact.exception']({ id: row.id }, planner.as)).exception.status));
    expect(substitutions().map((c) => c.status)).toEqual(['accepted']);
  });
});
