// A line stop's responses, projected again as the planner reroutes orders: rescheduling (or leaving
// the orders) then moves only the orders still on the line, while the rerouted ones are made on their
// new lines and shipped back. Both against the plan before the stoppage, whatever the ERP has
// accepted since. Once a response is applied, its projection stays as it was when chosen.
import { waitsForTheLine, type ExceptionResponse } from '../../../shared/api/impact';
import type { PlanAnalysis } from '../../engine/workflow';
import { summarize } from '../../model/impact';
import type { WorkflowRepos } from '../../engine/workflow';
import { openLineStop } from './record';
import { worlds } from './worlds';
import { markWorseThanDoingNothing } from '../../model/response-harm';

/** Projects an open line stop's responses again from its orders as they stand (rerouted or waiting). */
export function reprojectLineStop(exceptionId: string, repos: WorkflowRepos, plan: PlanAnalysis | null): void {
  const stored = repos.exceptions.get(exceptionId);
  const detail = openLineStop(stored);
  if (!plan || !stored || !detail) return;
  const { before, after } = worlds(detail, repos);
  const projected = summarize(plan.compare(before, after));
  const stillOnTheLine = detail.orders.filter(waitsForTheLine).length;
  const responses = stored.responses.map((response): ExceptionResponse => {
    if (response.id === 'reschedule') return { ...response, projected, commandCount: stillOnTheLine };
    return response.id === 'accept-delay' ? { ...response, projected } : response;
  });
  repos.exceptions.setResponses(exceptionId, markWorseThanDoingNothing(responses));
}
