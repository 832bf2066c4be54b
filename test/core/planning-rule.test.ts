// The planning rule on small hand-built datasets whose answers are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { withLineStopped, withLotBlocked, withPoLineDelayed } from '../../orchestration-core/analysis/disruptions';
import { planImpact } from '../../orchestration-core/analysis/impact';
import { computePlan, pegDemands as pegDemandObjects } from '../../orchestration-core/analysis/plan';
import type { PlanInput } from '../../orchestration-core/model/plan-input';
import type { CustomerOrder, PoLine, ProductionOrder } from '../../shared/dataset';

const today = '2026-12-01';
const empty: PlanInput = { lots: [], poLines: [], productionOrders: [], customerOrders: [], transfers: [] };
const po = (id: string, itemId: string, quantity: number, expectedDate: string): PoLine => ({ id, supplierId: 'S-1', itemId, plant: 'P1', quantity, expectedDate, confirmed: true, asnId: null });
const customer = (id: string, itemId: string, quantity: number, shipDate: string, value = 1000, priority = 0): CustomerOrder => ({ id, customerId: 'C-1', itemId, plant: 'P1', quantity, shipDate, value, priority });
const production = (id: string, itemId: string, quantity: number, startDate: string, dueDate: string, components: ProductionOrder['components'], priority = 0): ProductionOrder => ({ id, itemId, plant: 'P1', line: 'L1', quantity, startDate, dueDate, priority, components });
const lot = (lotId: string, itemId: string, quantity: number) => ({ lotId, itemId, plant: 'P1', quantity, stockType: 'unrestricted' as const });
type TestDemand = { id: string; day: number; quantity: number; priority: number };
const pegDemands = (supplies: { day: number; quantity: number }[], demands: TestDemand[]) =>
  new Map([...pegDemandObjects(supplies, demands.map((d) => ({ ...d, orderId: d.id, index: 0 })))].map(([demand, daysLate]) => [demand.orderId, daysLate]));
const late = (plan: ReturnType<typeof computePlan>, id: string) => plan.customerOrders.get(id)?.daysLate;

describe('pegging', () => {
  it('covers demands first come first served by need date; late by the days to the covering receipt', () => {
    // Supply 10 on day 0 and 10 on day 5; demands of 8 on day 1 and 8 on day 2.
    const outcome = pegDemands(
      [{ day: 5, quantity: 10 }, { day: 0, quantity: 10 }],
      [{ id: 'b', day: 2, quantity: 8, priority: 0 }, { id: 'a', day: 1, quantity: 8, priority: 0 }],
    );
    expect(outcome.get('a')).toBe(0); // 8 of the first 10
    expect(outcome.get('b')).toBe(3); // needs 16 in all: covered on day 5, needed on day 2
  });

  it('breaks ties on need date by higher priority, then by id', () => {
    const supply = [{ day: 0, quantity: 5 }, { day: 4, quantity: 10 }];
    const outcome = pegDemands(supply, [
      { id: 'z-low', day: 1, quantity: 5, priority: 1 },
      { id: 'a-high', day: 1, quantity: 5, priority: 9 },
      { id: 'b-high', day: 1, quantity: 5, priority: 9 },
    ]);
    expect(outcome.get('a-high')).toBe(0);
    expect(outcome.get('b-high')).toBe(3);
    expect(outcome.get('z-low')).toBe(3);
  });

  it('reports demand that supply never covers as unfulfilled', () => {
    const outcome = pegDemands([{ day: 0, quantity: 5 }], [{ id: 'a', day: 1, quantity: 4, priority: 0 }, { id: 'b', day: 2, quantity: 4, priority: 0 }]);
    expect(outcome.get('a')).toBe(0);
    expect(outcome.get('b')).toBeNull();
  });
});

describe('the plan', () => {
  // FG-1 is made from SA-1 (x2), SA-1 from RAW-1 (x1): three levels.
  const threeLevels: PlanInput = {
    ...empty,
    poLines: [po('PO-1/10', 'RAW-1', 100, '2026-12-03')],
    productionOrders: [
      production('MO-SA', 'SA-1', 100, '2026-12-04', '2026-12-06', [{ itemId: 'RAW-1', quantity: 100 }]),
      production('MO-FG', 'FG-1', 50, '2026-12-07', '2026-12-09', [{ itemId: 'SA-1', quantity: 100 }]),
    ],
    customerOrders: [customer('CO-1', 'FG-1', 50, '2026-12-10', 25_000)],
  };

  it('plans everything on time when receipts come before their need dates', () => {
    const plan = computePlan(threeLevels, today);
    expect(plan.productionOrders.get('MO-SA')).toEqual({ daysLate: 0, outputDay: expect.any(Number) });
    expect(plan.productionOrders.get('MO-FG')?.daysLate).toBe(0);
    expect(late(plan, 'CO-1')).toBe(0);
  });

  it('propagates a supplier delay up the bill of materials to the customer order', () => {
    // RAW-1 now arrives 12-09: MO-SA starts 5 days late (needed 12-04), its output 12-11 instead of
    // 12-06; MO-FG needs SA-1 on 12-07: 4 days late, its output 12-13; CO-1 ships 12-10: 3 days late.
    const delayed = withPoLineDelayed(threeLevels, 'PO-1/10', '2026-12-09');
    const before = computePlan(threeLevels, today);
    const after = computePlan(delayed, today);
    expect(after.productionOrders.get('MO-SA')?.daysLate).toBe(5);
    expect(after.productionOrders.get('MO-FG')?.daysLate).toBe(4);
    expect(late(after, 'CO-1')).toBe(3);
    expect(planImpact(before, after, threeLevels.customerOrders)).toEqual({
      productionOrders: [
        { id: 'MO-FG', daysLate: 4, addedDaysLate: 4, unfulfilled: false },
        { id: 'MO-SA', daysLate: 5, addedDaysLate: 5, unfulfilled: false },
      ],
      customerOrders: [{ id: 'CO-1', daysLate: 3, addedDaysLate: 3, unfulfilled: false, revenueAtRisk: 25_000 }],
      totalRevenueAtRisk: 25_000,
    });
  });

  it('counts only the added lateness of orders already late, and leaves unaffected orders out', () => {
    const input: PlanInput = {
      ...empty,
      poLines: [po('PO-1/10', 'RAW-1', 10, '2026-12-05'), po('PO-2/10', 'RAW-2', 10, '2026-12-02')],
      customerOrders: [customer('CO-1', 'RAW-1', 10, '2026-12-03', 700), customer('CO-2', 'RAW-2', 10, '2026-12-04', 900)],
    };
    const before = computePlan(input, today);
    expect(late(before, 'CO-1')).toBe(2);
    const impact = planImpact(before, computePlan(withPoLineDelayed(input, 'PO-1/10', '2026-12-08'), today), input.customerOrders);
    expect(impact.customerOrders).toEqual([{ id: 'CO-1', daysLate: 5, addedDaysLate: 3, unfulfilled: false, revenueAtRisk: 700 }]);
    expect(impact.productionOrders).toEqual([]);
  });

  it('makes a production order short of any component unfulfilled, and its customer order with it', () => {
    const input: PlanInput = {
      ...empty,
      lots: [lot('L-1', 'RAW-1', 10)],
      productionOrders: [production('MO-1', 'FG-1', 5, '2026-12-02', '2026-12-03', [{ itemId: 'RAW-1', quantity: 10 }, { itemId: 'RAW-2', quantity: 1 }])],
      customerOrders: [customer('CO-1', 'FG-1', 5, '2026-12-05', 4000)],
    };
    const plan = computePlan(input, today);
    expect(plan.productionOrders.get('MO-1')).toEqual({ daysLate: null, outputDay: null });
    expect(late(plan, 'CO-1')).toBeNull();
  });

  it('takes a blocked lot out of supply: the demand it covered waits for the next receipt', () => {
    // 30 on hand in two lots, 40 due on 12-08; demands of 20 (12-02) and 20 (12-03). Blocking L-2
    // (10) leaves 20 on hand: the first is covered, the second waits for the receipt on 12-08.
    const input: PlanInput = {
      ...empty,
      lots: [lot('L-1', 'RAW-1', 20), lot('L-2', 'RAW-1', 10)],
      poLines: [po('PO-1/10', 'RAW-1', 40, '2026-12-08')],
      customerOrders: [customer('CO-1', 'RAW-1', 20, '2026-12-02', 100), customer('CO-2', 'RAW-1', 20, '2026-12-03', 200)],
    };
    const before = computePlan(input, today);
    expect(late(before, 'CO-2')).toBe(5); // needs 40, on hand 30: the receipt on 12-08 covers it
    const after = computePlan(withLotBlocked(input, 'L-2'), today);
    expect(late(after, 'CO-1')).toBe(0);
    expect(late(after, 'CO-2')).toBe(5);
    // Blocking L-1 too leaves 0 on hand: CO-1 also waits for 12-08.
    const both = computePlan(withLotBlocked(withLotBlocked(input, 'L-2'), 'L-1'), today);
    expect(late(both, 'CO-1')).toBe(6);
    expect(planImpact(before, both, input.customerOrders).totalRevenueAtRisk).toBe(100);
  });

  it('reads inbound transfers as supply at arrival and outbound ones as demand at shipping', () => {
    const input: PlanInput = {
      ...empty,
      lots: [lot('L-1', 'RAW-1', 10)],
      transfers: [{ id: 'STO-1', itemId: 'RAW-1', fromPlant: 'P1', toPlant: 'P2', quantity: 10, shipDate: '2026-12-02', arrivalDate: '2026-12-04' }],
      customerOrders: [customer('CO-1', 'RAW-1', 5, '2026-12-03'), { ...customer('CO-2', 'RAW-1', 10, '2026-12-03'), plant: 'P2' }],
    };
    const plan = computePlan(input, today);
    expect(late(plan, 'CO-1')).toBeNull(); // the transfer took P1's 10 first (12-02)
    expect(late(plan, 'CO-2')).toBe(1); // arrives in P2 on 12-04
  });

  it('moves orders on a stopped line out by the stoppage, and their lateness reaches the customer', () => {
    const input: PlanInput = {
      ...empty,
      lots: [lot('L-1', 'RAW-1', 10)],
      productionOrders: [production('MO-1', 'FG-1', 10, '2026-12-03', '2026-12-04', [{ itemId: 'RAW-1', quantity: 10 }])],
      customerOrders: [customer('CO-1', 'FG-1', 10, '2026-12-06', 5000)],
    };
    const after = computePlan(withLineStopped(input, 'P1', 'L1', '2026-12-02', 4), today);
    expect(late(after, 'CO-1')).toBe(2); // output on 12-08 instead of 12-04
    expect(() => withLineStopped(input, 'P1', 'L1', '2026-12-02', -1)).toThrow(/days/);
  });

  it('names the field of an unknown PO line or lot', () => {
    expect(() => withPoLineDelayed(empty, 'PO-9/10', '2026-12-09')).toThrow(/poLineId: no PO schedule line "PO-9\/10"/);
    expect(() => withLotBlocked(empty, 'L-9')).toThrow(/lotId: no lot "L-9"/);
  });
});
