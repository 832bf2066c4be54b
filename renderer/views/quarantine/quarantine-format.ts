// The quarantine grid's sorting and wording, as plain functions the columns and tests share.
import type { QuarantineRow, TaskState } from '../../../shared/api/quarantine';
import { decisionShortLabels } from '../../format/labels';

/** Work first: lots awaiting a decision, then conflicts to resolve, then what is in flight or done. */
const taskStateRank: Record<TaskState, number> = {
  'awaiting-decision': 0,
  conflict: 1,
  'pending-upstream': 2,
  accepted: 3,
};

export function compareTaskStates(a: TaskState, b: TaskState): number {
  return taskStateRank[a] - taskStateRank[b];
}

/** Oldest hold first within a task state. */
export function compareHoldSince(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** Awaiting decision first, then conflicts, pending, accepted; within a state the longest hold first. */
export function compareForTriage(
  a: Pick<QuarantineRow, 'taskState' | 'holdSince'> | undefined,
  b: Pick<QuarantineRow, 'taskState' | 'holdSince'> | undefined,
): number {
  if (!a || !b) return 0;
  return compareTaskStates(a.taskState, b.taskState) || compareHoldSince(a.holdSince, b.holdSince);
}

/** "Use as-is · DEV-0042", "Scrap", or "—" before a decision. */
export function formatDecisionCell(row: Pick<QuarantineRow, 'decision' | 'deviationNumber'>): string {
  if (row.decision === null) return '—';
  const label = decisionShortLabels[row.decision];
  return row.decision === 'use-as-is' && row.deviationNumber ? `${label} · ${row.deviationNumber}` : label;
}

export interface QuarantineCounts {
  total: number;
  awaiting: number;
  conflicts: number;
  pending: number;
  accepted: number;
}

export function countByTaskState(rows: readonly Pick<QuarantineRow, 'taskState'>[]): QuarantineCounts {
  const counts: QuarantineCounts = { total: rows.length, awaiting: 0, conflicts: 0, pending: 0, accepted: 0 };
  for (const row of rows) {
    if (row.taskState === 'awaiting-decision') counts.awaiting += 1;
    else if (row.taskState === 'conflict') counts.conflicts += 1;
    else if (row.taskState === 'pending-upstream') counts.pending += 1;
    else counts.accepted += 1;
  }
  return counts;
}
