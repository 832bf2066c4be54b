// The Scenarios view's state and columns: three picks at most, the oldest giving way; a deleted
// scenario's pick dropped on reload; each compared scenario its own column of days late, numbers that
// sort as numbers and read "+12 d", "on time", "never covered".
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioComparisonView, ScenarioRow } from '../../shared/api/scenarios';
import { useScenariosStore } from '../../renderer/state/scenarios-slice';
import { comparisonColumns } from '../../renderer/views/scenarios/scenario-columns';
import { formatWorldLateness, formatWorstOfWorld } from '../../renderer/views/scenarios/scenario-format';
import { columnOf, shownOf, sortBy } from '../helpers/grid-columns';

const scenario = (id: string): ScenarioRow => ({
  id,
  name: `Scenario ${id}`,
  steps: ['Expedite: PO-1/10 (ASN-1)'],
  savedBy: 'pl.omar',
  savedAt: '2026-12-07T10:00:00.000Z',
  savedFigures: { ordersHit: 0, revenueAtRisk: 0, worstDaysLate: null, unfulfilled: 0, freightCost: 0 },
  responseCount: 1,
  applied: null,
});

const world = { lateCustomerOrders: 1, revenueAtRisk: 100, worstDaysLate: 7, neverCovered: 0, daysLateTotal: 7 };
const comparison: ScenarioComparisonView = {
  weighedAt: '2026-12-07T10:00:00.000Z',
  plan: world,
  scenarios: ['A', 'B'].map((id) => ({ id, name: `Scenario ${id}`, steps: [], figures: { ...scenario(id).savedFigures }, world, earlier: 0, later: 0, changedSince: [], noLongerApplies: [], applied: null, responseCount: 1 })),
  customerOrders: [
    { id: 'CO-1', customerId: 'C-1', value: 100, priority: 1, now: 7, byScenario: [0, 12] },
    { id: 'CO-2', customerId: 'C-2', value: 50, priority: 2, now: 100, byScenario: [9, null] },
    { id: 'CO-3', customerId: 'C-3', value: 10, priority: 3, now: 10, byScenario: [10, 10] },
  ],
};

describe('scenarios state', () => {
  beforeEach(() => useScenariosStore.setState(useScenariosStore.getInitialState(), true));

  it('picks three at most, the oldest giving way, and unpicks', () => {
    const { togglePick } = useScenariosStore.getState();
    for (const id of ['A', 'B', 'C', 'D']) togglePick(id);
    expect(useScenariosStore.getState().picked).toEqual(['B', 'C', 'D']);
    togglePick('C');
    expect(useScenariosStore.getState().picked).toEqual(['B', 'D']);
  });

  it('drops the pick of a scenario no longer listed, and keeps the rows by id', () => {
    useScenariosStore.getState().setPicked(['A', 'B']);
    useScenariosStore.getState().rowsLoaded([scenario('B'), scenario('C')]);
    const state = useScenariosStore.getState();
    expect(state.picked).toEqual(['B']);
    expect(Object.keys(state.byId)).toEqual(['B', 'C']);
  });
});

describe('comparison columns', () => {
  it('gives each scenario its own column of days late, sorted as numbers and read in words', () => {
    const columns = comparisonColumns(comparison);
    expect(columns.map((column) => column.colId)).toEqual(['id', 'customer', 'priority', 'value', 'now', 'scenario-A', 'scenario-B']);
    const a = columnOf(columns, 'scenario-A');
    expect(comparison.customerOrders.map((row) => shownOf(a, row))).toEqual(['on time', '+9 d', '+10 d']);
    expect(shownOf(columnOf(columns, 'scenario-B'), comparison.customerOrders[1]!)).toBe('never covered');
    expect(sortBy(columns, 'now', comparison.customerOrders).map((row) => row.id)).toEqual(['CO-1', 'CO-3', 'CO-2']);
    expect(sortBy(columns, 'scenario-A', comparison.customerOrders).map((row) => row.id)).toEqual(['CO-1', 'CO-2', 'CO-3']);
  });

  it('reads a world’s worst lateness', () => {
    expect(formatWorstOfWorld(null, 0)).toBe('none late');
    expect(formatWorstOfWorld(null, 2)).toBe('never covered');
    expect(formatWorstOfWorld(4, 2)).toBe('+4 d');
    expect(formatWorldLateness(undefined)).toBe('—');
  });
});
