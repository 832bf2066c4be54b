// A response that leaves things worse than doing nothing must not look like the rest: compared with
// accepting the disruption (the response "accept-delay"), it hits more orders, puts more revenue at
// risk or leaves more orders unfulfilled.
import type { ExceptionResponse, ProjectedEffect } from '../../shared/api/impact';

/** Money is compared in whole units, as it is shown. */
export function isWorse(effect: ProjectedEffect, doingNothing: ProjectedEffect): boolean {
  return effect.ordersHit > doingNothing.ordersHit || Math.round(effect.revenueAtRisk) > Math.round(doingNothing.revenueAtRisk) || effect.unfulfilled > doingNothing.unfulfilled;
}

/** Each response marked against doing nothing; without that response to compare with, none is marked. */
export function markWorseThanDoingNothing<R extends Omit<ExceptionResponse, 'worseThanDoingNothing'>>(responses: readonly R[]): (R & { worseThanDoingNothing: boolean })[] {
  const doingNothing = responses.find((response) => response.id === 'accept-delay')?.projected;
  return responses.map((response) => ({ ...response, worseThanDoingNothing: doingNothing !== undefined && response.id !== 'accept-delay' && isWorse(response.projected, doingNothing) }));
}
