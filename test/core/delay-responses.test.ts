// The responses proposed for a supplier delay: only those that exist for the case, each with the
// plan changes and commands it stands for.
import { describe, expect, it } from 'vitest';
import { proposeDelayResponses, type DelayContext } from '../../orchestration-core/analysis/delay-responses';
import type { PoLine, ProductionOrder } from '../../shared/dataset';

const line: PoLine = { id: 'PO-7/10', supplierId: 'S-1', itemId: 'RM-1', plant: 'P1', quantity: 100, expectedDate: '2026-12-20', confirmed: true, asnId: 'ASN-7' };
const order: ProductionOrder = { id: 'MO-1', itemId: 'SA-1', plant: 'P1', line: 'L1', quantity: 50, startDate: '2026-12-08', dueDate: '2026-12-10', priority: 1, components: [{ itemId: 'RM-1', quantity: 100 }, { itemId: 'RM-9', quantity: 5 }] };

const context = (overrides: Partial<DelayContext> = {}): DelayContext => ({
  line,
  previousDate: '2026-12-06',
  today: '2026-12-01',
  item: { unit: 'KG', supplierIds: ['S-1', 'S-2'], leadTimeDays: 7 },
  lateConsumers: [order],
  alternates: (parent) => (parent === 'SA-1' ? ['RM-2'] : []),
  stockByPlant: [{ plant: 'P2', quantity: 60 }, { plant: 'P1', quantity: 5 }],
  transitDays: (from, to) => (from === 'P2' && to === 'P1' ? 2 : undefined),
  ...overrides,
});

describe('supplier-delay responses', () => {
  it('proposes every response that exists, accepting the delay last', () => {
    const responses = proposeDelayResponses(context());
    expect(responses.map((r) => r.id)).toEqual(['expedite', 'alternate-supplier', 'substitute', 'transfer', 'reschedule', 'accept-delay']);
    const byId = Object.fromEntries(responses.map((r) => [r.id, r]));
    expect(byId['expedite']!.changes).toEqual([{ kind: 'poLine', poLine: { ...line, expectedDate: '2026-12-06' } }]);
    expect(byId['expedite']!.commands).toEqual([{ type: 'po.expedite', entityId: 'PO-7/10', payload: { poLineId: 'PO-7/10', requestedDate: '2026-12-06', reason: 'Supplier delay on PO-7/10' } }]);
    expect(byId['alternate-supplier']!.commands[0]).toMatchObject({ type: 'po.create', payload: { supplierId: 'S-2', quantity: 100, requestedDate: '2026-12-08' } });
    expect(byId['substitute']).toMatchObject({ needsApproval: true, commands: [] });
    expect(byId['substitute']!.changes).toEqual([{ kind: 'productionOrder', order: { ...order, components: [{ itemId: 'RM-2', quantity: 100 }, { itemId: 'RM-9', quantity: 5 }] } }]);
    // 60 in P2, two days away: all of it, arriving 12-03.
    expect(byId['transfer']!.commands[0]).toMatchObject({ type: 'transfer.request', payload: { fromPlant: 'P2', toPlant: 'P1', quantity: 60, shipDate: '2026-12-01', arrivalDate: '2026-12-03' } });
    expect(byId['transfer']!.description).toBe('Move 60 KG from P2 (unrestricted stock 60 KG) to P1, arriving 2026-12-03.');
    const fractional = proposeDelayResponses(context({ stockByPlant: [{ plant: 'P2', quantity: 1186.207 }] })).find((r) => r.id === 'transfer')!;
    expect(fractional.description).toContain('(unrestricted stock 1,186.2 KG)');
    // Start when the material arrives: 12 days later, due moves with it.
    expect(byId['reschedule']!.commands[0]).toMatchObject({ type: 'production.reschedule', payload: { productionOrderId: 'MO-1', startDate: '2026-12-20', dueDate: '2026-12-22' } });
    expect(byId['accept-delay']).toMatchObject({ changes: [], commands: [] });
  });

  it('leaves out what does not exist or would not help', () => {
    const responses = proposeDelayResponses(
      context({
        item: { unit: 'KG', supplierIds: ['S-1'], leadTimeDays: 30 },
        alternates: () => [],
        stockByPlant: [{ plant: 'P1', quantity: 5 }],
        lateConsumers: [],
      }),
    );
    expect(responses.map((r) => r.id)).toEqual(['expedite', 'accept-delay']);
    // An alternate supplier whose lead time ends after the delayed date is no help.
    const slow = proposeDelayResponses(context({ item: { unit: 'KG', supplierIds: ['S-1', 'S-2'], leadTimeDays: 30 } }));
    expect(slow.map((r) => r.id)).not.toContain('alternate-supplier');
  });
});
