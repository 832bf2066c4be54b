// Pegging as a planner reads it against the planning rule: for any supplies and demands, each demand's
// lateness from allocate() is pegDemands' own, its parts add up to what it takes (all of it when
// covered), no supply gives more than it has, and the parts follow need order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../orchestration-core/analysis/pegging';
import { pegDemands } from '../../orchestration-core/analysis/plan';

const supply = fc.record({ day: fc.integer({ min: 0, max: 20 }), quantity: fc.integer({ min: 0, max: 30 }) });
const demand = fc.record({ orderId: fc.constantFrom('A', 'B', 'C', 'D'), index: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 0, max: 20 }), quantity: fc.integer({ min: 0, max: 30 }), priority: fc.integer({ min: 0, max: 2 }) });

describe('pegging by allocation', () => {
  it('gives every demand the planning rule’s lateness, and parts that add up', () => {
    fc.assert(
      fc.property(fc.array(supply, { maxLength: 8 }), fc.array(demand, { maxLength: 8 }), (supplies, demands) => {
        const lateness = pegDemands(supplies.map((s) => ({ ...s })), [...demands]);
        const pegged = allocate(supplies, demands);
        const given = new Map<object, number>();
        for (const d of demands) {
          const of = pegged.get(d)!;
          expect(of.daysLate).toBe(lateness.get(d));
          const taken = of.from.reduce((sum, part) => sum + part.quantity, 0);
          if (of.daysLate !== null) {
            expect(taken).toBe(d.quantity);
            expect(of.coveredDay).toBe(d.day + of.daysLate);
            if (of.from.length > 0) expect(Math.max(...of.from.map((part) => part.supply.day))).toBeLessThanOrEqual(of.coveredDay!);
          } else if (d.quantity > 0) expect(taken).toBeLessThan(d.quantity);
          else expect(of.from).toEqual([]);
          for (const part of of.from) given.set(part.supply, (given.get(part.supply) ?? 0) + part.quantity);
        }
        for (const [s, quantity] of given) expect(quantity).toBeLessThanOrEqual((s as { quantity: number }).quantity);
      }),
      { numRuns: 500 },
    );
  });
});
