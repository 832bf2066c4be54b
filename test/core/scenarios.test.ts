// Scenarios on the plan worked by hand (helpers/three-level-dataset.ts: CO-1 is 7 d late now, because
// PO-2/10 arrives 20 Dec): a week more of delay makes it 14 d late; the same delay with PO-2/10
// expedited to 10 Dec puts it on time. Compared side by side, per customer order too; weighed again
// after the plan changed, with what changed said, and a step whose PO line is gone named.
import { describe, expect, it } from 'vitest';
import { changedSince, compareScenarios, weighScenario, type Scenario } from '../../orchestration-core/analysis/scenarios';
import { PlanIndex } from '../../orchestration-core/analysis/plan-index';
import { computePlan } from '../../orchestration-core/analysis/plan';
import { threeLevels as dataset } from '../helpers/three-level-dataset';

const poTwo = dataset.poLines.find((line) => line.id === 'PO-2/10')!;
const weekLater: Scenario = { id: 'S-1', name: 'PO-2/10 a week later', steps: [{ kind: 'delay', poLineId: 'PO-2/10', newDate: '2026-12-27' }] };
const expedited: Scenario = {
  id: 'S-2',
  name: 'Later, but expedited',
  steps: [
    { kind: 'delay', poLineId: 'PO-2/10', newDate: '2026-12-27' },
    { kind: 'response', label: 'Expedite PO-2/10 to 10 Dec', changes: [{ kind: 'poLine', poLine: { ...poTwo, expectedDate: '2026-12-10' } }] },
  ],
};

const noLanes = () => undefined;

describe('scenarios', () => {
  it('weighs each against the plan now and compares them per customer order, in each world as it is', () => {
    const index = new PlanIndex(dataset, dataset.today);
    const before = computePlan(index.input(), dataset.today);
    const compared = compareScenarios(index, [weekLater, expedited], noLanes);
    expect(compared.scenarios.map((s) => [s.name, s.figures.ordersHit, s.figures.worstDaysLate, s.customerOrders])).toEqual([
      ['PO-2/10 a week later', 3, 19, { 'CO-1': 14 }],
      // Nothing later than now, and CO-1 on time: earlier shows as well as later.
      ['Later, but expedited', 0, null, { 'CO-1': 0 }],
    ]);
    expect(compared.customerOrders).toEqual([{ id: 'CO-1', value: 5_000, now: 7, byScenario: [14, 0] }]);
    // The same customer orders in each world: late now, later with the delay, on time expedited.
    expect(compared.plan).toEqual({ lateCustomerOrders: 1, revenueAtRisk: 5_000, worstDaysLate: 7, neverCovered: 0, daysLateTotal: 7 });
    expect(compared.scenarios.map((s) => [s.world, s.earlier, s.later])).toEqual([
      [{ lateCustomerOrders: 1, revenueAtRisk: 5_000, worstDaysLate: 14, neverCovered: 0, daysLateTotal: 14 }, 0, 1],
      [{ lateCustomerOrders: 0, revenueAtRisk: 0, worstDaysLate: null, neverCovered: 0, daysLateTotal: 0 }, 1, 0],
    ]);
    // Nothing of it stays in the plan.
    expect(index.plan()).toEqual(before);
  });

  it('weighed again after the plan changed, says what changed, and names a step whose PO line is gone', () => {
    const saved = weighScenario(new PlanIndex(dataset, dataset.today), weekLater, noLanes);
    // Since it was saved, 15 M of RM-1 were received: MO-SA no longer waits for PO-2/10, so its delay hurts nobody.
    const received = { ...dataset, lots: [...dataset.lots, { lotId: 'L-RM2', itemId: 'RM-1', plant: 'P1', quantity: 15, stockType: 'unrestricted' as const }] };
    const again = weighScenario(new PlanIndex(received, received.today), weekLater, noLanes);
    expect(changedSince(saved, again)).toEqual(['orders it makes later 3 → 0', 'revenue it puts at risk 5,000 → 0', 'worst lateness it causes +19 d → none', 'CO-1 +14 d in it when saved, no longer moved by it']);
    const gone = { ...dataset, poLines: dataset.poLines.filter((line) => line.id !== 'PO-2/10') };
    const orphaned = weighScenario(new PlanIndex(gone, gone.today), weekLater, noLanes);
    expect(orphaned.noLongerApplies).toEqual(['PO-2/10 delayed to 27 Dec 2026']);
    expect(changedSince(saved, orphaned)).toContain('no longer applies: PO-2/10 delayed to 27 Dec 2026');
  });

  it('follows the orders a response’s exception hits even when it moves none, and says when they move under it', () => {
    const accept: Scenario = { id: 'S-4', name: 'Accept the delay', steps: [{ kind: 'response', label: 'Accept the delay', changes: [], watch: ['CO-1'] }] };
    const compared = compareScenarios(new PlanIndex(dataset, dataset.today), [accept], noLanes);
    // Not an empty comparison: CO-1 is late now, and as late in this world.
    expect(compared.plan).toMatchObject({ lateCustomerOrders: 1, worstDaysLate: 7 });
    expect(compared.customerOrders).toEqual([{ id: 'CO-1', value: 5_000, now: 7, byScenario: [7] }]);
    const saved = weighScenario(new PlanIndex(dataset, dataset.today), accept, noLanes);
    const received = { ...dataset, lots: [...dataset.lots, { lotId: 'L-RM2', itemId: 'RM-1', plant: 'P1', quantity: 15, stockType: 'unrestricted' as const }] };
    expect(changedSince(saved, weighScenario(new PlanIndex(received, received.today), accept, noLanes))).toEqual(['CO-1 +7 d → on time']);
  });

  it('costs the freight of the stock transport orders a scenario adds, by lane', () => {
    const index = new PlanIndex(dataset, dataset.today);
    const transfer = { id: 'STO-1', itemId: 'RM-1', fromPlant: 'P2', toPlant: 'P1', quantity: 40, shipDate: '2026-12-08', arrivalDate: '2026-12-10' };
    const moved: Scenario = { id: 'S-3', name: 'Move RM-1 from P2', steps: [{ kind: 'response', label: 'Inter-plant transfer', changes: [{ kind: 'transfer', transfer }] }] };
    const laneCost = (from: string, to: string) => (from === 'P2' && to === 'P1' ? 1.25 : undefined);
    expect(weighScenario(index, moved, laneCost).figures.freightCost).toBe(50);
    expect(weighScenario(index, moved, noLanes).figures.freightCost).toBe(0);
  });
});
