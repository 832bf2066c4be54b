// Saved what-ifs: a planner's named scenarios (responses to open exceptions, a supplier delay, a lot
// block, a line stop), kept in the workstation's SQLite file, weighed again against the plan as it is
// whenever they are opened, compared side by side with the plan, and one applied.
import { z } from 'zod';
import { planDateSchema } from '../dataset';
import { idSchema } from '../domain';
import { exceptionResponseIdSchema } from '../exception-answer';

export const scenarioStepSchema = z.discriminatedUnion('kind', [
  /** A response an open exception offers: applying the scenario applies it. */
  z.object({ kind: z.literal('response'), exceptionId: idSchema, responseId: exceptionResponseIdSchema }),
  z.object({ kind: z.literal('delay'), poLineId: idSchema, newDate: planDateSchema }),
  z.object({ kind: z.literal('lot-block'), lotId: idSchema }),
  z.object({ kind: z.literal('line-stop'), plant: idSchema, line: idSchema, from: planDateSchema, days: z.number().int().min(1).max(365) }),
]);
export type ScenarioStepInput = z.infer<typeof scenarioStepSchema>;

export const maxScenarioSteps = 10;
export const maxScenariosCompared = 3;

export const saveScenarioArgsSchema = z.object({
  name: z.string().trim().min(1, 'give the scenario a name').max(80, 'at most 80 characters'),
  steps: z.array(scenarioStepSchema).min(1, 'a scenario needs at least one step').max(maxScenarioSteps, `at most ${maxScenarioSteps} steps`),
});
export type SaveScenarioArgs = z.infer<typeof saveScenarioArgsSchema>;

/** The figures a planner compares: as summarize() gives them, and the freight of the scenario's transfers. */
export interface ScenarioFiguresView {
  ordersHit: number;
  revenueAtRisk: number;
  /** The most days late of any order hit; null when none has a date (all unfulfilled) or none is hit. */
  worstDaysLate: number | null;
  unfulfilled: number;
  /** Lane cost per unit times the quantity of each stock transport order the scenario adds. */
  freightCost: number;
}

export interface ScenarioRow {
  id: string;
  name: string;
  /** Each step in words: "PO-0004046/10 delayed to 2026-12-20", "Expedite (EXC-…)". */
  steps: string[];
  savedBy: string;
  savedAt: string;
  /** As weighed when it was saved. */
  savedFigures: ScenarioFiguresView;
  /** Steps that are responses: what applying it would answer. */
  responseCount: number;
  applied: { by: string; at: string; commandIds: string[] } | null;
}

/** The compared customer orders as one world has them: how many late (or never covered), their value, the worst. */
export interface ScenarioWorld {
  lateCustomerOrders: number;
  revenueAtRisk: number;
  worstDaysLate: number | null;
  neverCovered: number;
  /** Days late of the dated late orders added up: it moves whenever one order is earlier or later. */
  daysLateTotal: number;
}

export interface ComparedScenario {
  id: string;
  name: string;
  steps: string[];
  /** Against the plan now: what it makes later, and its freight. */
  figures: ScenarioFiguresView;
  /** The compared customer orders in its world. */
  world: ScenarioWorld;
  /** Of the compared customer orders, how many it makes earlier and how many later than the plan now. */
  earlier: number;
  later: number;
  /** What is different from when it was saved, in words; empty: nothing. */
  changedSince: string[];
  /** Steps the plan no longer gives a meaning to (a received PO line, an answered exception). */
  noLongerApplies: string[];
  applied: ScenarioRow['applied'];
  responseCount: number;
}

export interface ScenarioComparisonView {
  /** When it was weighed: against the plan as it was then. */
  weighedAt: string;
  /**
   * The compared customer orders (those any scenario moves, and those its responses' exceptions hit)
   * in the plan as it is now, the disruptions already in it.
   */
  plan: ScenarioWorld;
  scenarios: ComparedScenario[];
  /** Each customer order a scenario makes later, with its days late now and in each scenario (null: never covered, absent: on time). */
  customerOrders: { id: string; customerId: string; value: number; priority: number; now: number | null; byScenario: (number | null)[] }[];
}

export const scenariosArgSchemas = {
  'scenarios.list': z.object({}),
  'scenarios.save': saveScenarioArgsSchema,
  'scenarios.compare': z.object({ ids: z.array(idSchema).min(1, 'pick a scenario to compare').max(maxScenariosCompared, `compare at most ${maxScenariosCompared}`) }),
  'scenarios.apply': z.object({ id: idSchema, confirmedWorse: z.literal(true).optional() }),
  'scenarios.delete': z.object({ id: idSchema }),
} as const;

export interface ScenariosApi {
  'scenarios.list': (args: Record<string, never>) => ScenarioRow[];
  /** Saves the what-if with its figures against the plan now. */
  'scenarios.save': (args: SaveScenarioArgs) => { id: string };
  /** The scenarios weighed against the plan as it is now, beside the plan; null while the plan is not loaded. */
  'scenarios.compare': (args: { ids: string[] }) => ScenarioComparisonView | null;
  /** Applies the scenario's responses (each goes upstream as the exception's answer, once). */
  'scenarios.apply': (args: { id: string; confirmedWorse?: true }) => { commandIds: string[] };
  'scenarios.delete': (args: { id: string }) => { deleted: boolean };
}
