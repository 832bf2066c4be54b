// What a supplier delay or a blocked lot makes later, weighed against the present plan: the same
// reading the workflows made when the disruption arrived, made again whenever the plan moved.
import type { ExceptionResponse } from '../../shared/api/impact';
import type { PlanChange } from '../model/plan-changes';
import type { PlanAnalysis } from '../engine/workflow';
import { summarize } from '../model/impact';
import type { StoredException } from '../store/exceptions-repo';
import type { WorkflowRepos } from '../engine/workflow';
import { delayResponses, withProjectedEffects } from './supplier-delay-responses';

/** The plan where the disruption had not happened, as changes to the present plan; null when it cannot be said any more. */
function undone(stored: StoredException, repos: WorkflowRepos): PlanChange[] | null {
  const { detail, row } = stored;
  if ('poLineId' in detail) {
    const line = repos.planning.poLine(detail.poLineId);
    // Received meanwhile: the delay is over, its figures stay as they were.
    return line ? [{ kind: 'poLine', poLine: { ...line, expectedDate: detail.previousDate } }] : null;
  }
  if ('lotId' in detail) return [{ kind: 'lot', lot: { lotId: detail.lotId, itemId: row.itemId, plant: row.plant, quantity: detail.quantity, stockType: 'unrestricted' } }];
  return null;
}

const sameFigures = (a: ReturnType<typeof summarize>, b: ReturnType<typeof summarize>) =>
  a.ordersHit === b.ordersHit && a.revenueAtRisk === b.revenueAtRisk && a.worstDaysLate === b.worstDaysLate && a.unfulfilled === b.unfulfilled;

/**
 * Weighs an open supplier delay or lot block again; true when its figures changed (its impact, and
 * the responses with their projected effects, are then stored anew).
 */
/** Weighs the open exception against the plan now (`at`); true when its figures changed. */
export function reweighed(exceptionId: string, repos: WorkflowRepos, plan: PlanAnalysis, at: string): boolean {
  const stored = repos.exceptions.get(exceptionId);
  if (!stored || stored.row.status !== 'open') return false;
  const baseline = undone(stored, repos);
  if (!baseline) return false;
  const impact = plan.impactSince(baseline);
  const figures = summarize(impact);
  repos.exceptions.weighed(exceptionId, at);
  if (sameFigures(figures, summarize(stored.impact))) return false;
  repos.exceptions.setImpact(exceptionId, impact);
  const { detail } = stored;
  const responses: ExceptionResponse[] =
    'poLineId' in detail
      ? withProjectedEffects(delayResponses({ poLineId: detail.poLineId, previousDate: detail.previousDate }, impact, repos, plan), baseline, plan)
      : stored.responses.map((response) => (response.id === 'accept-delay' ? { ...response, projected: figures } : response));
  repos.exceptions.setResponses(exceptionId, responses);
  return true;
}
