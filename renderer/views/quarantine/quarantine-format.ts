// The Quarantine view's sorting and wording, as plain functions the grid, the panel and tests share.
import type { DecidedPart, QuarantineRow, RefusalKind, TaskState } from '../../../shared/api/quarantine';
import { splitLot, type UsagePosting } from '../../../shared/usage-decision';
import type { Role } from '../../../shared/domain';
import { decisionLabels, postingGridLabels, stockTypeLabels, stockTypePhrases, taskStateLabels } from '../../format/labels';
import { formatCount, formatQuantity } from '../../format/numbers';
import { formatDateTime, formatDuration } from '../../format/time';
import { heldForMs, holdEnd, type HeldRow } from '../../state/hold-time';
import type { ScanOutcome } from '../../state/quarantine-slice';
import { roleWithArticle } from '../../../shared/api/roles';

/** Work first: lots awaiting a decision, then conflicts to resolve, then what waits on others or is done. */
const taskStateRank: Record<TaskState, number> = {
  'awaiting-decision': 0,
  conflict: 1,
  'awaiting-approval': 2,
  'pending-upstream': 3,
  decided: 4,
  withdrawn: 5,
};

export function compareTaskStates(a: TaskState, b: TaskState): number {
  return taskStateRank[a] - taskStateRank[b];
}

/** Oldest hold first within a task state. */
export function compareHoldSince(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** Awaiting decision first, then conflicts, awaiting approval, pending, decided, withdrawn; within a state the longest hold first. */
export function compareForTriage(
  a: Pick<QuarantineRow, 'taskState' | 'holdSince'> | undefined,
  b: Pick<QuarantineRow, 'taskState' | 'holdSince'> | undefined,
): number {
  if (!a || !b) return 0;
  return compareTaskStates(a.taskState, b.taskState) || compareHoldSince(a.holdSince, b.holdSince);
}

/** The Age column: time on hold, "2 d"; a decided lot's stops at its decision. */
export function formatHoldAge(row: HeldRow, now: number): string {
  return formatDuration(heldForMs(row, now));
}

/**
 * How long the lot is or was on hold, for the panel and the Age column's tooltip: "2 d, since 04 Dec
 * 2026, 13:14" while it waits; "2 d, from 04 Dec 2026, 13:14 until decided 06 Dec 2026, 22:48" once decided.
 */
export function describeHold(row: HeldRow, now: number): string {
  const since = formatDateTime(row.holdSince);
  const end = holdEnd(row);
  if (end.kind === 'open') return `${formatHoldAge(row, now)}, since ${since}`;
  if (end.kind === 'unknown') return `from ${since} until its usage decision (when, this workstation has not heard)`;
  return `${formatHoldAge(row, now)}, from ${since} until decided ${formatDateTime(end.at)}`;
}

/**
 * The Age column's order, ascending as before: longest on hold first (a decided lot by the time it was
 * on hold, not since), an unknown time last.
 */
export function compareTimeOnHold(a: HeldRow | undefined, b: HeldRow | undefined, now: number): number {
  const [heldA, heldB] = [a ? heldForMs(a, now) : Number.NaN, b ? heldForMs(b, now) : Number.NaN];
  if (Number.isNaN(heldA) || Number.isNaN(heldB)) return Number.isNaN(heldA) ? (Number.isNaN(heldB) ? 0 : 1) : -1;
  return heldB - heldA;
}

/** The grid's short form: "Scrap 100 · RTV 80" (the quantity column carries the unit). */
export function summarizePostings(postings: readonly UsagePosting[]): string {
  return postings.map((posting) => `${postingGridLabels[posting.decision]} ${formatQuantity(posting.quantity, '')}`).join(' · ');
}

/**
 * The long form: "Release to unrestricted" when one posting took the whole lot (postings add up to the
 * lot, so a single one always does), else "Scrap 120 KG · Return to vendor 180 KG".
 */
export function describePostings(postings: readonly UsagePosting[], unit: string): string {
  if (postings.length === 1) return decisionLabels[postings[0]!.decision];
  return postings.map((posting) => `${decisionLabels[posting.decision]} ${formatQuantity(posting.quantity, unit)}`).join(' · ');
}

const leavingPhrases = { scrap: 'scrapped', 'return-to-vendor': 'returned to the supplier' } as const;

/** "L-1: 120 KG, Blocked (rework)"; "New sub-lot: 50 KG, Restricted (…)"; "80 KG scrapped". */
export function describeLotOutcome(lotId: string, postings: readonly UsagePosting[], unit: string): string[] {
  // The sub-lots' ids depend on the lot version upstream will have: named once the ERP has split the lot.
  const { parts, leaving } = splitLot(lotId, 0, postings);
  const lines = parts
    .filter((part) => part.quantity > 0)
    .map((part) => `${part.lotId === lotId ? lotId : 'New sub-lot'}: ${formatQuantity(part.quantity, unit)}, ${stockTypeLabels[part.stockType]} (${decisionLabels[part.decision].toLowerCase()})`);
  for (const posting of leaving) {
    const phrase = posting.decision === 'scrap' || posting.decision === 'return-to-vendor' ? leavingPhrases[posting.decision] : 'leaves the stock';
    lines.push(`${formatQuantity(posting.quantity, unit)} ${phrase}`);
  }
  return lines;
}

/** "L-1: 600 EA, Unrestricted", "L-1-3.1: 300 EA, Blocked": each lot a usage decision left, as the ERP has it now. */
export function describeParts(parts: readonly DecidedPart[], unit: string): string[] {
  return parts.map((part) => `${part.lotId}: ${formatQuantity(part.quantity, unit)}, ${stockTypeLabels[part.stockType]}`);
}

/** "R9 · Scrap 100 · RTV 80", "A2 · Use as-is 50 · DEV-0042", or "—" before a decision. */
export function formatDecisionCell(row: Pick<QuarantineRow, 'postings' | 'decisionCode' | 'deviationNumber'> & { taskState?: QuarantineRow['taskState'] }): string {
  if (row.postings === null || row.postings.length === 0) return '—';
  // A refused decision does not stand: the cell says so before what it asked.
  const parts = [row.taskState === 'conflict' ? 'Refused' : null, row.decisionCode, summarizePostings(row.postings)];
  if (row.deviationNumber && row.postings.some((posting) => posting.decision === 'use-as-is')) parts.push(row.deviationNumber);
  return parts.filter((part) => part !== null && part !== '').join(' · ');
}

/**
 * Who refused a decision, for the conflict's headline: a supervisor who rejected a use-as-is (the core
 * says so in the reason, "sup.lee rejected the use-as-is: …"), the gateway when it refused who sent it,
 * else the ERP.
 */
export function refusedBy(reason: string, kind: RefusalKind = 'stale'): string {
  if (kind === 'sign-in' || kind === 'role') return 'The gateway';
  const supervisor = /^(\S+) rejected the use-as-is\b/.exec(reason);
  return supervisor ? supervisor[1]! : 'The ERP';
}

export interface QuarantineCounts {
  total: number;
  awaiting: number;
  conflicts: number;
  awaitingApproval: number;
  pending: number;
  decided: number;
  withdrawn: number;
}

export function countByTaskState(rows: readonly Pick<QuarantineRow, 'taskState'>[]): QuarantineCounts {
  const counts: QuarantineCounts = { total: rows.length, awaiting: 0, conflicts: 0, awaitingApproval: 0, pending: 0, decided: 0, withdrawn: 0 };
  for (const row of rows) {
    if (row.taskState === 'awaiting-decision') counts.awaiting += 1;
    else if (row.taskState === 'conflict') counts.conflicts += 1;
    else if (row.taskState === 'awaiting-approval') counts.awaitingApproval += 1;
    else if (row.taskState === 'pending-upstream') counts.pending += 1;
    else if (row.taskState === 'decided') counts.decided += 1;
    else counts.withdrawn += 1;
  }
  return counts;
}

const filterNames = { plant: 'plant', itemId: 'item', supplierId: 'supplier', age: 'time on hold' } as const;

/** What the scan field says about the last scan; null when there is nothing to say. */
export function describeScan(scan: ScanOutcome | null): { text: string; tone: 'info' | 'warning' | 'danger' } | null {
  if (scan === null) return null;
  switch (scan.kind) {
    case 'on-hold': {
      const cleared = scan.clearedFilters.map((name) => filterNames[name]);
      const note = cleared.length > 0 ? ` (cleared the ${cleared.join(', ')} ${cleared.length === 1 ? 'filter' : 'filters'} that hid it)` : '';
      if (scan.decided) return { text: `${scan.lotId} was decided by ${scan.decided.decidedBy} at ${formatDateTime(scan.decided.decidedAt)} (${scan.decided.code}) — opened${note}`, tone: 'info' };
      return { text: `${scan.lotId} is on hold — opened${note}`, tone: 'info' };
    }
    case 'looking-up':
      return { text: `Looking up ${scan.lotId}…`, tone: 'info' };
    case 'not-a-lot-id':
      return { text: `That is not a lot id: ${formatCount(scan.length, 'character')} were scanned, and a lot id has at most 80. Scan the lot's label again.`, tone: 'danger' };
    case 'failed':
      return { text: `Could not look up ${scan.lotId}: ${scan.message}`, tone: 'danger' };
    case 'looked-up': {
      const { lot, onHold } = scan.lookup;
      if (lot === null) return { text: `${scan.lotId} — unknown lot: this workstation has not heard of it`, tone: 'danger' };
      const where = `${formatQuantity(lot.quantity, lot.unit)} at ${lot.plant}`;
      const { decision } = scan.lookup;
      if (decision) {
        const of = decision.parentLotId === null ? '' : `, split off ${decision.parentLotId} by the usage decision`;
        return { text: `${scan.lotId} is ${stockTypePhrases[lot.stockType]}, ${where}${of} — decided by ${decision.decidedBy} at ${formatDateTime(decision.decidedAt)} (${decision.code})`, tone: 'info' };
      }
      if (onHold) return { text: `${scan.lotId} is on hold (${stockTypePhrases[lot.stockType]}, ${where}) but not listed yet — it appears once this workstation has caught up`, tone: 'warning' };
      return { text: `${scan.lotId} is ${stockTypePhrases[lot.stockType]}, ${where} — not on hold`, tone: 'warning' };
    }
  }
}

/** "3 of 12 lots shown". */
export function describeShown(shown: number, total: number): string {
  return shown === total ? formatCount(total, 'lot') : `${shown} of ${formatCount(total, 'lot')} shown`;
}

/** Usage decisions are the quality engineer's: anyone else sees why they cannot post one. */
export function cannotDecideReason(role: Role | null): string | null {
  if (role === null) return 'Signing in…';
  return role === 'quality-engineer' ? null : `Only a quality engineer posts usage decisions; you are signed in as ${roleWithArticle(role)}. A supervisor approves a use-as-is in Approvals.`;
}

/** A task state's pill: who decided a decided lot; a supervisor's rejection of a use-as-is, or the gateway's refusal of who decided, said as such rather than "conflict". */
export function taskStateText(state: TaskState, decidedBy: string | null, refusal: RefusalKind | null): string {
  if (state === 'decided' && decidedBy) return `decided · ${decidedBy}`;
  if (state === 'conflict' && refusal === 'approval-rejected') return 'deviation rejected';
  if (state === 'conflict' && refusal === 'sign-in') return 'refused · sign-in';
  if (state === 'conflict' && refusal === 'role') return 'refused · role';
  return taskStateLabels[state];
}
