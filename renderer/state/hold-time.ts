// How long a lot is, or was, on hold: counted from when it went on hold until now, or, once its usage
// decision stands, until that decision. The Age column, the age filter and the panel read it here, so
// a decided lot stops ageing in all three.
import type { QuarantineRow } from '../../shared/api/quarantine';

export type HeldRow = Pick<QuarantineRow, 'holdSince' | 'taskState' | 'decidedAt'>;

/** The end of the hold: 'open' while the lot waits; the decision's time once decided; 'unknown' for a lot decided at a time not known here. */
export function holdEnd(row: Pick<HeldRow, 'taskState' | 'decidedAt'>): { kind: 'open' } | { kind: 'decided'; at: string } | { kind: 'unknown' } {
  if (row.taskState !== 'decided') return { kind: 'open' };
  return row.decidedAt !== null && !Number.isNaN(Date.parse(row.decidedAt)) ? { kind: 'decided', at: row.decidedAt } : { kind: 'unknown' };
}

/** Milliseconds on hold (never negative: a clock a little behind the gateway's); NaN when not known. */
export function heldForMs(row: HeldRow, now: number): number {
  const since = Date.parse(row.holdSince);
  const end = holdEnd(row);
  if (Number.isNaN(since) || end.kind === 'unknown') return Number.NaN;
  return Math.max(0, (end.kind === 'decided' ? Date.parse(end.at) : now) - since);
}
