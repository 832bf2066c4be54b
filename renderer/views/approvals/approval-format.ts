// The Approvals view's wording, as plain functions the columns, the panel and tests share.
import type { ApprovalRow } from '../../../shared/api/approvals';
import type { ProjectedEffect } from '../../../shared/api/impact';
import { approvalStatusLabels } from '../../format/labels';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatDaysLate } from '../order-impact/impact-format';

/** Under the status pill: a decision from this workstation on its way, or upstream's refusal of one. */
export function approvalStateNote(row: Pick<ApprovalRow, 'pendingDecision' | 'refusedUpstream'>): { text: string; tone: 'sent' | 'conflict' } | null {
  if (row.refusedUpstream !== null) return { text: 'conflict', tone: 'conflict' };
  if (row.pendingDecision !== null) return { text: row.pendingDecision.decision === 'approve' ? 'approval sent' : 'rejection sent', tone: 'sent' };
  return null;
}

/** The status column in one line, for a tooltip or a CSV: "pending · approval sent". */
export function describeApprovalState(row: Pick<ApprovalRow, 'status' | 'pendingDecision' | 'refusedUpstream'>): string {
  const note = approvalStateNote(row);
  return note ? `${approvalStatusLabels[row.status]} · ${note.text}` : approvalStatusLabels[row.status];
}

/** The panel's sentence for a decision on its way: "Approval sent — waiting for upstream". */
export function describePendingDecision(pending: NonNullable<ApprovalRow['pendingDecision']>): string {
  return `${pending.decision === 'approve' ? 'Approval' : 'Rejection'} sent — waiting for upstream`;
}

/** "3 production orders". */
export function formatOrderCount(count: number): string {
  return `${formatQuantity(count, '')} production ${count === 1 ? 'order' : 'orders'}`;
}

/** A projected effect as label and value pairs, for the panel. */
export function projectedFacts(projected: ProjectedEffect): [string, string][] {
  return [
    ['Orders hit', formatQuantity(projected.ordersHit, '')],
    ['Revenue at risk', formatMoney(projected.revenueAtRisk)],
    ['Worst lateness', projected.worstDaysLate === null ? '—' : projected.worstDaysLate === 0 ? 'on time' : formatDaysLate(projected.worstDaysLate)],
    ['Unfulfilled', formatQuantity(projected.unfulfilled, '')],
  ];
}

export interface ApprovalCounts {
  total: number;
  awaiting: number;
  sent: number;
  conflicts: number;
  decided: number;
}

export function countApprovals(rows: readonly Pick<ApprovalRow, 'status' | 'pendingDecision' | 'refusedUpstream'>[]): ApprovalCounts {
  const counts: ApprovalCounts = { total: rows.length, awaiting: 0, sent: 0, conflicts: 0, decided: 0 };
  for (const row of rows) {
    if (row.refusedUpstream !== null) counts.conflicts += 1;
    if (row.status !== 'pending') counts.decided += 1;
    else if (row.pendingDecision !== null) counts.sent += 1;
    else counts.awaiting += 1;
  }
  return counts;
}
