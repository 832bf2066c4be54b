// The supplier-delay workflow's responses, read from the store: which production orders the delay
// makes late, what the BOM and the other plants offer, and each response's projected effect.
import type { ExceptionResponse } from '../../shared/api/impact';
import { proposeDelayResponses, type ProposedResponse } from '../analysis/delay-responses';
import { summarize, type Impact } from '../model/impact';
import type { PlanChange } from '../model/plan-changes';
import type { PlanAnalysis } from '../engine/workflow';
import { markWorseThanDoingNothing, withoutNoOpSupply } from '../model/response-harm';
import type { WorkflowRepos } from '../engine/workflow';

export interface DelayFacts {
  poLineId: string;
  previousDate: string;
}

/** The responses that exist for this delay now, or none when the line or the plan is gone. */
export function delayResponses(facts: DelayFacts, impact: Impact, repos: WorkflowRepos, plan: PlanAnalysis): ProposedResponse[] {
  const line = repos.planning.poLine(facts.poLineId);
  const item = line && repos.planning.item(line.itemId);
  const today = repos.planning.today();
  if (!line || !item || today === null) return [];
  const lateConsumers = impact.productionOrders.flatMap((hit) => {
    const order = repos.planning.productionOrder(hit.id);
    return order && order.plant === line.plant && order.components.some((c) => c.itemId === line.itemId) ? [order] : [];
  });
  return proposeDelayResponses({
    line,
    previousDate: facts.previousDate,
    today,
    item,
    lateConsumers,
    alternates: (parentItemId) => repos.planning.alternates(parentItemId, line.itemId),
    plantsWithStock: repos.planning.unrestrictedStock(line.itemId).map((stock) => stock.plant),
    freeStock: (itemId, plant) => plan.freeQuantity(itemId, plant, repos.planning.safetyStock(itemId, plant)),
    transitDays: (from, to) => repos.planning.lane(from, to)?.transitDays,
  });
}

/** Each response with its effect against the plan before the delay. */
export function withProjectedEffects(responses: readonly ProposedResponse[], undoDelay: readonly PlanChange[], plan: PlanAnalysis): ExceptionResponse[] {
  return markWorseThanDoingNothing(
    withoutNoOpSupply(responses.map((response) => ({
      id: response.id,
      label: response.label,
      description: response.description,
      needsApproval: response.needsApproval,
      projected: summarize(plan.compare(undoDelay, response.changes)),
      commandCount: response.commands.length,
    }))),
  );
}
