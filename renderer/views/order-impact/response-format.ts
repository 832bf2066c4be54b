// How a response's projected effect reads beside the exception's current impact, so a planner can
// compare two responses at a glance: "887,041 → 120,300 (−766,741)". Plain functions the cards and
// tests share.
import { waitsForTheLine, type ExceptionApproval, type ExceptionResponse, type ExceptionRow, type ExceptionStatus, type ExceptionType, type HeldUpOrder, type ProjectedEffect, type ResponseChoice } from '../../../shared/api/impact';
import type { Role } from '../../../shared/domain';
import { exceptionDisruptionNouns } from '../../format/labels';
import { formatCount, formatMoney, formatNumber, formatQuantity } from '../../format/numbers';
import { formatDaysLate } from './impact-format';
import { roleWithArticle } from '../../../shared/api/roles';

export type EffectMeasure = 'ordersHit' | 'revenueAtRisk' | 'worstDaysLate' | 'unfulfilled';

/** Lower is better for every measure: fewer orders hit, less revenue at risk, less lateness. */
export type EffectTrend = 'better' | 'worse' | 'same' | 'unknown';

export interface EffectComparison {
  measure: EffectMeasure;
  label: string;
  current: string;
  projected: string;
  /** "−766,741", "+3", "no change"; null when one side has no number (no dated lateness). */
  change: string | null;
  trend: EffectTrend;
}

export const effectMeasureLabels: Record<EffectMeasure, string> = {
  ordersHit: 'Orders hit',
  revenueAtRisk: 'Revenue at risk',
  worstDaysLate: 'Worst lateness',
  unfulfilled: 'Unfulfilled',
};

const effectMeasures: readonly EffectMeasure[] = ['ordersHit', 'revenueAtRisk', 'worstDaysLate', 'unfulfilled'];

/** The exception's current figures in the shape of a projected effect. */
export function currentEffect(row: Pick<ExceptionRow, 'ordersHit' | 'revenueAtRisk' | 'worstDaysLate' | 'unfulfilled'>): ProjectedEffect {
  return { ordersHit: row.ordersHit, revenueAtRisk: row.revenueAtRisk, worstDaysLate: row.worstDaysLate, unfulfilled: row.unfulfilled };
}

function formatValue(measure: EffectMeasure, value: number | null): string {
  if (value === null) return '—';
  if (measure === 'revenueAtRisk') return formatMoney(value);
  if (measure === 'worstDaysLate') return value === 0 ? 'on time' : formatDaysLate(value);
  return formatQuantity(value, '');
}

/** A signed difference with a real minus sign: "−EUR 766,741", "+3", "−42 d". */
function formatChange(measure: EffectMeasure, difference: number): string {
  const magnitude = measure === 'revenueAtRisk' ? formatMoney(Math.abs(difference)) : formatNumber(Math.abs(difference), 0);
  const unit = measure === 'worstDaysLate' ? ' d' : '';
  return `${difference < 0 ? '−' : '+'}${magnitude}${unit}`;
}

export function compareEffect(measure: EffectMeasure, current: ProjectedEffect, projected: ProjectedEffect): EffectComparison {
  const from = current[measure];
  const to = projected[measure];
  const base = { measure, label: effectMeasureLabels[measure], current: formatValue(measure, from), projected: formatValue(measure, to) };
  if (from === null || to === null) return { ...base, change: from === to ? 'no change' : null, trend: from === to ? 'same' : 'unknown' };
  // Money is compared in whole units, as it is shown: a difference of 0.4 reads as none.
  const difference = measure === 'revenueAtRisk' ? Math.round(to) - Math.round(from) : to - from;
  if (difference === 0) return { ...base, change: 'no change', trend: 'same' };
  return { ...base, change: formatChange(measure, difference), trend: difference < 0 ? 'better' : 'worse' };
}

/** Every measure of a response against the exception's current impact, in the cards' order. */
export function compareEffects(current: ProjectedEffect, projected: ProjectedEffect): EffectComparison[] {
  return effectMeasures.map((measure) => compareEffect(measure, current, projected));
}

/** One line, for a tooltip or a screen reader: "Revenue at risk 887,041 → 120,300 (−766,741)". */
export function describeComparison(comparison: EffectComparison): string {
  const change = comparison.change ? ` (${comparison.change})` : '';
  return `${comparison.label} ${comparison.current} → ${comparison.projected}${change}`;
}

/** "Sends 2 commands upstream"; a response that sends nothing (accept the delay) says so. */
export function describeCommands(response: Pick<ExceptionResponse, 'commandCount' | 'needsApproval'>): string {
  if (response.needsApproval) {
    return response.commandCount === 0 ? 'A supervisor approves it first' : `${formatCount(response.commandCount, 'command')} upstream once a supervisor approves`;
  }
  return response.commandCount === 0 ? 'Sends nothing upstream' : `Sends ${formatCount(response.commandCount, 'command')} upstream`;
}

const rolesThatRespond: readonly Role[] = ['planner', 'supervisor'];

const closedReasons: Record<Exclude<ExceptionStatus, 'open' | 'no-impact'>, string> = {
  'awaiting-approval': 'A response is waiting for a supervisor’s approval; you can choose again if it is rejected.',
  accepted: 'A planner accepted the later dates; the exception is closed.',
  answered: 'A response has been applied; orders it could not save are still late, and count in the header.',
  resolved: 'A response has been applied and nothing is left late; the exception is closed.',
};

/** Why the Apply (and a line stop's Reroute) buttons are disabled, or null when this user may respond now. */
export function cannotRespondReason(status: ExceptionStatus, role: Role | null, type: ExceptionType = 'supplier-delay'): string | null {
  if (role === null) return 'Signing in…';
  if (!rolesThatRespond.includes(role)) return `Only a planner or a supervisor can respond to an exception; you are signed in as ${roleWithArticle(role)}.`;
  if (status === 'no-impact') return `No order is later because of this ${exceptionDisruptionNouns[type]}: there is nothing to respond to.`;
  return status === 'open' ? null : closedReasons[status];
}

/**
 * How many commands a response sends now. A line stop's reschedule moves only the orders still on the line,
 * one command each: counted here too, so a reroute shows at once, before the core's re-projection arrives.
 */
export function commandCountNow(response: Pick<ExceptionResponse, 'id' | 'commandCount'>, heldUp: readonly Pick<HeldUpOrder, 'rerouted'>[] | null): number {
  if (heldUp === null || response.id !== 'reschedule') return response.commandCount;
  return heldUp.filter(waitsForTheLine).length;
}

/**
 * What the planner must confirm before a response is applied, or null when one click may apply it: a
 * response that leaves things worse than doing nothing, or one that sends more than one command.
 */
export function confirmationNeeded(response: Pick<ExceptionResponse, 'label' | 'worseThanDoingNothing' | 'commandCount' | 'needsApproval' | 'projected'>, doingNothing: ProjectedEffect | null): string | null {
  const sends = response.commandCount > 1 && !response.needsApproval ? ` It sends ${formatCount(response.commandCount, 'command')} to the ERP.` : '';
  if (response.worseThanDoingNothing) {
    const compared = doingNothing ? ` (${formatCount(response.projected.ordersHit, 'order')} hit instead of ${formatNumber(doingNothing.ordersHit, 0)}, ${formatMoney(response.projected.revenueAtRisk)} at risk instead of ${formatMoney(doingNothing.revenueAtRisk)})` : '';
    return `“${response.label}” leaves things worse than doing nothing${compared}.${sends} Apply it anyway?`;
  }
  return sends === '' ? null : `“${response.label}”:${sends} Apply it?`;
}

/** "Reschedule to the restart, by pl.anna on 06 Dec 2026, 14:02 — “waiting for the spindle”". */
export function describeChoice(choice: ResponseChoice, label: string, at: string): string {
  return `${label}, by ${choice.by} on ${at}${choice.note ? ` — “${choice.note}”` : ''}`;
}

/**
 * Why this workstation's answer did not stand: another planner's came first ("pl.rosa had answered it
 * first, on 07 Dec 2026, 01:01"), or the gateway's reason.
 */
export function describeRefusedAnswer(refused: { label: string; reason: string }, choice: ResponseChoice | null, user: string | null, at: (iso: string) => string): string {
  const why = choice && choice.by !== user ? `${choice.by} had answered this exception first, on ${at(choice.at)}` : `the gateway refused it: ${refused.reason}`;
  return `Your answer “${refused.label}” was not applied: ${why}.`;
}

/** Where the latest approval request stands, in one sentence. */
export function describeApproval(approval: Pick<ExceptionApproval, 'status' | 'requestedBy' | 'decidedBy' | 'decisionReason'> & { refusedUpstream?: string | null }): string {
  const decider = approval.decidedBy ?? 'a supervisor';
  switch (approval.status) {
    case 'pending':
      return `Awaiting approval — requested by ${approval.requestedBy}`;
    case 'approved':
      return approval.refusedUpstream ? `Approved by ${decider}, but the ERP refused the substitution: ${approval.refusedUpstream}` : `Approved by ${decider}`;
    case 'rejected':
      return approval.decisionReason ? `Rejected by ${decider}: ${approval.decisionReason}` : `Rejected by ${decider}`;
  }
}
