// An alert in words, for the strip above the Quarantine and Order Impact views: a headline that says
// what and where, then what happened and what the core already did about it.
import type { AlertRow, ReplenishmentReview, ScrapSpike } from '../../../shared/api/alerts';
import { formatCount, formatMoney, formatPercent, formatQuantity } from '../../format/numbers';

const alertKindLabels: Record<AlertRow['kind'], string> = {
  'scrap-spike': 'Scrap spike',
};

/** "Scrap spike · MO-4711 (FG-1 Hydraulic cylinder) · P1" */
export function alertHeadline(alert: AlertRow): string {
  const item = alert.itemId === null ? '' : ` (${[alert.itemId, alert.itemDescription].filter(Boolean).join(' ')})`;
  return `${alertKindLabels[alert.kind]} · ${alert.scrapSpike.productionOrderId}${item} · ${alert.plant}`;
}

/** "quality and maintenance notified"; nothing when no one was. */
function notifiedPhrase(notified: ScrapSpike['notified']): string | null {
  if (notified.length === 0) return null;
  const names = notified.length === 1 ? notified[0] : `${notified.slice(0, -1).join(', ')} and ${notified.at(-1)}`;
  return `${names} notified`;
}

/**
 * What the shortfall does downstream. Without planning data the core could not review it, and the planner
 * should read that rather than nothing, which would look like "no impact".
 */
function replenishmentPhrase(review: ReplenishmentReview | null, unit: string): string {
  if (review === null) return 'replenishment not reviewed (no planning data for the order)';
  if (review.shortfall === 0) return 'replenishment: no shortfall against the plan';
  const short = `${formatQuantity(review.shortfall, unit)} short`;
  if (review.customerOrdersHit === 0) return `replenishment: ${short}, no customer order later`;
  return `replenishment: ${short}, ${formatCount(review.customerOrdersHit, 'customer order')} later, ${formatMoney(review.revenueAtRisk)} revenue at risk`;
}

/** "yield 10% (minimum 95%), 90 of 100 EA scrapped · quality and maintenance notified · replenishment: …" */
export function alertDetail(alert: AlertRow): string {
  const spike = alert.scrapSpike;
  const unit = spike.unit ?? '';
  const made = spike.yieldQuantity + spike.scrapQuantity;
  const outcome = `yield ${formatPercent(spike.yieldRate)} (minimum ${formatPercent(spike.minimumYield)}), ${formatQuantity(spike.scrapQuantity, '')} of ${formatQuantity(made, unit)} scrapped`;
  return [outcome, notifiedPhrase(spike.notified), replenishmentPhrase(spike.replenishment, unit)].filter((part) => part !== null).join(' · ');
}

/** The whole alert in one sentence, as the strip reads aloud. */
export function describeAlert(alert: AlertRow): string {
  return `${alertHeadline(alert)} — ${alertDetail(alert)}`;
}

/** The strip's toggle when more alerts are waiting than it shows. */
export function moreAlertsLabel(hidden: number): string {
  return `and ${hidden} more`;
}
