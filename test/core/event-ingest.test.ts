import { describe, expect, it } from 'vitest';
import { useCoreParts, type CoreParts } from '../helpers/core-parts';
import { createEventFactory, inspectionFailurePayload } from '../helpers/event-factory';

describe('event ingest', () => {
  let parts: CoreParts;
  useCoreParts((made) => (parts = made));

  it('applies events in seq order, once, and advances the cursor with them', () => {
    const event = createEventFactory();
    const batch = [
      event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1')),
      event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-2')),
    ];
    expect(parts.ingest.applyBatch(batch)).toMatchObject({ applied: 2, skipped: 0, deadLettered: 0, gaps: [] });
    expect(parts.ingest.applyBatch(batch)).toMatchObject({ applied: 0, skipped: 2 });
    expect(parts.ingest.cursorsFor(['qms.P1', 'mes.P1'])).toEqual({ 'qms.P1': 2, 'mes.P1': 0 });
    expect(parts.store.db.prepare('SELECT count(*) FROM inbox').pluck().get()).toBe(2);
    expect(parts.store.db.prepare("SELECT count(*) FROM workflow_instances WHERE workflow = 'inspection-failed'").pluck().get()).toBe(2);
  });

  it('stops a stream at a gap and reports where to replay from, without applying past it', () => {
    const event = createEventFactory();
    const first = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1'));
    event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-2'));
    const third = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-3'));
    const other = event('mes.P1', 'lot.consumed', { lotId: 'L-1', lotVersion: 5, productionOrderId: 'PO-1', quantity: 10 });
    const result = parts.ingest.applyBatch([first, third, other]);
    expect(result.gaps).toEqual([{ stream: 'qms.P1', afterSeq: 1 }]);
    expect(result.applied).toBe(2);
    expect(parts.ingest.cursorsFor(['qms.P1', 'mes.P1'])).toEqual({ 'qms.P1': 1, 'mes.P1': 1 });
    expect(parts.repos.lots.get('L-3')).toBeUndefined();
  });

  it('dead-letters bad shapes, unknown types and missing fields with the field named, and keeps going', () => {
    const event = createEventFactory();
    const missingField = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1'));
    delete (missingField.payload as Record<string, unknown>).defectCode;
    const unknownType = { ...event('qms.P1', 'inspection.passed', { lotId: 'L-1', lotVersion: 3, inspectionLotId: 'IL-1' }), type: 'lot.teleported' };
    const good = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-9'));
    const result = parts.ingest.applyBatch(['not an event', { id: 'x', stream: 'qms.P1' }, missingField, unknownType, good]);
    expect(result).toMatchObject({ applied: 1, deadLettered: 4 });
    const reasons = parts.repos.deadLetters.list().map((letter) => letter.reason);
    expect(reasons[0]).toMatch(/^\(message\): /);
    expect(reasons[1]).toMatch(/seq: /);
    expect(reasons[2]).toMatch(/^payload\.defectCode: /);
    expect(reasons[3]).toBe('type: unknown event type "lot.teleported"');
    // Envelope-valid letters still move the cursor: the stream is not stuck behind them.
    expect(parts.ingest.cursorsFor(['qms.P1'])).toEqual({ 'qms.P1': 3 });
    expect(parts.repos.lots.get('L-9')?.stockType).toBe('quality-inspection');
  });

  it('skips an event id it has already applied even at a new position', () => {
    const event = createEventFactory();
    const first = event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1'));
    const again = { ...event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1')), id: first.id };
    expect(parts.ingest.applyBatch([first, again])).toMatchObject({ applied: 1, skipped: 1 });
    expect(parts.ingest.cursorsFor(['qms.P1'])).toEqual({ 'qms.P1': 2 });
  });

  it('does not let an older lot version overwrite a newer one', () => {
    const event = createEventFactory();
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1', { lotVersion: 7, quantity: 50 }))]);
    parts.ingest.applyBatch([event('erp', 'goods.received', { lotId: 'L-1', lotVersion: 1, itemId: 'I-100', plant: 'P1', quantity: 120, unit: 'EA', stockType: 'quality-inspection' })]);
    expect(parts.repos.lots.get('L-1')).toMatchObject({ version: 7, quantity: 50 });
  });
});

describe('snapshots', () => {
  let parts: CoreParts;
  useCoreParts((made) => (parts = made));

  const snapshot = (streams: Record<string, number>) => ({
    streams,
    plants: [{ id: 'P1', name: 'Plant 1' }],
    items: [{ id: 'I-100', description: 'Valve body', unit: 'EA' }],
    lots: [{ lotId: 'L-7', itemId: 'I-100', plant: 'P1', quantity: 10, unit: 'EA', stockType: 'unrestricted', version: 1 }],
  });

  it('loads master data and lots and sets the cursors to its positions, lower ones included', () => {
    const event = createEventFactory();
    parts.ingest.applyBatch([event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-1')), event('qms.P1', 'inspection.failed', inspectionFailurePayload('L-2'))]);
    expect(parts.ingest.applySnapshot(snapshot({ 'qms.P1': 0 }))).toEqual({ ok: true });
    expect(parts.ingest.cursorsFor(['qms.P1'])).toEqual({ 'qms.P1': 0 });
    expect(parts.repos.lots.get('L-7')).toMatchObject({ quantity: 10, stockType: 'unrestricted' });
    // The restarted log numbers from 1 again, with new ids: applied, not refused as seen.
    const fresh = createEventFactory();
    const next = fresh('qms.P1', 'inspection.failed', inspectionFailurePayload('L-3'), { id: 'epoch2-1' });
    expect(parts.ingest.applyBatch([next])).toMatchObject({ applied: 1 });
  });

  it('dead-letters an unreadable snapshot with the field named and changes nothing', () => {
    const bad = { ...snapshot({ erp: 3 }), lots: [{ lotId: 'L-8' }] };
    const outcome = parts.ingest.applySnapshot(bad);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/^snapshot: lots\.0\.itemId: /) });
    expect(parts.ingest.cursorsFor(['erp'])).toEqual({ erp: 0 });
    expect(parts.repos.deadLetters.list()).toHaveLength(1);
  });
});

describe('open inspections in a snapshot', () => {
  let parts: CoreParts;
  useCoreParts((made) => (parts = made));

  const snapshotWith = (stockType: 'quality-inspection' | 'blocked') => ({
    streams: { 'qms.P1': 4 },
    plants: [{ id: 'P1', name: 'Plant 1' }],
    items: [{ id: 'I-100', description: 'Valve body', unit: 'EA' }],
    lots: [{ lotId: 'L-7', itemId: 'I-100', plant: 'P1', quantity: 10, unit: 'EA', stockType, version: 3 }],
    openInspections: [{ inspectionLotId: 'IL-7', lotId: 'L-7', defectCode: 'DIM-OOT', defectText: 'Bore too large', failedAt: '2026-11-01T10:00:00.000Z' }],
  });

  it('puts a lot whose inspection failed before this client synced on hold, and blocks it upstream', () => {
    parts.ingest.applySnapshot(snapshotWith('quality-inspection'));
    expect(parts.queries.row('L-7')).toMatchObject({ taskState: 'awaiting-decision', defectCode: 'DIM-OOT', holdSince: '2026-11-01T10:00:00.000Z', stockType: 'quality-inspection', lotVersion: 3 });
    expect(parts.repos.outbox.pending('erp', 0, 10).map((e) => e.command.type)).toEqual(['lot.setStatus', 'wms.moveTask']);
    // The same open inspection in a later snapshot changes nothing.
    parts.ingest.applySnapshot(snapshotWith('quality-inspection'));
    expect(parts.store.db.prepare("SELECT count(*) FROM workflow_instances WHERE workflow = 'inspection-failed'").pluck().get()).toBe(1);
  });

  it('does not block again a lot that is already blocked upstream; its hold move keeps the name every workstation gives it', () => {
    parts.ingest.applySnapshot(snapshotWith('blocked'));
    expect(parts.queries.row('L-7')).toMatchObject({ taskState: 'awaiting-decision', stockType: 'blocked' });
    expect(parts.repos.outbox.pending('erp', 0, 10).map((e) => [e.command.type, e.command.commandId])).toEqual([['wms.moveTask', 'IL-7.hold-move']]);
  });
});
