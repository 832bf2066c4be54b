// What a held lot's row says beside its decision: its usage decision's SLA (due, overdue, escalated,
// what the SLA did by itself) and the latest cycle count of its bin.
import type { LotCycleCount, QuarantineRow, TaskState } from '../../../shared/api/quarantine';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatDateTime, formatDue } from '../../format/time';

/** Task states the engineer still owes a usage decision in: where the SLA runs (a withdrawn one lets upstream's state stand). */
const owed: ReadonlySet<TaskState> = new Set(['awaiting-decision', 'conflict']);

/**
 * The line under the task state about its SLA: "kept blocked by its SLA" once the gateway decided by
 * itself, "overdue · escalated" once escalated, "overdue 2 h" past the due time, "due in 5 h" within a
 * day of it; null otherwise (decided in time, or nothing due soon).
 */
export function dispositionSlaNote(row: Pick<QuarantineRow, 'taskState' | 'dueAt' | 'escalatedAt' | 'autoAction'>, now: number): { text: string; tone: 'danger' | 'warning' } | null {
  if (row.autoAction) return { text: `R4 by system: ${row.autoAction} by its SLA`, tone: 'danger' };
  if (!owed.has(row.taskState)) return null;
  if (row.escalatedAt) return { text: 'overdue · escalated', tone: 'danger' };
  if (!row.dueAt) return null;
  const due = formatDue(row.dueAt, now);
  if (due.overdue) return { text: due.text, tone: 'danger' };
  return Date.parse(row.dueAt) - now <= 24 * 3_600_000 ? { text: due.text, tone: 'warning' } : null;
}

const cycleCountStates: Record<LotCycleCount['status'], string> = {
  adjusting: 'adjustment on its way upstream',
  'awaiting-approval': 'above tolerance: picks paused, a supervisor approves the adjustment',
  adjusted: 'book adjusted',
  recount: 'adjustment rejected: the bin is counted again',
  refused: 'adjustment refused upstream',
};

/** A held lot's bin counted: "1,940 KG counted, 2,000 KG on the book (−60 KG, value 300.00) by op.lena: above tolerance: …". */
export function describeLotCycleCount(count: LotCycleCount, unit: string): string {
  const sign = count.difference > 0 ? '+' : count.difference < 0 ? '−' : '';
  const state = count.note ? `${cycleCountStates[count.status]} (${count.note})` : cycleCountStates[count.status];
  return `${formatQuantity(count.countedQuantity, unit)} counted in bin ${count.bin}, ${formatQuantity(count.bookQuantity, unit)} on the book (${sign}${formatQuantity(Math.abs(count.difference), unit)}, value ${formatMoney(count.value)}), by ${count.countedBy} ${formatDateTime(count.countedAt)}: ${state}`;
}

/** The panel's SLA facts: when the usage decision is due, and when it was escalated (and what the SLA did). */
export function slaFacts(row: Pick<QuarantineRow, 'taskState' | 'dueAt' | 'escalatedAt' | 'autoAction'>, now: number): [string, string][] {
  const facts: [string, string][] = [];
  if (row.dueAt && (owed.has(row.taskState) || row.escalatedAt)) facts.push(['Decision due', `${formatDateTime(row.dueAt)} (${formatDue(row.dueAt, now).text})`]);
  if (row.escalatedAt) facts.push(['Escalated', `${formatDateTime(row.escalatedAt)}, to every supervisor${row.autoAction ? `; ${row.autoAction}: usage decision R4 by system` : ''}`]);
  return facts;
}
