// Cycle counts on real workstations (a planner, a quality engineer and a supervisor, each a core with
// its own SQLite file, on one gateway): a count within tolerance is adjusted once, whichever workstation
// sends it; one above pauses the bin and waits for a supervisor, the counter never approving it;
// approved, the book is adjusted once and the bin released; rejected, the WMS counts again and the bin
// stays paused until the recount settles it. A count of a lot on quality hold shows on the lot's row.
import { describe, expect, it } from 'vitest';
import type { ApprovalRow } from '../../shared/api/approvals';
import { connectClient } from '../simulator/harness';
import { useOneClockPlant } from '../helpers/one-clock-plant';
import { waitFor } from '../helpers/wait-for';
import type { Workstation } from '../helpers/workstations';

describe('cycle counts on every workstation', () => {
  const plant = useOneClockPlant();
  const { stations } = plant;
  const commandsFor = (type: string, countId: string) => plant.gateway.inspect.commands().filter((c) => c.type === type && (c.body as { payload: { countId?: string } }).payload.countId === countId);
  const approvalOn = (station: Workstation, approvalId: string, check: (row: ApprovalRow) => boolean = () => true) =>
    waitFor(`${approvalId} on ${station.as.user}'s workstation`, async () => (await station.core.handlers['approvals.list']({}, station.as)).find((row) => row.id === approvalId && check(row)), 20_000);

  it('within tolerance the book follows the count once; above it the bin pauses, a supervisor approves, the book is adjusted once and the bin released', async () => {
    const planner = await stations.open('pl.rosa', 'planner');
    const engineer = await stations.open('qe.maria', 'quality-engineer');
    const supervisor = await stations.open('sv.ines', 'supervisor');

    const small = plant.gateway.scenario.cycleCount({ aboveTolerance: false });
    await waitFor('the small count adjusted', () => commandsFor('inventory.adjust', small.countId).some((c) => c.status === 'accepted'), 20_000);
    // Each workstation sent the same adjustment; the gateway applied it once and asked no one.
    expect(commandsFor('inventory.adjust', small.countId)).toHaveLength(1);
    expect(commandsFor('wms.pickPause', small.countId)).toHaveLength(0);
    expect(commandsFor('approval.request', small.countId)).toHaveLength(0);
    const adjustedEvents = () => plant.gateway.inspect.events('erp').filter((e) => e.type === 'inventory.adjusted');
    expect(adjustedEvents().filter((e) => (e.payload as { countId: string }).countId === small.countId)).toHaveLength(1);
    expect(plant.gateway.inspect.lot(small.lotId!)!.quantity).toBe(small.countedQuantity);

    const large = plant.gateway.scenario.cycleCount({ aboveTolerance: true, countedBy: 'op.lena' });
    const approvalId = `AP-${large.countId}`;
    await waitFor('the bin paused', () => plant.gateway.inspect.pausedBins().some((b) => b.bin === large.bin), 20_000);
    const asked = await approvalOn(supervisor, approvalId);
    expect(asked).toMatchObject({ kind: 'adjustment', status: 'pending', requestedBy: 'op.lena', canDecide: true, adjustment: { countId: large.countId, countedQuantity: large.countedQuantity, bookQuantity: large.bookQuantity, difference: expect.any(Number) } });
    expect(asked.adjustment!.difference).toBeCloseTo(large.countedQuantity - large.bookQuantity, 3);
    expect(asked.adjustment!.lastMovements.length).toBeGreaterThan(0);
    // Due within the adjustment approval's SLA (8 h).
    expect(Date.parse(asked.dueAt!) - Date.parse(asked.requestedAt)).toBe(8 * 3_600_000);
    // Not adjusted without the approval, from any workstation; the planner is no supervisor.
    expect(commandsFor('inventory.adjust', large.countId)).toHaveLength(0);
    expect((await approvalOn(planner, approvalId)).canDecide).toBe(false);
    const erp = await connectClient(plant.gateway.erpUrl);
    const early = await erp.command({ commandId: 'adjust-early', type: 'inventory.adjust', issuedBy: 'system', issuedAt: new Date().toISOString(), payload: { countId: large.countId, plant: large.plant, bin: large.bin, itemId: large.itemId, quantity: large.countedQuantity - large.bookQuantity, unit: large.unit, reason: 'no waiting' } });
    expect(early).toMatchObject({ status: 'rejected', reason: `payload.approvalId: count ${large.countId} waits for the supervisor's approval ${approvalId}` });

    await supervisor.core.handlers['approvals.decide']({ approvalId, decision: 'approve', reason: 'counted twice, the count stands' }, supervisor.as);
    await waitFor('the bin released', () => !plant.gateway.inspect.pausedBins().some((b) => b.bin === large.bin), 20_000);
    await waitFor('the large count adjusted', () => commandsFor('inventory.adjust', large.countId).some((c) => c.status === 'accepted'), 20_000);
    expect(commandsFor('inventory.adjust', large.countId).filter((c) => c.commandId !== 'adjust-early')).toMatchObject([{ status: 'accepted', body: { issuedBy: 'system', payload: { approvalId, approvedBy: 'sv.ines' } } }]);
    expect(adjustedEvents().filter((e) => (e.payload as { countId: string }).countId === large.countId)).toHaveLength(1);
    expect(plant.gateway.inspect.lot(large.lotId!)!.quantity).toBe(large.countedQuantity);
    for (const station of [planner, engineer]) await approvalOn(station, approvalId, (row) => row.status === 'approved' && row.decidedBy === 'sv.ines');
    const trail = (await supervisor.core.handlers['audit.entries']({}, supervisor.as)).rows.filter((row) => row.subject === approvalId).map((row) => row.action);
    expect(trail).toContain('approval approved');
  }, 90_000);

  it('the counter cannot approve their own count; a rejection sends the bin to a recount, and the recount within tolerance releases it', async () => {
    const counter = await stations.open('sv.omar', 'supervisor');
    const supervisor = await stations.open('sv.ines', 'supervisor');
    const engineer = await stations.open('qe.maria', 'quality-engineer');
    // A lot on quality hold, counted off by much: its row in Quarantine shows the count.
    const { lotId } = plant.gateway.scenario.inspectionFailure({ quantity: 200 });
    await waitFor('the held lot', async () => (await engineer.core.handlers['quarantine.list']({}, engineer.as)).some((row) => row.lotId === lotId), 20_000);
    const count = plant.gateway.scenario.cycleCount({ lotId, aboveTolerance: true, countedBy: 'sv.omar' });
    const approvalId = `AP-${count.countId}`;
    const own = await approvalOn(counter, approvalId);
    expect(own).toMatchObject({ requestedBy: 'sv.omar', canDecide: false });
    await expect(Promise.resolve().then(() => counter.core.handlers['approvals.decide']({ approvalId, decision: 'approve', reason: 'mine' }, counter.as))).rejects.toThrow(/another supervisor must decide it/);
    const held = await waitFor('the count on the held lot', async () => (await engineer.core.handlers['quarantine.list']({}, engineer.as)).find((row) => row.lotId === lotId && row.cycleCount !== null), 20_000);
    expect(held.cycleCount).toMatchObject({ countId: count.countId, countedQuantity: count.countedQuantity, bookQuantity: 200, status: 'awaiting-approval', withinTolerance: false });

    await supervisor.core.handlers['approvals.decide']({ approvalId, decision: 'reject', reason: 'count it again, the bin was being picked' }, supervisor.as);
    await waitFor('the recount asked for', () => commandsFor('wms.recount', count.countId).some((c) => c.status === 'accepted'), 20_000);
    expect(commandsFor('inventory.adjust', count.countId)).toHaveLength(0);
    expect(plant.gateway.inspect.pausedBins().map((b) => b.bin)).toContain(count.bin);
    await waitFor('the lot shows the recount', async () => (await engineer.core.handlers['quarantine.list']({}, engineer.as)).find((row) => row.lotId === lotId)?.cycleCount?.status === 'recount', 20_000);

    const recount = plant.gateway.scenario.cycleCount({ lotId, aboveTolerance: false, countedBy: 'op.lena' });
    expect(recount).toMatchObject({ picksPaused: true, recountOf: count.countId });
    await waitFor('the recount settles the bin', () => !plant.gateway.inspect.pausedBins().some((b) => b.bin === count.bin), 20_000);
    await waitFor('the recount adjusted', () => commandsFor('inventory.adjust', recount.countId).some((c) => c.status === 'accepted'), 20_000);
    expect(commandsFor('inventory.adjust', recount.countId)).toHaveLength(1);
    await waitFor('the lot shows the recount adjusted', async () => {
      const row = (await engineer.core.handlers['quarantine.list']({}, engineer.as)).find((r) => r.lotId === lotId);
      return row?.cycleCount?.countId === recount.countId && row.cycleCount.status === 'adjusted';
    }, 20_000);
  }, 90_000);

  it('the gateway judges by its own rules: no adjustment above its tolerance without an approval, none once the book moved, no release by another count', async () => {
    const erp = await connectClient(plant.gateway.erpUrl);
    const send = (commandId: string, type: 'inventory.adjust' | 'wms.pickRelease' | 'wms.pickPause', payload: Record<string, unknown>) =>
      erp.command({ commandId, type, issuedBy: 'system', issuedAt: new Date().toISOString(), payload } as never);
    const adjustOf = (count: { countId: string; plant: string; bin: string; itemId: string; unit: string; countedQuantity: number; bookQuantity: number }, commandId: string) =>
      send(commandId, 'inventory.adjust', { countId: count.countId, plant: count.plant, bin: count.bin, itemId: count.itemId, quantity: Math.round((count.countedQuantity - count.bookQuantity) * 1000) / 1000, unit: count.unit, reason: 'straight to the book' });

    const above = plant.gateway.scenario.cycleCount({ aboveTolerance: true });
    expect(await adjustOf(above, 'rogue-adjust')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(new RegExp(`^payload\\.approvalId: count ${above.countId} is above class ${above.itemClass} tolerance .+; it needs a supervisor's approval$`)) });
    expect(await send('wrong-quantity', 'inventory.adjust', { countId: above.countId, plant: above.plant, bin: above.bin, itemId: above.itemId, quantity: 1, unit: above.unit, reason: 'one more' })).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^payload\.quantity: count .+ differs from its book by /) });

    // A bin paused for one count is not released on another's word.
    expect(await send('pause-above', 'wms.pickPause', { countId: above.countId, plant: above.plant, bin: above.bin, reason: 'disputed' })).toMatchObject({ status: 'accepted' });
    const other = plant.gateway.scenario.cycleCount({ aboveTolerance: false });
    expect(await send('release-by-other', 'wms.pickRelease', { countId: other.countId, plant: above.plant, bin: above.bin, reason: 'done' })).toMatchObject({ status: 'rejected' });
    expect(plant.gateway.inspect.pausedBins().map((b) => b.bin)).toEqual([above.bin]);

    // The book moved since the count: its difference no longer holds.
    plant.gateway.scenario.consumeLot(other.lotId!, 1);
    expect(await adjustOf(other, 'late-adjust')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(new RegExp(`^payload\\.countId: the book of lot ${other.lotId} changed since count ${other.countId} `)) });
    expect(plant.gateway.inspect.events('erp').filter((e) => e.type === 'inventory.adjusted')).toHaveLength(0);
  }, 30_000);
});
