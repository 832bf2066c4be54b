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
  plantsWithStock: ['P2', 'P1'],
  // What each plant can spare after its own needs and safety stock.
  freeStock: (itemId, plant) => ({ 'RM-1@P2': 60, 'RM-1@P1': 5, 'RM-2@P1': 150 } as Record<string, number>)[`${itemId}@${plant}`] ?? 0,
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
    expect(byId['transfer']!.description).toBe('Move 60 KG from P2 (what it can spare after its own orders and safety stock: 60 KG) to P1, arriving 03 Dec 2026.');
    const fractional = proposeDelayResponses(context({ freeStock: () => 1186.207 })).find((r) => r.id === 'transfer')!;
    expect(fractional.description).toContain('(what it can spare after its own orders and safety stock: 1,186.2 KG)');
    // Start when the material arrives: 12 days later, due moves with it.
    expect(byId['reschedule']!.commands[0]).toMatchObject({ type: 'production.reschedule', payload: { productionOrderId: 'MO-1', startDate: '2026-12-20', dueDate: '2026-12-22' } });
    expect(byId['accept-delay']).toMatchObject({ changes: [], commands: [] });
  });

  it('leaves out what does not exist or would not help', () => {
    const responses = proposeDelayResponses(
      context({
        item: { unit: 'KG', supplierIds: ['S-1'], leadTimeDays: 30 },
        alternates: () => [],
        plantsWithStock: ['P1'],
        lateConsumers: [],
      }),
    );
    expect(responses.map((r) => r.id)).toEqual(['expedite', 'accept-delay']);
    // An alternate supplier whose lead time ends after the delayed date is no help.
    const slow = proposeDelayResponses(context({ item: { unit: 'KG', supplierIds: ['S-1', 'S-2'], leadTimeDays: 30 } }));
    expect(slow.map((r) => r.id)).not.toContain('alternate-supplier');
  });

  it('takes from another plant only what it can spare after its own orders and safety stock', () => {
    // P2 holds stock, but its own orders and safety stock need all of it: no transfer.
    const needed = proposeDelayResponses(context({ freeStock: (itemId, plant) => (itemId === 'RM-1' && plant === 'P2' ? 0 : 150) }));
    expect(needed.map((r) => r.id)).not.toContain('transfer');
    // Two plants: the one with more to spare sends, and only what it can spare.
    const two = proposeDelayResponses(context({ plantsWithStock: ['P2', 'P3'], transitDays: () => 1, freeStock: (itemId, plant) => (itemId === 'RM-1' ? ({ P2: 10, P3: 35 } as Record<string, number>)[plant] ?? 0 : 150) }));
    expect(two.find((r) => r.id === 'transfer')!.commands[0]).toMatchObject({ payload: { fromPlant: 'P3', quantity: 35 } });
  });

  it('substitutes only in as many orders as the substitute\'s free stock covers, earliest first', () => {
    const second: ProductionOrder = { ...order, id: 'MO-2', startDate: '2026-12-12', dueDate: '2026-12-14' };
    const third: ProductionOrder = { ...order, id: 'MO-0', startDate: '2026-12-07', dueDate: '2026-12-09' };
    const free = (amount: number) => (itemId: string) => (itemId === 'RM-2' ? amount : 60);
    const substitute = (amount: number) => proposeDelayResponses(context({ lateConsumers: [order, second, third], freeStock: free(amount) })).find((r) => r.id === 'substitute');
    expect(substitute(250)!.substitution!.productionOrderIds).toEqual(['MO-0', 'MO-1']);
    expect(substitute(250)!.description).toContain('(200 KG of the 250 KG no other order needs)');
    expect(substitute(300)!.substitution!.productionOrderIds).toEqual(['MO-0', 'MO-1', 'MO-2']);
    // Other orders need all of the substitute: no substitution is offered.
    expect(substitute(99)).toBeUndefined();
  });
});

