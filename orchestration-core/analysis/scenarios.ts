// What-if scenarios a planner keeps: steps (a supplier delay, a lot block, a line stop, a response's
// changes) turned into plan changes against the plan as it is now, weighed against it, and compared
// side by side with the plan and with each other, per customer order too. A step whose PO line, lot or
// line the plan no longer has is named as no longer applying: the plan changed since it was saved.
import { dateOf, dayOf } from '../../shared/plan-days';
import { summarize } from '../model/impact';
import type { PlanChange } from '../model/plan-changes';
import type { PlanIndex } from './plan-index';

export type ScenarioStep =
  | { kind: 'delay'; poLineId: string; newDate: string }
  | { kind: 'lot-block'; lotId: string }
  | { kind: 'line-stop'; plant: string; line: string; from: string; days: number }
  /** A response as it was proposed: its changes to the plan, and what the planner read. */
  | { kind: 'response'; label: string; changes: PlanChange[] };

export interface Scenario {
  id: string;
  name: string;
  steps: ScenarioStep[];
}

export type ScenarioFigures = ReturnType<typeof summarize>;

export interface WeighedScenario {
  id: string;
  name: string;
  figures: ScenarioFigures;
  /** Customer orders later than in the plan now: days late in this world, null when never covered. */
  customerOrders: Record<string, number | null>;
  /** Steps the plan no longer gives a meaning to, in words. */
  noLongerApplies: string[];
}

export interface ScenarioComparison {
  scenarios: WeighedScenario[];
  /** Every customer order some scenario makes later, with its lateness in the plan now and in each scenario's world (null: never covered). */
  customerOrders: { id: string; value: number; now: number | null; byScenario: (number | null)[] }[];
}

/** A step as plan changes against the plan now; null when what it names is gone. */
function changesOf(index: PlanIndex, step: ScenarioStep): PlanChange[] | null {
  switch (step.kind) {
    case 'delay': {
      const line = index.poLine(step.poLineId);
      return line ? [{ kind: 'poLine', poLine: { ...line, expectedDate: step.newDate } }] : null;
    }
    case 'lot-block': {
      const lot = index.lot(step.lotId);
      return lot ? [{ kind: 'lot', lot: { ...lot, stockType: 'blocked' } }] : null;
    }
    case 'line-stop': {
      const fromDay = dayOf(step.from);
      const shift = (date: string) => dateOf(dayOf(date) + step.days);
      const orders = index.ordersOnLine(step.plant, step.line).filter((order) => dayOf(order.startDate) >= fromDay);
      return orders.length > 0 ? orders.map((order): PlanChange => ({ kind: 'productionOrder', order: { ...order, startDate: shift(order.startDate), dueDate: shift(order.dueDate) } })) : null;
    }
    case 'response':
      return step.changes;
  }
}

export function describeStep(step: ScenarioStep): string {
  switch (step.kind) {
    case 'delay':
      return `${step.poLineId} delayed to ${step.newDate}`;
    case 'lot-block':
      return `lot ${step.lotId} blocked`;
    case 'line-stop':
      return `line ${step.plant}/${step.line} stopped ${step.days} d from ${step.from}`;
    case 'response':
      return step.label;
  }
}

/** The scenario against the plan now: what it makes later, and which of its steps no longer apply. */
export function weighScenario(index: PlanIndex, scenario: Scenario): WeighedScenario & { changes: PlanChange[] } {
  const noLongerApplies: string[] = [];
  const changes: PlanChange[] = [];
  for (const step of scenario.steps) {
    const stepChanges = changesOf(index, step);
    if (stepChanges) changes.push(...stepChanges);
    else noLongerApplies.push(describeStep(step));
  }
  const impact = index.whatIf(changes);
  return {
    id: scenario.id,
    name: scenario.name,
    figures: summarize(impact),
    customerOrders: Object.fromEntries(impact.customerOrders.map((order) => [order.id, order.daysLate])),
    noLongerApplies,
    changes,
  };
}

/** Two or three scenarios beside the plan now, and the customer orders any of them makes later. */
export function compareScenarios(index: PlanIndex, scenarios: readonly Scenario[]): ScenarioComparison {
  const weighed = scenarios.map((scenario) => weighScenario(index, scenario));
  const ids = [...new Set(weighed.flatMap((scenario) => Object.keys(scenario.customerOrders)))].sort();
  return {
    scenarios: weighed.map(({ changes: _changes, ...rest }) => rest),
    // In each world as it is, earlier as well as later: a response that puts an order back in time shows so.
    customerOrders: (() => {
      const present = index.customerLatenessWith([], ids);
      const worlds = weighed.map((scenario) => index.customerLatenessWith(scenario.changes, ids));
      return ids.map((id) => ({ id, value: index.customerOrder(id)?.value ?? 0, now: present.get(id) ?? null, byScenario: worlds.map((world) => world.get(id) ?? null) }));
    })(),
  };
}

/** What changed in a scenario's figures since it was saved, in words, for the planner opening it again. */
export function changedSince(saved: Pick<WeighedScenario, 'figures' | 'customerOrders'>, now: WeighedScenario): string[] {
  const changed: string[] = [];
  const late = (days: number | null) => (days === null ? 'never covered' : `+${days} d`);
  if (saved.figures.ordersHit !== now.figures.ordersHit) changed.push(`orders hit ${saved.figures.ordersHit} → ${now.figures.ordersHit}`);
  if (saved.figures.revenueAtRisk !== now.figures.revenueAtRisk) changed.push(`revenue at risk ${saved.figures.revenueAtRisk} → ${now.figures.revenueAtRisk}`);
  const worst = (figures: ScenarioFigures) => (figures.ordersHit === 0 ? 'none' : late(figures.worstDaysLate));
  if (worst(saved.figures) !== worst(now.figures)) changed.push(`worst lateness ${worst(saved.figures)} → ${worst(now.figures)}`);
  for (const id of [...new Set([...Object.keys(saved.customerOrders), ...Object.keys(now.customerOrders)])].sort()) {
    const before = id in saved.customerOrders ? late(saved.customerOrders[id]!) : 'not hit';
    const after = id in now.customerOrders ? late(now.customerOrders[id]!) : 'not hit';
    if (before !== after) changed.push(`${id} ${before} → ${after}`);
  }
  for (const step of now.noLongerApplies) changed.push(`no longer applies: ${step}`);
  return changed;
}
