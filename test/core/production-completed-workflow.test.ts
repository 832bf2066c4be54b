// Scrap spikes and finished-goods releases: a completion whose yield is below the item's minimum
// alerts quality and maintenance (notifications upstream, once) and raises an alert; a release makes
// the lot available and lets waiting deliveries ship.
import { describe, expect, it } from 'vitest';
import type { CanonicalCommand } from '../../shared/commands';
import { useCoreParts, type CoreParts } from '../helpers/core-parts';
import { createEventFactory } from '../helpers/event-factory';

describe('production completed and finished goods released', () => {
  let parts: CoreParts;
  let event: ReturnType<typeof createEventFactory>;
  useCoreParts((made) => {
    parts = made;
    event = createEventFactory();
  });
  const pending = (): CanonicalCommand[] => parts.repos.outbox.pending('erp', 0, 100).map((entry) => entry.command);
  const completion = (yieldQuantity: number, scrapQuantity: number, itemId = 'FG-1') =>
    event('mes.P1', 'production.completed', { productionOrderId: 'MO-7', plant: 'P1', itemId, yieldQuantity, scrapQuantity, unit: 'EA', consumed: [], produced: [{ lotId: 'L-FG-1', itemId, quantity: yieldQuantity }] });

  it('alerts quality and maintenance when the yield is below the minimum, once per completion', () => {
    const spike = completion(80, 20);
    parts.ingest.applyBatch([spike]);
    const commands = pending();
    expect(commands.map((c) => [c.type, c.commandId, (c.payload as { kind: string }).kind])).toEqual([
      ['notification.create', 'MO-7.quality-notification', 'quality'],
      ['notification.create', 'MO-7.maintenance-notification', 'maintenance'],
    ]);
    expect(commands[0]!.payload).toMatchObject({ plant: 'P1', productionOrderId: 'MO-7', subject: 'Scrap spike on MO-7 (FG-1): yield 80%, minimum 95%' });
    const [alert] = parts.repos.alerts.list();
    expect(alert).toMatchObject({ kind: 'scrap-spike', plant: 'P1', itemId: 'FG-1', acknowledgedBy: null, scrapSpike: { yieldRate: 0.8, minimumYield: 0.95, scrapQuantity: 20, notified: ['quality', 'maintenance'], replenishment: null } });
    expect(parts.changes.take('alert')).toEqual([alert!.id]);
    // The same completion replayed (a reconnect), or another operation's report of the order, raises nothing new.
    parts.ingest.applyBatch([spike, completion(50, 50)]);
    expect(pending()).toHaveLength(2);
    expect(parts.repos.alerts.list()).toHaveLength(1);
  });

  it('stays quiet at or above the minimum, and an item may set its own minimum in master data', () => {
    parts.ingest.applyBatch([completion(96, 4)]);
    expect(pending()).toEqual([]);
    // Most completions are within their yield: they leave no workflow instance behind.
    expect(parts.store.db.prepare('SELECT count(*) FROM workflow_instances').pluck().get()).toBe(0);
    parts.store.db.prepare("INSERT INTO items (id, description, unit) VALUES ('FG-2', 'Cast housing', 'EA')").run();
    parts.ingest.applyBatch([event('mes.P1', 'master.changed', { entity: 'item', itemId: 'FG-2', properties: { MinimumYield: '75' } }), completion(80, 20, 'FG-2')]);
    expect(parts.repos.alerts.minimumYield('FG-2')).toBe(0.75);
    expect(pending()).toEqual([]);
    parts.ingest.applyBatch([completion(70, 30, 'FG-2')]);
    expect(parts.repos.alerts.list()[0]?.scrapSpike).toMatchObject({ yieldRate: 0.7, minimumYield: 0.75 });
  });

  it('a finished-goods release makes the lot unrestricted and lets waiting deliveries ship', () => {
    const release = event('erp', 'fg.released', { lotId: 'L-FG-1', lotVersion: 2, itemId: 'FG-1', plant: 'P1', quantity: 80, unit: 'EA', productionOrderId: 'MO-7' });
    parts.ingest.applyBatch([release]);
    expect(parts.repos.lots.get('L-FG-1')).toMatchObject({ stockType: 'unrestricted', quantity: 80, version: 2 });
    expect(pending().map((c) => [c.type, c.commandId, c.payload])).toEqual([
      ['shipment.releaseHold', `${release.id}.release-shipments`, { lotId: 'L-FG-1', itemId: 'FG-1', plant: 'P1', quantity: 80, unit: 'EA', reason: 'Finished goods released from MO-7' }],
    ]);
    expect(parts.repos.audit.entries().map((e) => e.action)).toContain('finished goods released');
  });
});
