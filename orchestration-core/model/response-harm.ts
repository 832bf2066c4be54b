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

const sameEffect = (a: ProjectedEffect, b: ProjectedEffect) =>
  a.ordersHit === b.ordersHit && Math.round(a.revenueAtRisk) === Math.round(b.revenueAtRisk) && a.worstDaysLate === b.worstDaysLate && a.unfulfilled === b.unfulfilled;

/** Responses that only move stock or buy more (a transfer, another supplier): not offered when they change nothing. */
const movesSupplyOnly: ReadonlySet<ExceptionResponse['id']> = new Set(['transfer', 'alternate-supplier']);

/**
 * Without a transfer or an order elsewhere whose projection is exactly doing nothing: it would send a
 * command upstream for no effect (it arrives too late, or too little to matter).
 */
export function withoutNoOpSupply<R extends Pick<ExceptionResponse, 'id' | 'projected'>>(responses: readonly R[]): R[] {
  const doingNothing = responses.find((response) => response.id === 'accept-delay')?.projected;
  if (!doingNothing) return [...responses];
  return responses.filter((response) => !(movesSupplyOnly.has(response.id) && sameEffect(response.projected, doingNothing)));
}
