// Rebalancing proposals from a real worker over a small plan: P1 is short of FG-1, P2 has surplus.
// Accepting queues one transfer.request (a second accept is idempotent: same command, nothing new),
// the ERP's acceptance puts it in transit, and the goods receipt naming the transfer completes it.
// Above the value threshold a supervisor's approval comes first: approved, one transfer.request follows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RebalancingProposal, RebalancingSnapshot } from '../../shared/api/rebalancing';
import type { EventPayload as EventPayloadOf } from '../../shared/events';
import { startRebalanceWorkerFromSource } from '../../orchestration-core/analysis/rebalancing/start-rebalance-worker';
import { createRebalancingProposals, type RebalancingProposals } from '../../orchestration-core/services/rebalancing-proposals';
import type { PlanningDataset } from '../../orchestration-core/store/planning-repo';
import { createCoreParts, fixedClock, quietLogger, type CoreParts } from '../helpers/core-parts';
import { createEventFactory } from '../helpers/event-factory';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

// CO-1 needs 60 FG-1 at P1 on 12-05 and P1 has none: short 60 from 12-05. P2 holds 100 with a safety
// stock of 20: 80 can leave. The lane P2 -> P1 takes 2 days at 2 a unit, arriving 12-03, in time.
const planning: PlanningDataset = {
  today: '2026-12-01',
  plants: [{ id: 'P1', name: 'Plant 1', role: 'high-volume' }, { id: 'P2', name: 'Plant 2', role: 'custom' }],
  items: [{ id: 'FG-1', description: 'Hydraulic cylinder', unit: 'EA', kind: 'manufactured', supplierIds: [], leadTimeDays: 2 }],
  bomLines: [],
  suppliers: [],
  poLines: [],
  productionOrders: [],
  customerOrders: [{ id: 'CO-1', customerId: 'C-1', itemId: 'FG-1', plant: 'P1', quantity: 60, shipDate: '2026-12-05', value: 30_000, priority: 1 }],
  lots: [{ lotId: 'L-P2', itemId: 'FG-1', plant: 'P2', quantity: 100, stockType: 'unrestricted' }],
  transfers: [],
  lanes: [{ fromPlant: 'P2', toPlant: 'P1', costPerUnit: 2, transitDays: 2 }],
  safetyStocks: [{ itemId: 'FG-1', plant: 'P2', quantity: 20 }],
  lines: [],
  routings: [],
};

describe('rebalancing proposals', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: CoreParts;
  let proposals: RebalancingProposals;
  const published: RebalancingSnapshot[] = [];
  const planner = { user: 'pl.omar' };
  const row = (): RebalancingProposal | undefined => proposals.snapshot().proposals[0];
  let ids = 0;
  const approvalRequests = () => parts.repos.outbox.pending('erp', 0, 100).filter((entry) => entry.command.type === 'approval.request');
  const transferRequests = () => parts.repos.outbox.pending('erp', 0, 100).filter((entry) => entry.command.type === 'transfer.request');

  /** Proposals with a value threshold: CO-1's 30,000 is below 50,000 (the tests before) and above the default 10,000. */
  function start(transferApprovalValue?: number): RebalancingProposals {
    return createRebalancingProposals({
      store: parts.store,
      repos: parts.repos,
      changes: parts.changes,
      clock: fixedClock(),
      logger: quietLogger,
      newId: () => `id-${(ids += 1)}`,
      routeCommand: () => 'erp',
      commit: parts.commitAs('planner'),
      engine: parts.engine,
      ...(transferApprovalValue === undefined ? {} : { transferApprovalValue }),
      startWorker: startRebalanceWorkerFromSource,
      debounceMs: 20,
      publish: (snapshot) => published.push(snapshot),
      afterDecision: () => {},
    });
  }

  beforeEach(() => {
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'), fixedClock(), { planning });
    proposals = start(50_000);
    parts.changes.attachPlan({ apply: (change) => proposals.planChanged(change), rebuild: () => proposals.planReplaced() });
  });
  afterEach(async () => {
    await proposals.close();
    parts.store.close();
    temp.remove();
  });

  it('proposes the transfer, accepts it once, shows it in transit, then received', async () => {
    const proposed = await waitFor('a proposal', () => row());
    expect(proposed).toMatchObject({
      id: 'RB-FG-1-P2-P1',
      itemDescription: 'Hydraulic cylinder',
      fromPlant: 'P2',
      toPlant: 'P1',
      quantity: 60,
      unit: 'EA',
      shipDate: '2026-12-01',
      arrivalDate: '2026-12-03',
      unitCost: 2,
      cost: 120,
      shortageCovered: 60,
      revenueProtected: 30_000,
      needDate: '2026-12-05',
      status: 'proposed',
    });
    expect(published.at(-1)?.status.state).toBe('ready');

    const { commandIds } = proposals.handlers['rebalancing.accept']({ proposalIds: ['RB-FG-1-P2-P1'] }, planner);
    const again = proposals.handlers['rebalancing.accept']({ proposalIds: ['RB-FG-1-P2-P1'] }, planner);
    expect(again.commandIds).toEqual(commandIds);
    expect(transferRequests().map((entry) => entry.command.payload)).toEqual([
      { transferId: 'RB-FG-1-P2-P1-2026-12-01', itemId: 'FG-1', fromPlant: 'P2', toPlant: 'P1', quantity: 60, shipDate: '2026-12-01', arrivalDate: '2026-12-03', reason: 'Rebalancing FG-1: P1 below safety stock from 2026-12-05' },
    ]);
    expect(row()).toMatchObject({ status: 'accepted', transferId: 'RB-FG-1-P2-P1-2026-12-01', commandId: commandIds[0], decidedBy: 'pl.omar' });
    expect(() => proposals.handlers['rebalancing.reject']({ proposalIds: ['RB-FG-1-P2-P1'], reason: 'no' }, planner)).toThrow(/was accepted by pl.omar/);

    // The ERP accepts: the transfer is in the plan, so P1 is no longer short and nothing new is proposed.
    parts.handleReply('erp', commandIds[0]!, { commandId: commandIds[0], status: 'accepted' });
    await waitFor('in transit, re-solved', () => proposals.snapshot().proposals.length === 1 && row()?.status === 'in-transit' && published.at(-1)?.proposals[0]?.status === 'in-transit');

    const event = createEventFactory();
    parts.ingest.applyBatch([
      event('erp', 'goods.received', { lotId: 'L-T1', lotVersion: 1, itemId: 'FG-1', plant: 'P1', quantity: 60, unit: 'EA', stockType: 'unrestricted', transferId: 'RB-FG-1-P2-P1-2026-12-01' }),
    ]);
    expect(parts.repos.planning.load()!.transfers).toEqual([]);
    await waitFor('received', () => published.at(-1)?.proposals[0]?.status === 'received');
    expect(proposals.snapshot().proposals).toHaveLength(1);
  });

  it('rejects with a reason; the rejection stands until the balance changes', async () => {
    await waitFor('a proposal', () => row());
    expect(() => proposals.handlers['rebalancing.reject']({ proposalIds: ['RB-FG-1-P2-P1'], reason: ' ' }, planner)).toThrow(/reason/);
    expect(() => proposals.handlers['rebalancing.accept']({ proposalIds: ['RB-NOPE'] }, planner)).toThrow(/^proposalIds: no current proposal RB-NOPE/);
    proposals.handlers['rebalancing.reject']({ proposalIds: ['RB-FG-1-P2-P1'] , reason: 'P2 keeps it for a trial run' }, planner);
    expect(row()).toMatchObject({ status: 'rejected', reason: 'P2 keeps it for a trial run' });
    expect(transferRequests()).toEqual([]);

    // Another 10 ordered at P1: a new balance, proposed again.
    parts.store.transaction(() =>
      parts.changes.planChanged({ kind: 'customerOrder', order: { id: 'CO-2', customerId: 'C-2', itemId: 'FG-1', plant: 'P1', quantity: 10, shipDate: '2026-12-06', value: 4_000, priority: 1 } }),
    );
    await waitFor('proposed again', () => row()?.status === 'proposed' && row()?.quantity === 70);
  });

  it('computes nothing without a worker, and says so', () => {
    const idle = createRebalancingProposals({ store: parts.store, repos: parts.repos, changes: parts.changes, clock: fixedClock(), logger: quietLogger, newId: () => 'x', routeCommand: () => 'erp', commit: parts.commitAs('planner'), engine: parts.engine, publish: () => {}, afterDecision: () => {} });
    expect(idle.snapshot()).toEqual({ status: expect.objectContaining({ state: 'unavailable' }), proposals: [] });
  });

  describe('above the value threshold', () => {
    // A new database each test: its stream starts at 1 again.
    let event = createEventFactory();
    const approvalEvent = <T extends 'approval.requested' | 'approval.decided'>(type: T, payload: Parameters<typeof event<T>>[2]) =>
      event('erp', type, payload, { correlationId: (payload as { approvalId: string }).approvalId });

    /** Accepted at the default threshold: the approval.request, heard back from the gateway as approval.requested. */
    async function acceptAboveThreshold() {
      event = createEventFactory();
      await proposals.close();
      proposals = start();
      await waitFor('a proposal', () => row());
      const { commandIds } = proposals.handlers['rebalancing.accept']({ proposalIds: ['RB-FG-1-P2-P1'] }, planner);
      expect(proposals.handlers['rebalancing.accept']({ proposalIds: ['RB-FG-1-P2-P1'] }, planner).commandIds).toEqual(commandIds);
      expect(transferRequests()).toEqual([]);
      const [request] = approvalRequests();
      expect(request?.command.payload).toMatchObject({
        kind: 'transfer',
        // The supervisor reads it in the Approvals grid: grouped figures and the currency.
        subject: 'Transfer 60 EA of FG-1 from P2 to P1 (value EUR 30,000)',
        transfer: { transferId: 'RB-FG-1-P2-P1-2026-12-01', itemId: 'FG-1', fromPlant: 'P2', toPlant: 'P1', quantity: 60, unit: 'EA', shipDate: '2026-12-01', arrivalDate: '2026-12-03', value: 30_000 },
      });
      expect(request?.commandId).toBe(commandIds[0]);
      const payload = request!.command.payload as { approvalId: string };
      expect(row()).toMatchObject({ status: 'awaiting-approval', approvalId: payload.approvalId, decidedBy: 'pl.omar' });
      expect(parts.repos.approvals.get(payload.approvalId)).toMatchObject({ kind: 'transfer', status: 'pending', requestedBy: 'pl.omar', plant: 'P1' });
      expect(() => proposals.handlers['rebalancing.reject']({ proposalIds: ['RB-FG-1-P2-P1'], reason: 'no' }, planner)).toThrow(/awaits a supervisor's approval/);
      return { requestCommandId: commandIds[0]!, approvalId: payload.approvalId, requested: { ...(request!.command.payload as EventPayloadOf<'approval.requested'>), requestedBy: 'pl.omar', requestedAt: '2026-12-01T08:00:00.000Z' } };
    }

    it('sends the transfer.request once a supervisor approved it, under an id derived from the approval', async () => {
      const { requestCommandId, approvalId, requested } = await acceptAboveThreshold();
      // Decided before the request's reply came back (a lost reply, resent): nothing is sent until it does.
      parts.ingest.applyBatch([approvalEvent('approval.requested', requested), approvalEvent('approval.decided', { approvalId, decision: 'approve', reason: '', decidedBy: 'sv.ines', decidedAt: '2026-12-01T09:00:00.000Z' })]);
      proposals.committed();
      expect(transferRequests()).toEqual([]);
      expect(row()?.status).toBe('awaiting-approval');

      parts.handleReply('erp', requestCommandId, { commandId: requestCommandId, status: 'accepted' });
      proposals.committed();
      proposals.committed();
      const sent = transferRequests();
      expect(sent.map((entry) => entry.command.payload)).toEqual([
        { transferId: 'RB-FG-1-P2-P1-2026-12-01', itemId: 'FG-1', fromPlant: 'P2', toPlant: 'P1', quantity: 60, shipDate: '2026-12-01', arrivalDate: '2026-12-03', reason: 'Rebalancing FG-1: P1 below safety stock from 2026-12-05', approvalId, approvedBy: 'sv.ines' },
      ]);
      expect(sent[0]?.command.issuedBy).toBe('pl.omar');
      expect(row()).toMatchObject({ status: 'accepted', commandId: sent[0]?.commandId, approvalId });
      expect(proposals.handlers['rebalancing.accept']({ proposalIds: ['RB-FG-1-P2-P1'] }, planner).commandIds).toEqual([sent[0]?.commandId]);

      parts.handleReply('erp', sent[0]!.commandId, { commandId: sent[0]!.commandId, status: 'accepted' });
      await waitFor('in transit', () => row()?.status === 'in-transit');
    });

    it("rejects the proposal with the supervisor's reason", async () => {
      const { requestCommandId, approvalId, requested } = await acceptAboveThreshold();
      parts.handleReply('erp', requestCommandId, { commandId: requestCommandId, status: 'accepted' });
      parts.ingest.applyBatch([approvalEvent('approval.requested', requested)]);
      proposals.committed();
      expect(row()?.status).toBe('awaiting-approval');
      parts.ingest.applyBatch([approvalEvent('approval.decided', { approvalId, decision: 'reject', reason: 'P2 needs them for the trial run', decidedBy: 'sv.ines', decidedAt: '2026-12-01T09:00:00.000Z' })]);
      proposals.committed();
      expect(row()).toMatchObject({ status: 'rejected', decidedBy: 'sv.ines', reason: 'sv.ines rejected the transfer: P2 needs them for the trial run' });
      expect(transferRequests()).toEqual([]);
    });

    it('puts the proposal back when the gateway refuses the request', async () => {
      const { requestCommandId } = await acceptAboveThreshold();
      parts.handleReply('erp', requestCommandId, { commandId: requestCommandId, status: 'rejected', reason: 'payload.approvalId: AP-x was requested already' });
      proposals.committed();
      expect(row()).toMatchObject({ status: 'proposed', approvalId: null, reason: 'The gateway refused the request for approval: payload.approvalId: AP-x was requested already' });
      // Accepted again: a new request.
      proposals.handlers['rebalancing.accept']({ proposalIds: ['RB-FG-1-P2-P1'] }, planner);
      expect(row()?.status).toBe('awaiting-approval');
      expect(transferRequests()).toEqual([]);
    });
  });
});
