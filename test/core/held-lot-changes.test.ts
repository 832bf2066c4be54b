// Which lot changes reach the Quarantine view: those of lots on hold, also after a restart, and
// only those; every lot written is a change to the plan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreParts, fixedClock, type CoreParts } from '../helpers/core-parts';
import { createEventFactory, inspectionFailurePayload } from '../helpers/event-factory';
import { makeTempDir } from '../helpers/temp-dir';

describe('changes of held lots', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let parts: CoreParts;
  beforeEach(() => {
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'));
  });
  afterEach(() => {
    parts.store.close();
    temp.remove();
  });

  it('announces a held lot\'s changes, before and after a reopen, and not those of other lots', () => {
    const event = createEventFactory();
    const planned: string[] = [];
    parts.changes.attachPlan({ apply: (change) => planned.push(change.kind === 'lot' ? `${change.lot.lotId}:${change.lot.stockType}:${change.lot.quantity}` : change.kind), rebuild: () => {} });
    parts.ingest.applyBatch([
      event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1')),
      event('erp', 'goods.received', { lotId: 'L-2', lotVersion: 1, itemId: 'I-100', plant: 'P1', quantity: 40, unit: 'EA', stockType: 'unrestricted' }),
    ]);
    expect(parts.changes.take('lot')).toEqual(['L-1']);
    expect(planned).toEqual(['L-1:quality-inspection:120', 'L-2:unrestricted:40']);

    parts.store.close();
    parts = createCoreParts(temp.file('core.sqlite'));
    const later = createEventFactory(new Date('2026-11-02T09:00:00Z'));
    parts.ingest.applyBatch([
      later('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 5, productionOrderId: 'MO-1', quantity: 20 }),
      later('mes.P1', 'lot.consumed', { lotId: 'L-2', lotVersion: 2, productionOrderId: 'MO-1', quantity: 15 }),
    ]);
    expect(parts.changes.take('lot')).toEqual(['L-1']);
    expect(parts.repos.lots.get('L-2')?.quantity).toBe(25);
  });

  it('shows beside a decision what changed since the version it saw: a late echo of that version is not news, a late consumption is', () => {
    const clock = fixedClock('2026-11-02T08:00:00Z');
    parts.store.close();
    parts = createCoreParts(temp.file('core.sqlite'), clock);
    const event = createEventFactory();
    const blocked = (lotVersion: number, changedBy: string) =>
      event('erp', 'lot.statusChanged', { lotId: 'L-1', lotVersion, itemId: 'I-100', plant: 'P1', quantity: 120, unit: 'EA', stockType: 'blocked', changedBy, reason: 'held' });
    const completed = (orderId: string) => event('mes.P1', 'production.completed', { productionOrderId: orderId, consumed: [{ lotId: 'L-1', quantity: 5, unit: 'EA' }], produced: [] });
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1')), completed('MO-before')]);
    // The decision saw version 3 (our block's reply said so) at 08:10.
    clock.advance(10 * 60_000);
    const decidedAt = clock.now().toISOString();
    clock.advance(60_000);
    // Heard after the decision: our block at the version it saw, a consumption from before that version
    // (which the quantity decided on lacked), the other workstation's decision, a completion.
    const consumed = event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 3, productionOrderId: 'MO-early', quantity: 7 });
    parts.ingest.applyBatch([blocked(3, 'system'), consumed, blocked(4, 'qe.nightshift'), completed('MO-after')]);

    const changes = parts.repos.lotHistory.changesAfter('L-1', 3, decidedAt);
    expect(changes.map((c) => `${c.type} v${c.version}: ${c.summary}`)).toEqual([
      'lot.consumed v3: 7 EA consumed by production order MO-early',
      'lot.statusChanged v4: blocked, 120 EA, by qe.nightshift: held',
      'production.completed v4: production order MO-after reported 5 EA consumed',
    ]);
  });
});
