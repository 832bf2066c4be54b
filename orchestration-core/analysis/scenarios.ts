// What-if scenarios a planner keeps: steps (a supplier delay, a lot block, a line stop, a response's
// changes) turned into plan changes against the plan as it is now, weighed against it, and compared
// side by side with the plan and with each other, per customer order too. A step whose PO line, lot or
// line the plan no longer has is named as no longer applying: the plan changed since it was saved.
import { dateOf, dayOf, readableDate } from '../../shared/plan-days';
import { summarize } from '../model/impact';
import type { PlanChange } from '../model/plan-changes';
import type { PlanIndex } from './plan-index';

export type ScenarioStep =
  | { kind: 'delay'; poLineId: string; newDate: string }
  | { kind: 'lot-block'; lotId: string }
  | { kind: 'line-stop'; plant: string; line: string; from: string; days: number }
  /**
   * A response as it was proposed: its changes to the plan, what the planner read, and the customer
   * orders its exception hits (followed in every world, moved or not).
   */
  | { kind: 'response'; label: string; changes: PlanChange[]; watch?: readonly string[] };

export interface Scenario {
  id: string;
  name: string;
  steps: ScenarioStep[];
}

export type ScenarioFigures = ReturnType<typeof summarize> & {
  /** Lane cost per unit times the quantity of each stock transport order the scenario adds. */
  freightCost: number;
};

/** What a lane costs per unit moved; undefined when the plants have no lane. */
export type LaneCost = (fromPlant: string, toPlant: string) => number | undefined;

export interface WeighedScenario {
  id: string;
  name: string;
  /** Against the plan now: the orders it makes later, the revenue that puts at risk, and its freight. */
  figures: ScenarioFigures;
  /**
   * The customer orders it follows (those whose days late it changes, and those its responses'
   * exceptions hit): their days late in its world (null: never covered).
   */
  customerOrders: Record<string, number | null>;
  /** Steps the plan no longer gives a meaning to, in words. */
  noLongerApplies: string[];
}

/** How the customer orders a comparison looks at stand in one world: late (or never covered), their value, the worst. */
export interface WorldFigures {
  lateCustomerOrders: number;
  revenueAtRisk: number;
  worstDaysLate: number | null;
  neverCovered: number;
  /** Days late of the dated late orders added up: it moves whenever one order is earlier or later. */
  daysLateTotal: number;
}

export interface ScenarioComparison {
  /** The compared customer orders in the plan as it is. */
  plan: WorldFigures;
  scenarios: (WeighedScenario & { changes: PlanChange[]; world: WorldFigures; earlier: number; later: number })[];
  /** Every customer order some scenario moves, with its days late in the plan now and in each scenario's world (null: never covered). */
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
      return `${step.poLineId} delayed to ${readableDate(step.newDate)}`;
    case 'lot-block':
      return `lot ${step.lotId} blocked`;
    case 'line-stop':
      return `line ${step.plant}/${step.line} stopped ${step.days} d from ${readableDate(step.from)}`;
    case 'response':
      return step.label;
  }
}

const isLate = (daysLate: number | null): boolean => daysLate === null || daysLate > 0;

function freightOf(changes: readonly PlanChange[], laneCost: LaneCost): number {
  let cost = 0;
  for (const change of changes) if (change.kind === 'transfer') cost += (laneCost(change.transfer.fromPlant, change.transfer.toPlant) ?? 0) * change.transfer.quantity;
  return Math.round(cost * 100) / 100;
}

/** The scenario against the plan now: what it makes later and earlier, and which of its steps no longer apply. */
export function weighScenario(index: PlanIndex, scenario: Scenario, laneCost: LaneCost): WeighedScenario & { changes: PlanChange[]; followed: Map<string, { now: number | null; then: number | null }> } {
  const noLongerApplies: string[] = [];
  const changes: PlanChange[] = [];
  const watch = new Set<string>();
  for (const step of scenario.steps) {
    const stepChanges = changesOf(index, step);
    if (stepChanges) changes.push(...stepChanges);
    else noLongerApplies.push(describeStep(step));
    if (stepChanges && step.kind === 'response') for (const id of step.watch ?? []) watch.add(id);
  }
  const { impact, customerOrders } = index.whatIfReaching(changes);
  const followed = new Map<string, { now: number | null; then: number | null }>();
  for (const order of customerOrders) if (order.now !== order.then || watch.has(order.id)) followed.set(order.id, { now: order.now, then: order.then });
  // An order the exception hits that the changes do not reach stands as it is now in this world.
  for (const id of watch) {
    if (followed.has(id) || !index.customerOrder(id)) continue;
    const now = index.customerLateness(id);
    followed.set(id, { now, then: now });
  }
  return {
    id: scenario.id,
    name: scenario.name,
    figures: { ...summarize(impact), freightCost: freightOf(changes, laneCost) },
    customerOrders: Object.fromEntries([...followed].map(([id, order]) => [id, order.then])),
    noLongerApplies,
    changes,
    followed,
  };
}

function worldOf(rows: readonly { value: number; daysLate: number | null }[]): WorldFigures {
  const late = rows.filter((row) => isLate(row.daysLate));
  const dated = late.flatMap((row) => (row.daysLate === null ? [] : [row.daysLate]));
  return {
    lateCustomerOrders: late.length,
    revenueAtRisk: late.reduce((sum, row) => sum + row.value, 0),
    worstDaysLate: dated.length > 0 ? Math.max(...dated) : null,
    neverCovered: late.length - dated.length,
    daysLateTotal: dated.reduce((sum, days) => sum + days, 0),
  };
}

/** Two or three scenarios beside the plan now: the customer orders any of them moves, as each world has them. */
export function compareScenarios(index: PlanIndex, scenarios: readonly Scenario[], laneCost: LaneCost): ScenarioComparison {
  const weighed = scenarios.map((scenario) => weighScenario(index, scenario, laneCost));
  const now = new Map<string, number | null>();
  for (const scenario of weighed) for (const [id, order] of scenario.followed) now.set(id, order.now);
  // Never covered is later than any dated lateness; on time is 0.
  const rank = (days: number | null) => (days === null ? Number.POSITIVE_INFINITY : Math.max(0, days));
  const spread = (order: { now: number | null; byScenario: (number | null)[] }) => Math.max(0, ...order.byScenario.map((days) => Math.min(1e6, Math.abs(rank(days) - rank(order.now))) || 0));
  // The orders the scenarios move most first, so a few that differ are not lost among many that do not.
  const customerOrders = [...now.keys()]
    .map((id) => ({
      id,
      value: index.customerOrder(id)?.value ?? 0,
      now: now.get(id) ?? null,
      byScenario: weighed.map((scenario) => (scenario.followed.has(id) ? scenario.followed.get(id)!.then : (now.get(id) ?? null))),
    }))
    .sort((a, b) => spread(b) - spread(a) || (a.id < b.id ? -1 : 1));
  return {
    plan: worldOf(customerOrders.map((order) => ({ value: order.value, daysLate: order.now }))),
    scenarios: weighed.map(({ followed: _followed, ...rest }, at) => ({
      ...rest,
      world: worldOf(customerOrders.map((order) => ({ value: order.value, daysLate: order.byScenario[at]! }))),
      earlier: customerOrders.filter((order) => rank(order.byScenario[at]!) < rank(order.now)).length,
      later: customerOrders.filter((order) => rank(order.byScenario[at]!) > rank(order.now)).length,
    })),
    customerOrders,
  };
}

/** What changed in a scenario's figures since it was saved, in words, for the planner opening it again. */
export function changedSince(saved: Pick<WeighedScenario, 'figures' | 'customerOrders'>, now: WeighedScenario): string[] {
  const changed: string[] = [];
  const late = (days: number | null) => (days === null ? 'never covered' : days > 0 ? `+${days} d` : 'on time');
  const amount = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (saved.figures.ordersHit !== now.figures.ordersHit) changed.push(`orders it makes later ${saved.figures.ordersHit} → ${now.figures.ordersHit}`);
  if (saved.figures.revenueAtRisk !== now.figures.revenueAtRisk) changed.push(`revenue it puts at risk ${amount(saved.figures.revenueAtRisk)} → ${amount(now.figures.revenueAtRisk)}`);
  const worst = (figures: ScenarioFigures) => (figures.ordersHit === 0 ? 'none' : late(figures.worstDaysLate));
  if (worst(saved.figures) !== worst(now.figures)) changed.push(`worst lateness it causes ${worst(saved.figures)} → ${worst(now.figures)}`);
  if (saved.figures.freightCost !== now.figures.freightCost) changed.push(`freight ${amount(saved.figures.freightCost)} → ${amount(now.figures.freightCost)}`);
  for (const id of [...new Set([...Object.keys(saved.customerOrders), ...Object.keys(now.customerOrders)])].sort()) {
    const before = id in saved.customerOrders ? late(saved.customerOrders[id]!) : null;
    const after = id in now.customerOrders ? late(now.customerOrders[id]!) : null;
    if (before === after) continue;
    if (before === null) changed.push(`${id} now ${after} in it`);
    else if (after === null) changed.push(`${id} ${before} in it when saved, no longer moved by it`);
    else changed.push(`${id} ${before} → ${after}`);
  }
  for (const step of now.noLongerApplies) changed.push(`no longer applies: ${step}`);
  return changed;
}
