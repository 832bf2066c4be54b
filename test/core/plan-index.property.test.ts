// The incremental plan index against planning from scratch: after any sequence of changes the two
// plans agree, a what-if (alone, or many sharing a base) or an impact since a baseline reports the same
// impact as two from-scratch plans, and none leaves a trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImpact } from '../../orchestration-core/analysis/impact';
import { computePlan } from '../../orchestration-core/analysis/plan';
import { applyPlanChange, type PlanChange } from '../../orchestration-core/model/plan-changes';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import type { Plan } from '../../orchestration-core/analysis/plan-types';
import type { PlanInput } from '../../orchestration-core/model/plan-input';
import { stockTypes } from '../../shared/domain';
import { dateOf, dayOf } from '../../shared/plan-days';

const today = '2026-12-01';
const plants = ['P1', 'P2'];
// Manufactured items on levels: FG uses SA or RM, SA uses RM; so the BOM has no cycle.
const componentsOf: Record<string, string[]> = { FG: ['SA', 'RM-1', 'RM-2'], SA: ['RM-1', 'RM-2', 'RM-3'] };
const allItems = ['FG', 'SA', 'RM-1', 'RM-2', 'RM-3'];

const date = fc.integer({ min: -2, max: 20 }).map((offset) => dateOf(dayOf(today) + offset));
const quantity = fc.integer({ min: 0, max: 30 });
const plant = fc.constantFrom(...plants);
const idFrom = (prefix: string, count: number) => fc.integer({ min: 1, max: count }).map((n) => `${prefix}-${n}`);

const change: fc.Arbitrary<PlanChange> = fc.oneof(
  fc.record({ id: idFrom('PO', 4), itemId: fc.constantFrom(...allItems), plant, quantity, expectedDate: date }).map(
    (line): PlanChange => ({ kind: 'poLine', poLine: { ...line, supplierId: 'S-1', confirmed: true, asnId: null } }),
  ),
  idFrom('PO', 4).map((id): PlanChange => ({ kind: 'poLineRemoved', id })),
  fc.record({ lotId: idFrom('L', 4), itemId: fc.constantFrom(...allItems), plant, quantity, stockType: fc.constantFrom(...stockTypes) }).map((lot): PlanChange => ({ kind: 'lot', lot })),
  idFrom('L', 4).map((id): PlanChange => ({ kind: 'lotRemoved', id })),
  fc
    .record({
      id: idFrom('MO', 5),
      itemId: fc.constantFrom('FG', 'SA'),
      plant,
      line: fc.constantFrom('L1', 'L2'),
      quantity,
      start: fc.integer({ min: -2, max: 15 }),
      lead: fc.integer({ min: 0, max: 4 }),
      priority: fc.integer({ min: 0, max: 2 }),
      perUnit: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    })
    .map((order): PlanChange => ({
      kind: 'productionOrder',
      order: {
        id: order.id,
        itemId: order.itemId,
        plant: order.plant,
        line: order.line,
        quantity: order.quantity,
        startDate: dateOf(dayOf(today) + order.start),
        dueDate: dateOf(dayOf(today) + order.start + order.lead),
        priority: order.priority,
        components: componentsOf[order.itemId]!.map((itemId, i) => ({ itemId, quantity: order.quantity * order.perUnit[i]! })).filter((c) => c.quantity > 0),
      },
    })),
  idFrom('MO', 5).map((id): PlanChange => ({ kind: 'productionOrderRemoved', id })),
  fc
    .record({ id: idFrom('CO', 5), itemId: fc.constantFrom(...allItems), plant, quantity, shipDate: date, value: fc.integer({ min: 0, max: 1000 }), priority: fc.integer({ min: 0, max: 2 }) })
    .map((order): PlanChange => ({ kind: 'customerOrder', order: { ...order, customerId: 'C-1' } })),
  idFrom('CO', 5).map((id): PlanChange => ({ kind: 'customerOrderRemoved', id })),
  fc
    .record({ id: idFrom('STO', 2), itemId: fc.constantFrom(...allItems), quantity, shipDate: fc.integer({ min: 0, max: 15 }), transit: fc.integer({ min: 0, max: 4 }), toP2: fc.boolean() })
    .map((t): PlanChange => ({
      kind: 'transfer',
      transfer: { id: t.id, itemId: t.itemId, quantity: t.quantity, fromPlant: t.toP2 ? 'P1' : 'P2', toPlant: t.toP2 ? 'P2' : 'P1', shipDate: dateOf(dayOf(today) + t.shipDate), arrivalDate: dateOf(dayOf(today) + t.shipDate + t.transit) },
    })),
  idFrom('STO', 2).map((id): PlanChange => ({ kind: 'transferRemoved', id })),
);

/** A step: apply a change, apply one and ask its impact since, or ask a what-if of a few changes. */
const step = fc.oneof(
  { weight: 4, arbitrary: change.map((c) => ({ apply: c })) },
  { weight: 1, arbitrary: change.map((c) => ({ applyAndCompare: c })) },
  { weight: 1, arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }).map((cs) => ({ whatIf: cs })) },
  { weight: 1, arbitrary: fc.tuple(fc.array(change, { maxLength: 2 }), fc.array(change, { maxLength: 2 })).map(([from, to]) => ({ compare: { from, to } })) },
  { weight: 1, arbitrary: fc.tuple(fc.array(change, { maxLength: 4 }), fc.array(fc.array(change, { maxLength: 2 }), { maxLength: 3 })).map(([base, variants]) => ({ whatIfEach: { base, variants } })) },
);

/** The change that puts the reference back as it was before `change`. */
function undoOf(input: PlanInput, change: PlanChange): PlanChange {
  const id = 'id' in change ? change.id : change.kind === 'poLine' ? change.poLine.id : change.kind === 'lot' ? change.lot.lotId : change.kind === 'transfer' ? change.transfer.id : change.order.id;
  const table = change.kind.replace('Removed', '');
  const old =
    table === 'poLine' ? input.poLines.find((r) => r.id === id) : table === 'lot' ? input.lots.find((r) => r.lotId === id) : table === 'productionOrder' ? input.productionOrders.find((r) => r.id === id) : table === 'customerOrder' ? input.customerOrders.find((r) => r.id === id) : input.transfers.find((r) => r.id === id);
  if (!old) return { kind: `${table}Removed`, id } as PlanChange;
  const field = table === 'poLine' ? 'poLine' : table === 'lot' ? 'lot' : table === 'transfer' ? 'transfer' : 'order';
  return { kind: table, [field]: old } as unknown as PlanChange;
}

const empty: PlanInput = { lots: [], poLines: [], productionOrders: [], customerOrders: [], transfers: [] };
const sorted = (plan: Plan) => ({
  productionOrders: [...plan.productionOrders].sort(([a], [b]) => a.localeCompare(b)),
  customerOrders: [...plan.customerOrders].sort(([a], [b]) => a.localeCompare(b)),
});

describe('plan index (property)', () => {
  it('agrees with a from-scratch plan after any sequence of changes and what-ifs', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const index = new PlanIndex(empty, today);
        let reference = empty;
        for (const s of steps) {
          if ('apply' in s) {
            index.apply(s.apply);
            reference = applyPlanChange(reference, s.apply);
          } else if ('applyAndCompare' in s) {
            const undo = undoOf(reference, s.applyAndCompare);
            const changed = applyPlanChange(reference, s.applyAndCompare);
            const expected = planImpact(computePlan(reference, today), computePlan(changed, today), changed.customerOrders);
            index.apply(s.applyAndCompare);
            reference = changed;
            expect(index.impactSince([undo])).toEqual(expected);
          } else if ('compare' in s) {
            const from = s.compare.from.reduce(applyPlanChange, reference);
            const to = s.compare.to.reduce(applyPlanChange, reference);
            const expected = planImpact(computePlan(from, today), computePlan(to, today), to.customerOrders);
            expect(index.compare(s.compare.from, s.compare.to)).toEqual(expected);
          } else if ('whatIfEach' in s) {
            const { base, variants } = s.whatIfEach;
            const impactOf = (changes: PlanChange[]) => {
              const changed = changes.reduce(applyPlanChange, reference);
              return planImpact(computePlan(reference, today), computePlan(changed, today), changed.customerOrders);
            };
            expect(index.whatIfEach(base, variants)).toEqual({ base: impactOf(base), variants: variants.map((variant) => impactOf([...base, ...variant])) });
          } else {
            const changed = s.whatIf.reduce(applyPlanChange, reference);
            const expected = planImpact(computePlan(reference, today), computePlan(changed, today), changed.customerOrders);
            expect(index.whatIf(s.whatIf)).toEqual(expected);
          }
          expect(sorted(index.plan())).toEqual(sorted(computePlan(reference, today)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is left as it was by a what-if that finds a cycle in the bill of materials', () => {
    const order = (id: string, itemId: string, component: string) => ({ id, itemId, plant: 'P1', line: 'L1', quantity: 5, startDate: today, dueDate: dateOf(dayOf(today) + 2), priority: 1, components: [{ itemId: component, quantity: 5 }] });
    const input: PlanInput = { ...empty, productionOrders: [order('MO-FG', 'FG', 'SA'), order('MO-SA', 'SA', 'RM-1')], customerOrders: [{ id: 'CO-1', customerId: 'C-1', itemId: 'FG', plant: 'P1', quantity: 5, shipDate: dateOf(dayOf(today) + 5), value: 100, priority: 1 }] };
    const index = new PlanIndex(input, today);
    const before = sorted(index.plan());
    // SA made from FG: FG needs SA needs FG.
    const cycle: PlanChange = { kind: 'productionOrder', order: order('MO-SA', 'SA', 'FG') };
    const later: PlanChange = { kind: 'customerOrder', order: { ...input.customerOrders[0]!, shipDate: today } };
    expect(() => index.whatIfEach([later], [[cycle]])).toThrow(/is its own component/);
    expect(() => index.whatIfEach([cycle], [[later]])).toThrow(/is its own component/);
    expect(() => index.whatIf([later, cycle])).toThrow(/is its own component/);
    expect(sorted(index.plan())).toEqual(before);
    expect(index.whatIf([later])).toEqual(planImpact(computePlan(input, today), computePlan(applyPlanChange(input, later), today), applyPlanChange(input, later).customerOrders));
  });

  it('starts from a dataset the same as planning it from scratch', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const input = changes.reduce(applyPlanChange, empty);
        expect(sorted(new PlanIndex(input, today).plan())).toEqual(sorted(computePlan(input, today)));
      }),
      { numRuns: 200 },
    );
  });
});
