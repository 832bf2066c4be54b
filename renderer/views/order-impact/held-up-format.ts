// How a line stop's held-up orders read: where each could go instead and what that would save, its
// dates if it waits, and where a reroute stands. Plain functions the grid, its cells and tests share.
import type { HeldUpOrder, RerouteOption } from '../../../shared/api/impact';
import { formatCount, formatMoney, formatQuantity } from '../../format/numbers';
import { daysBetween, formatPlanDateRange } from '../../format/time';
import { lineKey } from '../../state/impact-reroutes';
import { formatDaysLate } from './impact-format';

/** Best first: the fewest orders hit, then the least revenue at risk, then the most room left on the line. */
export function rankAlternates(alternates: readonly RerouteOption[]): RerouteOption[] {
  return [...alternates].sort(
    (a, b) =>
      a.projected.ordersHit - b.projected.ordersHit ||
      a.projected.revenueAtRisk - b.projected.revenueAtRisk ||
      b.freeAfter - a.freeAfter ||
      lineKey(a).localeCompare(lineKey(b)),
  );
}

/** The alternate the planner picked, or the best one; null when no other line has room. */
export function chosenAlternate(order: Pick<HeldUpOrder, 'alternates'>, picked: string | null): RerouteOption | null {
  const ranked = rankAlternates(order.alternates);
  return ranked.find((alternate) => lineKey(alternate) === picked) ?? ranked[0] ?? null;
}

/**
 * The unit a held-up order's quantity and a line's capacity are counted in. A line makes manufactured
 * items, and those are counted in each (the item master gives every manufactured item the unit EA);
 * the held-up order in the contract carries no unit of its own.
 */
export const lineOutputUnit = 'EA';

/** "4 EA a day left": the least capacity the line keeps free on a day of the order's window, with it. */
export function describeAlternateRoom(alternate: Pick<RerouteOption, 'freeAfter'>): string {
  return `${formatQuantity(alternate.freeAfter, lineOutputUnit)} a day left`;
}

/** "1 order hit instead of 3": the orders hit if the order moves there and the others wait. */
export function describeAlternateOrders(alternate: Pick<RerouteOption, 'projected'>, ordersHitNow: number): string {
  const hit = alternate.projected.ordersHit;
  return hit === ordersHitNow ? `still ${formatCount(hit, 'order')} hit` : `${formatCount(hit, 'order')} hit instead of ${formatQuantity(ordersHitNow, '')}`;
}

/** Fewer orders hit is better: the moves that help stand out from those that would make things worse. */
export function alternateTrend(alternate: Pick<RerouteOption, 'projected'>, ordersHitNow: number): 'better' | 'worse' | 'same' {
  const difference = alternate.projected.ordersHit - ordersHitNow;
  return difference < 0 ? 'better' : difference > 0 ? 'worse' : 'same';
}

/** "4 EA a day left · 1 order hit instead of 3". */
export function describeAlternateEffect(alternate: Pick<RerouteOption, 'freeAfter' | 'projected'>, ordersHitNow: number): string {
  return `${describeAlternateRoom(alternate)} · ${describeAlternateOrders(alternate, ordersHitNow)}`;
}

/** "P2/L9 · 4 EA a day left · 1 order hit instead of 3". */
export function describeAlternate(alternate: RerouteOption, ordersHitNow: number): string {
  return `${lineKey(alternate)} · ${describeAlternateEffect(alternate, ordersHitNow)}`;
}

/** For a tooltip: the whole projection of moving the order there while the others wait. */
export function explainAlternate(alternate: RerouteOption, productionOrderId: string, now: { ordersHit: number; revenueAtRisk: number }): string {
  const { projected } = alternate;
  const lateness = projected.worstDaysLate === null ? 'no order dated late' : `worst lateness ${projected.worstDaysLate === 0 ? 'on time' : formatDaysLate(projected.worstDaysLate)}`;
  return (
    `${productionOrderId} made on ${lineKey(alternate)} while the other orders wait for the line: ` +
    `${formatCount(projected.ordersHit, 'order')} hit (now ${formatQuantity(now.ordersHit, '')}), ` +
    `revenue at risk ${formatMoney(projected.revenueAtRisk)} (now ${formatMoney(now.revenueAtRisk)}), ${lateness}` +
    `${projected.unfulfilled > 0 ? `, ${projected.unfulfilled} unfulfilled` : ''}. ` +
    `The line keeps at least ${formatQuantity(alternate.freeAfter, lineOutputUnit)} a day free with it.`
  );
}

export const noAlternateText = 'No line with room';
/** The core weighs a long stoppage's orders a turn at a time, earliest first, while the exception is open. */
export const weighingText = 'Weighing other lines…';
/** An order the core did not weigh before the exception closed. */
export const notWeighedText = 'Not weighed';

/** What the alternate column says when there is none to offer; `open`: the exception still takes reroutes. */
export const withoutAlternateText = (order: Pick<HeldUpOrder, 'alternatesEvaluated'>, open: boolean): string =>
  order.alternatesEvaluated ? noAlternateText : open ? weighingText : notWeighedText;

/**
 * "Rerouted to P2/L9 by pl.omar · accepted by the ERP": where the order went, who sent it there when
 * another workstation's planner did, and what the ERP made of it so far.
 */
export function describeRerouted(rerouted: NonNullable<HeldUpOrder['rerouted']>): string {
  const upstream = rerouted.upstream;
  const where = `${lineKey(rerouted)}${rerouted.by ? ` by ${rerouted.by}` : ''}`;
  switch (upstream.state) {
    case 'pending':
      return `Rerouted to ${where} · pending upstream`;
    case 'accepted':
      return `Rerouted to ${where} · accepted by the ERP`;
    case 'refused':
      return `Not rerouted to ${lineKey(rerouted)} · refused by the ERP: ${upstream.reason}. It waits for the line.`;
  }
}

/**
 * The same in the two lines the Reroute cell has room for: where the order went, then who sent it (when
 * another workstation's planner did) and what the ERP made of it.
 */
export function reroutedLines(rerouted: NonNullable<HeldUpOrder['rerouted']>): [string, string] {
  const upstream = rerouted.upstream;
  const by = rerouted.by ? `by ${rerouted.by} · ` : '';
  switch (upstream.state) {
    case 'pending':
      return [`Rerouted to ${lineKey(rerouted)}`, `${by}pending upstream`];
    case 'accepted':
      return [`Rerouted to ${lineKey(rerouted)}`, `${by}accepted by the ERP`];
    case 'refused':
      return [`Not rerouted to ${lineKey(rerouted)}`, `refused by the ERP: ${upstream.reason}. It waits for the line.`];
  }
}

/** "01–05 Dec 2026": when the order is planned. */
export function formatPlannedDates(order: Pick<HeldUpOrder, 'startDate' | 'dueDate'>): string {
  return formatPlanDateRange(order.startDate, order.dueDate);
}

/** "06–10 Dec 2026 (+5 d)": its dates if it waits for the line, and how much later it is due. */
export function formatWaitingDates(order: Pick<HeldUpOrder, 'dueDate' | 'waitingStartDate' | 'waitingDueDate'>): string {
  const shift = daysBetween(order.dueDate, order.waitingDueDate);
  return `${formatPlanDateRange(order.waitingStartDate, order.waitingDueDate)}${shift ? ` (${formatDaysLate(shift)})` : ''}`;
}

/**
 * What the grid sorts by on its alternate column: the orders hit with the best alternate, so the
 * orders whose move saves the most come first, and an order with no alternate last. A reroute leaves
 * the key as it was: the row the planner just acted on stays in sight.
 */
export function alternateSortKey(order: Pick<HeldUpOrder, 'alternates'>): number {
  const best = rankAlternates(order.alternates)[0];
  return best ? best.projected.ordersHit : Number.MAX_SAFE_INTEGER;
}

export interface HeldUpSummary {
  total: number;
  /** Not rerouted yet, with a line that has room. */
  movable: number;
  rerouted: number;
  /** Reroutes the ERP refused: those orders wait for the line. */
  refused: number;
}

export function summarizeHeldUp(orders: readonly Pick<HeldUpOrder, 'alternates' | 'rerouted'>[]): HeldUpSummary {
  const summary: HeldUpSummary = { total: orders.length, movable: 0, rerouted: 0, refused: 0 };
  for (const order of orders) {
    if (order.rerouted?.upstream.state === 'refused') summary.refused += 1;
    else if (order.rerouted) summary.rerouted += 1;
    else if (order.alternates.length > 0) summary.movable += 1;
  }
  return summary;
}

/** "133 held up · 12 could move to another line · 1 rerouted". */
export function describeHeldUpSummary(summary: HeldUpSummary): string {
  const parts = [`${formatQuantity(summary.total, '')} held up`];
  if (summary.movable > 0) parts.push(`${formatQuantity(summary.movable, '')} could move to another line`);
  else parts.push(summary.rerouted > 0 ? 'no other line has room for the rest' : 'no other line has room for any');
  if (summary.rerouted > 0) parts.push(`${formatQuantity(summary.rerouted, '')} rerouted`);
  if (summary.refused > 0) parts.push(`${formatQuantity(summary.refused, '')} reroute${summary.refused === 1 ? '' : 's'} refused`);
  return parts.join(' · ');
}

const rerouteFields = /^(exceptionId|productionOrderId|toPlant|toLine|role): /;

/** The host's refusal without the argument it names: "P2/L8 cannot make FG-1 or has no room between …". */
export function describeRerouteRefusal(message: string): string {
  return message.replace(rerouteFields, '');
}
