// Pushed exceptions applied together (the bridge gathers them for a moment under a storm).
import { describe, expect, it } from 'vitest';
import { createImpactStore, initialImpactData, withExceptionsChanged, withExceptionsLoaded } from '../../renderer/state/impact-slice';
import type { ExceptionRow } from '../../shared/api/impact';

function exception(id: string, overrides: Partial<ExceptionRow> = {}): ExceptionRow {
  return {
    id,
    type: 'supplier-delay',
    itemId: 'RM-001532',
    itemDescription: 'Rod seal PU, 10 mm',
    plant: 'P1',
    sourceDocument: `PO-${id}/10 (ASN-${id})`,
    detectedAt: '2026-11-22T09:00:00.000Z',
    ordersHit: 3,
    revenueAtRisk: 1000,
    worstDaysLate: 12,
    unfulfilled: 0,
    status: 'open',
    taskId: `t-${id}`,
    remaining: null,
    ...overrides,
  };
}

describe('pushed exceptions applied together', () => {
  const loaded = withExceptionsLoaded(initialImpactData, [exception('E1'), exception('E2')]);

  it('adds and replaces rows in one state change; the last push of an exception wins', () => {
    const next = withExceptionsChanged(loaded, [exception('E3'), exception('E1', { ordersHit: 7 }), exception('E1', { status: 'resolved' })]);
    expect(Object.keys(next.exceptionsById)).toEqual(['E1', 'E2', 'E3']);
    expect(next.exceptionsById['E1']).toMatchObject({ status: 'resolved', ordersHit: 3 });
    // Untouched rows keep their objects: the grid's transaction holds only real changes.
    expect(next.exceptionsById['E2']).toBe(loaded.exceptionsById['E2']);
  });

  it('changes nothing when every push repeats what is shown, even after an intermediate change', () => {
    expect(withExceptionsChanged(loaded, [exception('E2')])).toBe(loaded);
    expect(withExceptionsChanged(loaded, [exception('E1', { ordersHit: 9 }), exception('E1')])).toBe(loaded);
    expect(withExceptionsChanged(loaded, [])).toBe(loaded);
  });

  it('notifies the store’s subscribers once for a whole batch', () => {
    const store = createImpactStore();
    store.getState().exceptionsLoaded([exception('E1')]);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.getState().exceptionsChanged([exception('E2'), exception('E3'), exception('E1', { revenueAtRisk: 5 })]);
    expect(notified).toBe(1);
    expect(Object.keys(store.getState().exceptionsById)).toEqual(['E1', 'E2', 'E3']);
  });
});
