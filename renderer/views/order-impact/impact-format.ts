// The Order Impact view's sorting, summing and wording, as plain functions the columns, the view and
// tests share.
import type { ExceptionRow, ExceptionStatus, SupplierDelayDetail } from '../../../shared/api/impact';
import { formatCount, formatMoney } from '../../format/numbers';
import { daysBetween, formatPlanDate } from '../../format/time';

/** Work first: exceptions waiting for a planner; everything else after, biggest revenue at risk first. */
export function compareForTriage(
  a: Pick<ExceptionRow, 'status' | 'revenueAtRisk' | 'detectedAt'> | undefined,
  b: Pick<ExceptionRow, 'status' | 'revenueAtRisk' | 'detectedAt'> | undefined,
): number {
  if (!a || !b) return 0;
  const openFirst = Number(b.status === 'open') - Number(a.status === 'open');
  return openFirst || b.revenueAtRisk - a.revenueAtRisk || Date.parse(b.detectedAt) - Date.parse(a.detectedAt);
}

export function compareIsoTimes(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

export interface ExceptionSummary {
  total: number;
  open: number;
  /**
   * What is still at risk: open exceptions' whole impact, and awaiting approval's (nothing changes
   * until a supervisor approves), and what answered ones leave late (a response that did not clear
   * everything); resolved ones are not counted.
   */
  openRevenueAtRisk: number;
  /** Answered, with orders still late. */
  answered: number;
  /** Orders the answered ones still leave late. */
  answeredOrdersLate: number;
  noImpact: number;
  /** A response chosen that waits for a supervisor's approval. */
  awaitingApproval: number;
}

export function summarizeExceptions(rows: readonly Pick<ExceptionRow, 'status' | 'revenueAtRisk' | 'remaining'>[]): ExceptionSummary {
  const summary: ExceptionSummary = { total: rows.length, open: 0, openRevenueAtRisk: 0, answered: 0, answeredOrdersLate: 0, noImpact: 0, awaitingApproval: 0 };
  for (const row of rows) {
    if (row.status === 'open') {
      summary.open += 1;
      summary.openRevenueAtRisk += row.revenueAtRisk;
    } else if (row.status === 'answered') {
      summary.answered += 1;
      summary.answeredOrdersLate += row.remaining?.ordersHit ?? 0;
      summary.openRevenueAtRisk += row.remaining?.revenueAtRisk ?? 0;
    } else if (row.status === 'no-impact') {
      summary.noImpact += 1;
    } else if (row.status === 'awaiting-approval') {
      summary.awaitingApproval += 1;
      summary.openRevenueAtRisk += row.revenueAtRisk;
    }
  }
  return summary;
}

/** "3 open exceptions", "1 open exception". */
export function formatOpenCount(open: number): string {
  return formatCount(open, 'open exception');
}

/** Days late as a shift from the date promised: "+12 d". */
export function formatDaysLate(days: number): string {
  return `+${days} d`;
}

/** The exceptions grid's lateness: the worst dated lateness, else "unfulfilled" when orders lost all supply. */
export function formatWorstLateness(row: Pick<ExceptionRow, 'worstDaysLate' | 'unfulfilled'>): string {
  if (row.worstDaysLate !== null) return formatDaysLate(row.worstDaysLate);
  return row.unfulfilled > 0 ? 'unfulfilled' : '—';
}

/** Beside a dated worst lateness: how many orders lost their supply altogether ("2 unfulfilled"). */
export function unfulfilledNote(row: Pick<ExceptionRow, 'worstDaysLate' | 'unfulfilled'>): string | null {
  return row.worstDaysLate !== null && row.unfulfilled > 0 ? `${row.unfulfilled} unfulfilled` : null;
}

/** The lateness in one line, for a tooltip or a CSV: "+12 d · 2 unfulfilled". */
export function describeWorstLateness(row: Pick<ExceptionRow, 'worstDaysLate' | 'unfulfilled'>): string {
  const note = unfulfilledNote(row);
  return note ? `${formatWorstLateness(row)} · ${note}` : formatWorstLateness(row);
}

/** An exception with unfulfilled orders is later than any dated one; then by days, then by unfulfilled count. */
export function compareWorstLateness(
  a: Pick<ExceptionRow, 'worstDaysLate' | 'unfulfilled'> | undefined,
  b: Pick<ExceptionRow, 'worstDaysLate' | 'unfulfilled'> | undefined,
): number {
  if (!a || !b) return 0;
  const anyUnfulfilled = Number(a.unfulfilled > 0) - Number(b.unfulfilled > 0);
  return anyUnfulfilled || (a.worstDaysLate ?? -1) - (b.worstDaysLate ?? -1) || a.unfulfilled - b.unfulfilled;
}

/** What an order's lateness column holds (and a CSV exports): days, or "unfulfilled" when supply no longer covers it. */
export type OrderLateness = number | 'unfulfilled' | null;

export function orderLateness(order: { daysLate: number | null; unfulfilled: boolean }): OrderLateness {
  return order.unfulfilled ? 'unfulfilled' : order.daysLate;
}

export function formatOrderLateness(value: OrderLateness | undefined): string {
  if (value === 'unfulfilled') return 'unfulfilled';
  return value === null || value === undefined ? '—' : formatDaysLate(value);
}

/** Unfulfilled sorts as later than any number of days; a missing value as earliest. */
export function compareOrderLateness(a: OrderLateness | undefined, b: OrderLateness | undefined): number {
  const rank = (value: OrderLateness | undefined) => (value === 'unfulfilled' ? Number.POSITIVE_INFINITY : (value ?? Number.NEGATIVE_INFINITY));
  const [ra, rb] = [rank(a), rank(b)];
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/** "12 Mar 2026 → 26 Apr 2026 (+45 d)"; an earlier date shows as "(−3 d)". */
export function formatReceiptMove(detail: Pick<SupplierDelayDetail, 'previousDate' | 'newDate'>): string {
  const days = daysBetween(detail.previousDate, detail.newDate);
  const shift = days === null ? '' : days >= 0 ? ` (+${days} d)` : ` (−${-days} d)`;
  return `${formatPlanDate(detail.previousDate)} → ${formatPlanDate(detail.newDate)}${shift}`;
}

/** The core writes a supplier delay's source as "PO line (ASN)"; null for any other shape. */
export function splitSourceDocument(text: string): { document: string; carrier: string } | null {
  const match = /^(.+?) \((.+)\)$/.exec(text);
  return match ? { document: match[1]!, carrier: match[2]! } : null;
}

/** "220,886 at risk" for the section titles. */
export function formatAtRisk(value: number): string {
  return `${formatMoney(value)} at risk`;
}

export const statusExplanations: Record<ExceptionStatus, string> = {
  open: 'Orders are later because of this disruption; a planner has to respond.',
  'no-impact': 'Recorded, but no order is later because of it.',
  'awaiting-approval': 'A planner chose a response that needs a supervisor’s approval; nothing goes upstream until a supervisor approves it.',
  accepted: 'A planner accepted the later dates.',
  answered: 'A planner responded to it, but orders are still late: what is left counts in the header.',
  resolved: 'A planner responded to it and nothing is left late.',
};

/** A file name that a download dialog and every file system accept: "customer-orders-PO-0001234-10.csv". */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .map((part) => part.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part !== '')
    .join('-');
  return `${name || 'export'}.csv`;
}
