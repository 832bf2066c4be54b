// Rebalancing proposals from a real worker over a small plan: P1 is short of FG-1, P2 has surplus.
// Accepting queues one transfer.request (a second accept is idempotent: same command, nothing new),
// the ERP's acceptance puts it in transit, and the goods receipt naming the transfer completes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RebalancingProposal, RebalancingSnapshot } from '../../shared/api/rebalancing';
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
  const transferRequests = () => parts.repos.outbox.pending('erp', 0, 100).filter((entry) => entry.command.type === 'transfer.request');

  beforeEach(() => {
    temp = makeTempDir();
    const clock = fixedClock();
    parts = createCoreParts(temp.file('core.sqlite'), clock, { planning });
    proposals = createRebalancingProposals({
      store: parts.store,
      repos: parts.repos,
      changes: parts.changes,
      clock,
      logger: quietLogger,
      newId: () => 'unused',
      routeCommand: () => 'erp',
      role: 'planner',
      startWorker: startRebalanceWorkerFromSource,
      debounceMs: 20,
      publish: (snapshot) => published.push(snapshot),
      afterDecision: () => {},
    });
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
    const idle = createRebalancingProposals({ store: parts.store, repos: parts.repos, changes: parts.changes, clock: fixedClock(), logger: quietLogger, newId: () => 'x', routeCommand: () => 'erp', role: 'planner', publish: () => {}, afterDecision: () => {} });
    expect(idle.snapshot()).toEqual({ status: expect.objectContaining({ state: 'unavailable' }), proposals: [] });
  });
});
