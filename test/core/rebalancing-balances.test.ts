// Balances worked by hand: projected available day by day over the horizon, shortage against safety
// stock from its need date, surplus bounded by the lowest day, whole units.
import { describe, expect, it } from 'vitest';
import { balancesOf, projectBalance, type PlantBalance } from '../../orchestration-core/analysis/rebalancing/balances';
import type { BalanceInput } from '../../orchestration-core/analysis/plan-types';
import { dateOf, dayOf } from '../../shared/plan-days';

const today = '2026-12-01';
const T = dayOf(today);
const on = (offset: number) => dateOf(T + offset);
const empty: BalanceInput = { today, lots: [], poLines: [], productionOrders: [], customerOrders: [], transfers: [], safetyStocks: [] };
const po = (id: string, plant: string, quantity: number, offset: number) => ({ id, supplierId: 'S-1', itemId: 'A', plant, quantity, expectedDate: on(offset), confirmed: true, asnId: null });
const co = (id: string, plant: string, quantity: number, offset: number) => ({ id, customerId: 'C-1', itemId: 'A', plant, quantity, shipDate: on(offset), value: 0, priority: 1 });
const balanceAt = (input: BalanceInput, plant: string): PlantBalance | undefined => balancesOf(input).get('A')?.find((balance) => balance.plant === plant);

describe('rebalancing balances', () => {
  it('gives the surplus above safety stock that the lowest day allows', () => {
    // Projected: today 100, day 3 70, day 10 120, day 12 40; lowest 40, safety stock 20.
    const input: BalanceInput = {
      ...empty,
      lots: [
        { lotId: 'L1', itemId: 'A', plant: 'P1', quantity: 100, stockType: 'unrestricted' },
        { lotId: 'L2', itemId: 'A', plant: 'P1', quantity: 500, stockType: 'blocked' },
      ],
      poLines: [po('PO-1', 'P1', 50, 10)],
      customerOrders: [co('CO-1', 'P1', 30, 3), co('CO-2', 'P1', 80, 12)],
      safetyStocks: [{ itemId: 'A', plant: 'P1', quantity: 20 }],
    };
    expect(balanceAt(input, 'P1')).toEqual({ plant: 'P1', safetyStock: 20, lowestProjected: 40, projectedAtEnd: 40, surplus: 20, shortage: 0, needDay: null });
  });

  it('gives a dip below safety stock as a shortage from its first day, and no surplus even if stock recovers', () => {
    // Projected: today 10, day 5 -20, day 7 80. Shipping anything today would deepen the dip.
    const input: BalanceInput = {
      ...empty,
      lots: [{ lotId: 'L1', itemId: 'A', plant: 'P1', quantity: 10, stockType: 'unrestricted' }],
      customerOrders: [co('CO-1', 'P1', 30, 5)],
      poLines: [po('PO-1', 'P1', 100, 7)],
      safetyStocks: [{ itemId: 'A', plant: 'P1', quantity: 10 }],
    };
    expect(balanceAt(input, 'P1')).toMatchObject({ lowestProjected: -20, projectedAtEnd: 80, surplus: 0, shortage: 30, needDay: T + 5 });
  });

  it('counts what is dated before today today, and nothing after the horizon', () => {
    // The overdue PO line lands today; the order on day 28 is inside the horizon, the one on day 29 is not.
    const input: BalanceInput = { ...empty, poLines: [po('PO-1', 'P1', 40, -3)], customerOrders: [co('CO-1', 'P1', 15, 28), co('CO-2', 'P1', 500, 29)] };
    expect(balanceAt(input, 'P1')).toMatchObject({ lowestProjected: 25, projectedAtEnd: 25, surplus: 25, shortage: 0 });
  });

  it('moves production output at the due date, components at the start, transfers at ship and arrival', () => {
    const input: BalanceInput = {
      ...empty,
      productionOrders: [{ id: 'MO-1', itemId: 'A', plant: 'P1', line: 'L1', quantity: 30, startDate: on(2), dueDate: on(6), priority: 1, components: [{ itemId: 'B', quantity: 12 }] }],
      transfers: [{ id: 'STO-1', itemId: 'A', fromPlant: 'P1', toPlant: 'P2', quantity: 10, shipDate: on(8), arrivalDate: on(10) }],
      lots: [{ lotId: 'L1', itemId: 'B', plant: 'P1', quantity: 5, stockType: 'unrestricted' }],
    };
    // A at P1: 0 until day 6, 30, then 20 from day 8: lowest 0. A at P2: 10 from day 10. B at P1: 5, then -7 from day 2.
    expect(balanceAt(input, 'P1')).toMatchObject({ lowestProjected: 0, projectedAtEnd: 20, surplus: 0, shortage: 0 });
    expect(balanceAt(input, 'P2')).toMatchObject({ lowestProjected: 0, projectedAtEnd: 10, surplus: 0, shortage: 0 });
    expect(balancesOf(input).get('B')).toEqual([{ plant: 'P1', safetyStock: 0, lowestProjected: -7, projectedAtEnd: -7, surplus: 0, shortage: 7, needDay: T + 2 }]);
  });

  it('keeps whole units: surplus rounds down, shortage up', () => {
    expect(projectBalance('P1', [{ day: T, quantity: 10.4 }], 0, T, 28)).toMatchObject({ surplus: 10, shortage: 0 });
    expect(projectBalance('P1', [{ day: T, quantity: 9.6 }], 10, T, 28)).toMatchObject({ surplus: 0, shortage: 1, needDay: T });
    // Float sums of lots that make a whole unit are that unit.
    expect(projectBalance('P1', [{ day: T, quantity: 0.1 }, { day: T, quantity: 0.2 }], 0.3, T, 28)).toMatchObject({ surplus: 0, shortage: 0, needDay: null });
  });

  it('makes a safety stock where nothing else is recorded short all of it from today', () => {
    expect(balancesOf({ ...empty, safetyStocks: [{ itemId: 'A', plant: 'P3', quantity: 12 }] }).get('A')).toEqual([
      { plant: 'P3', safetyStock: 12, lowestProjected: 0, projectedAtEnd: 0, surplus: 0, shortage: 12, needDay: T },
    ]);
  });
});
