// A saved scenario's steps as the analysis weighs them against the plan as it is now: a response is
// what its exception offers now (the same changes applying it would make), or nothing when the
// exception was answered meanwhile; the other steps are what-ifs the analysis reads as they are.
import type { ScenarioStepInput } from '../../shared/api/scenarios';
import type { ScenarioStep } from '../analysis/scenarios';
import type { PlanAnalysis, WorkflowRepos } from '../engine/workflow';
import type { PlanIndex } from '../analysis/plan-index';
import type { StoredScenarioStep } from '../store/scenarios-repo';
import { delayResponses } from '../workflows/supplier-delay-responses';

export type ResponseStep = Extract<ScenarioStepInput, { kind: 'response' }>;

/** What the exception offers as that response now, with the words a planner reads; or why not. */
export function responseNow(step: ResponseStep, repos: WorkflowRepos, plan: PlanAnalysis): { label: string; step: ScenarioStep } | { refused: string } {
  const stored = repos.exceptions.get(step.exceptionId);
  if (!stored) return { refused: `exceptionId: no exception ${step.exceptionId}` };
  if (stored.row.status !== 'open') {
    const by = stored.choice ? ` by ${stored.choice.by}` : '';
    return { refused: `exceptionId: ${step.exceptionId} is ${stored.row.status}${by}, not waiting for a response` };
  }
  const offered = stored.responses.find((response) => response.id === step.responseId);
  if (!offered) return { refused: `responseId: ${step.exceptionId} offers no ${step.responseId} response now` };
  const label = `${offered.label}: ${stored.row.sourceDocument}`;
  const { detail } = stored;
  // The orders the exception hits are followed in every world, moved or not.
  const watch = stored.impact.customerOrders.map((order) => order.id);
  if (step.responseId === 'accept-delay') return { label, step: { kind: 'response', label, changes: [], watch } };
  if (!('poLineId' in detail)) return { refused: `responseId: ${step.exceptionId} offers no ${step.responseId} response now` };
  const proposed = delayResponses({ poLineId: detail.poLineId, previousDate: detail.previousDate }, stored.impact, repos, plan).find((response) => response.id === step.responseId);
  if (!proposed) return { refused: `responseId: ${step.exceptionId} offers no ${step.responseId} response now` };
  return { label, step: { kind: 'response', label, changes: proposed.changes, watch } };
}

/** The steps as the analysis weighs them now; a response no longer offered is named, in words, in `gone`. */
export function stepsNow(steps: readonly StoredScenarioStep[], repos: WorkflowRepos, plan: PlanAnalysis): { steps: ScenarioStep[]; gone: string[] } {
  const weighed: ScenarioStep[] = [];
  const gone: string[] = [];
  for (const step of steps) {
    if (step.kind !== 'response') {
      const { label: _label, ...whatIf } = step;
      weighed.push(whatIf);
      continue;
    }
    const now = responseNow(step, repos, plan);
    if ('refused' in now) gone.push(`${step.label ?? step.responseId}: ${now.refused.replace(/^\w+: /, '')}`);
    else weighed.push(now.step);
  }
  return { steps: weighed, gone };
}

/** Why a what-if step names nothing the plan has ("poLineId: no PO line …"), or null when it does. */
export function unknownInPlan(step: Exclude<ScenarioStepInput, ResponseStep>, plan: PlanIndex): string | null {
  switch (step.kind) {
    case 'delay':
      return plan.poLine(step.poLineId) ? null : `poLineId: the plan has no open PO line ${step.poLineId} (ids look like PO-0004046/10)`;
    case 'lot-block':
      return plan.lot(step.lotId) ? null : `lotId: the plan has no lot ${step.lotId} (ids look like L-000101)`;
    case 'line-stop':
      return plan.ordersOnLine(step.plant, step.line).length > 0 ? null : `line: the plan has no production order on line ${step.plant}/${step.line}`;
  }
}
