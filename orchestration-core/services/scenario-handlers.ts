// Saved scenarios as API methods: saved with their figures against the plan now, weighed again
// against the plan as it is whenever compared (with what changed since they were saved), and applied:
// each response in it is the exception's answer, through impact.respond, so it goes upstream once.
import type { Handlers } from '../../shared/api';
import type { RespondArgs } from '../../shared/api/impact';
import { ApiFailure } from '../../shared/api/result';
import type { ComparedScenario, ScenarioFiguresView, ScenarioRow, ScenariosApi } from '../../shared/api/scenarios';
import { changedSince, compareScenarios, describeStep, weighScenario, type LaneCost, type Scenario } from '../analysis/scenarios';
import type { PlanIndex } from '../analysis/plan-index';
import type { Clock } from '../core-ports';
import type { Repos } from '../store/repos';
import type { StoredScenario, StoredScenarioStep } from '../store/scenarios-repo';
import type { CommitPath } from './commit-path';
import { responseNow, stepsNow, unknownInPlan } from './scenario-steps';

export interface ScenarioHandlerDeps {
  repos: Repos;
  plan(): PlanIndex | null;
  commit: CommitPath;
  clock: Clock;
  newId(): string;
  /** impact.respond as the API answers it: the role, the open task and the confirmation checked there. */
  respond(args: RespondArgs, user: string): { commandIds: string[] };
}

const describe = (step: StoredScenarioStep): string => (step.kind === 'response' ? (step.label ?? step.responseId) : describeStep(step));

function rowOf(stored: StoredScenario): ScenarioRow {
  return {
    id: stored.id,
    name: stored.name,
    steps: stored.steps.map(describe),
    savedBy: stored.savedBy,
    savedAt: stored.savedAt,
    savedFigures: stored.savedFigures,
    responseCount: stored.steps.filter((step) => step.kind === 'response').length,
    applied: stored.applied,
  };
}

const viewOf = ({ ordersHit, revenueAtRisk, worstDaysLate, unfulfilled, freightCost }: ScenarioFiguresView): ScenarioFiguresView => ({ ordersHit, revenueAtRisk, worstDaysLate, unfulfilled, freightCost });

export function createScenarioHandlers(deps: ScenarioHandlerDeps) {
  const { repos, commit } = deps;
  const laneCost: LaneCost = (from, to) => repos.planning.lane(from, to)?.costPerUnit;

  function planNow(): PlanIndex {
    const plan = deps.plan();
    if (!plan) throw new ApiFailure('conflict', 'plan: the plan is not loaded yet (no dataset from the ERP); try again once it has synced');
    return plan;
  }

  /** The scenario as the analysis weighs it now; responses no longer offered counted as no longer applying. */
  function weighNow(stored: StoredScenario, plan: PlanIndex): { scenario: Scenario; gone: string[] } {
    const { steps, gone } = stepsNow(stored.steps, repos, plan);
    return { scenario: { id: stored.id, name: stored.name, steps }, gone };
  }

  return {
    'scenarios.list': () => repos.scenarios.list().map(rowOf),
    'scenarios.save': ({ name, steps }, context) =>
      commit('scenarios.save', () => {
        const taken = repos.scenarios.named(name);
        if (taken) throw new ApiFailure('conflict', `name: a scenario named "${name}" is saved already; pick another name or delete it`);
        const plan = planNow();
        // A response is kept with the words the planner read; one the exception no longer offers is refused now, not later.
        const kept: StoredScenarioStep[] = steps.map((step, at) => {
          if (step.kind !== 'response') {
            // A what-if naming what the plan does not have would weigh as harmless: refused, naming the field.
            const unknown = unknownInPlan(step, plan);
            if (unknown) throw new ApiFailure('invalid-args', `steps.${at}.${unknown}`);
            return step;
          }
          const now = responseNow(step, repos, plan);
          if ('refused' in now) throw new ApiFailure('conflict', `steps.${at}.${now.refused}`);
          return { ...step, label: now.label };
        });
        const id = `SC-${deps.newId().slice(0, 8).toUpperCase()}`;
        const savedAt = deps.clock.now().toISOString();
        const weighed = weighScenario(plan, { id, name, steps: stepsNow(kept, repos, plan).steps }, laneCost);
        repos.scenarios.save({ id, name, steps: kept, savedBy: context.user, savedAt, savedFigures: viewOf(weighed.figures), savedCustomerOrders: weighed.customerOrders });
        repos.audit.append({ at: savedAt, actor: context.user, action: 'scenario saved', subject: id, detail: { name, steps: kept.map(describe) } });
        return { id };
      }),
    'scenarios.compare': ({ ids }) => {
      const plan = deps.plan();
      if (!plan) return null;
      const stored = ids.map((id) => {
        const found = repos.scenarios.get(id);
        if (!found) throw new ApiFailure('not-found', `ids: no scenario ${id}`);
        return found;
      });
      const now = stored.map((scenario) => weighNow(scenario, plan));
      const compared = compareScenarios(plan, now.map((weighed) => weighed.scenario), laneCost);
      const scenarios = compared.scenarios.map((weighed, at): ComparedScenario => {
        const saved = stored[at]!;
        const noLongerApplies = [...now[at]!.gone, ...weighed.noLongerApplies];
        const withGone = { ...weighed, noLongerApplies };
        return {
          id: saved.id,
          name: saved.name,
          steps: saved.steps.map(describe),
          figures: viewOf(weighed.figures),
          world: weighed.world,
          earlier: weighed.earlier,
          later: weighed.later,
          // Once applied, its responses are the plan's: what it changed is what happened, not news.
          changedSince: saved.applied ? [] : changedSince({ figures: saved.savedFigures, customerOrders: saved.savedCustomerOrders }, withGone),
          noLongerApplies: saved.applied ? [] : noLongerApplies,
          applied: saved.applied,
          responseCount: saved.steps.filter((step) => step.kind === 'response').length,
        };
      });
      return {
        weighedAt: deps.clock.now().toISOString(),
        plan: compared.plan,
        scenarios,
        customerOrders: compared.customerOrders.map((order) => {
          const facts = plan.customerOrder(order.id);
          return { ...order, customerId: facts?.customerId ?? '', priority: facts?.priority ?? 0 };
        }),
      };
    },
    'scenarios.apply': ({ id, confirmedWorse }, context) => {
      // The role and the scenario are checked before any response is applied.
      const stored = commit('scenarios.apply', () => {
        const found = repos.scenarios.get(id);
        if (!found) throw new ApiFailure('not-found', `id: no scenario ${id}`);
        if (found.applied) throw new ApiFailure('conflict', `id: "${found.name}" was applied by ${found.applied.by} at ${found.applied.at}`);
        const plan = planNow();
        const responses = found.steps.filter((step) => step.kind === 'response');
        if (responses.length === 0) throw new ApiFailure('conflict', `id: "${found.name}" holds no response to apply; its delay, lot block or line stop is a what-if to read`);
        for (const step of responses) {
          const now = responseNow(step, repos, plan);
          if ('refused' in now) throw new ApiFailure('conflict', `id: "${found.name}" cannot be applied: ${step.label ?? step.responseId} no longer applies (${now.refused.replace(/^\w+: /, '')})`);
        }
        return found;
      });
      const commandIds: string[] = [];
      const markApplied = () =>
        commit('scenarios.apply', () => {
          const at = deps.clock.now().toISOString();
          repos.scenarios.applied(id, context.user, at, commandIds);
          repos.audit.append({ at, actor: context.user, action: 'scenario applied', subject: id, detail: { name: stored.name, commandIds } });
        });
      let answered = 0;
      for (const step of stored.steps) {
        if (step.kind !== 'response') continue;
        const note = `Scenario "${stored.name}"`;
        try {
          commandIds.push(...deps.respond({ exceptionId: step.exceptionId, responseId: step.responseId, note, ...(confirmedWorse ? { confirmedWorse } : {}) }, context.user).commandIds);
        } catch (error) {
          // What went upstream stays applied and is said; the rest is refused with its reason.
          if (answered === 0 || !(error instanceof ApiFailure)) throw error;
          markApplied();
          throw new ApiFailure(error.code, `${error.message} (the scenario's first ${answered} response${answered === 1 ? '' : 's'} went upstream and stand)`);
        }
        answered += 1;
      }
      markApplied();
      return { commandIds };
    },
    'scenarios.delete': ({ id }, context) =>
      commit('scenarios.delete', () => {
        const found = repos.scenarios.get(id);
        if (!found) throw new ApiFailure('not-found', `id: no scenario ${id}`);
        repos.scenarios.delete(id);
        repos.audit.append({ at: deps.clock.now().toISOString(), actor: context.user, action: 'scenario deleted', subject: id, detail: { name: found.name } });
        return { deleted: true };
      }),
  } satisfies Handlers<ScenariosApi>;
}
