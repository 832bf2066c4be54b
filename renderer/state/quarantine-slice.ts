// Lots on hold, the quality engineer's selection and filters, the selected lot's containment and the
// last scanned lot. The reducers are pure functions over plain data, so the grid can turn each change
// into an AG Grid transaction and tests need no DOM.
import { create } from 'zustand';
import type { ContainmentReport, DispositionArgs, LotLookup, QuarantineRow } from '../../shared/api/quarantine';
import { usageDecisionCode, usageValuation } from '../../shared/usage-decision';
import { noFilters, type QuarantineFilterName, type QuarantineFilters } from './quarantine-filters';

export type RowsById = Readonly<Record<string, QuarantineRow>>;

/** The selected lot's containment report: which orders consumed it, which lots were made from it. */
export interface ContainmentState {
  lotId: string;
  /** The last report loaded for the lot, kept while a reload runs or fails. */
  report: ContainmentReport | null;
  loading: boolean;
  error: string | null;
}

/** What the scan field found for the last lot id scanned. */
export type ScanOutcome =
  | { kind: 'on-hold'; lotId: string; clearedFilters: QuarantineFilterName[]; decided: { decidedBy: string; decidedAt: string; code: string } | null }
  | { kind: 'looking-up'; lotId: string }
  | { kind: 'looked-up'; lotId: string; lookup: LotLookup }
  | { kind: 'failed'; lotId: string; message: string }
  /** What was scanned cannot be a lot id (too long: a scanner read something else). */
  | { kind: 'not-a-lot-id'; length: number };

export interface QuarantineData {
  rowsById: RowsById;
  loaded: boolean;
  loadError: string | null;
  selectedLotId: string | null;
  filters: QuarantineFilters;
  containment: ContainmentState | null;
  scan: ScanOutcome | null;
}

export interface QuarantineState extends QuarantineData {
  rowsLoaded(rows: readonly QuarantineRow[]): void;
  rowChanged(row: QuarantineRow): void;
  decisionQueued(lotId: string, args: DispositionArgs, user: string): void;
  withdrawQueued(lotId: string, taskId: string): void;
  reopened(lotId: string, taskId: string): void;
  loadFailed(message: string): void;
  select(lotId: string | null): void;
  filtersChanged(filters: QuarantineFilters): void;
  scanned(outcome: ScanOutcome | null): void;
  containmentRequested(lotId: string): void;
  containmentLoaded(report: ContainmentReport): void;
  containmentFailed(lotId: string, message: string): void;
}

export function rowsFromList(rows: readonly QuarantineRow[]): RowsById {
  return Object.fromEntries(rows.map((row) => [row.lotId, row]));
}

export function withRowChanged(rowsById: RowsById, row: QuarantineRow): RowsById {
  return { ...rowsById, [row.lotId]: row };
}

export function isOpenForDecision(row: Pick<QuarantineRow, 'taskState'>): boolean {
  return row.taskState === 'awaiting-decision' || row.taskState === 'conflict';
}

/**
 * After the host took a decision, show it as pending upstream at once, or, with use-as-is, as awaiting
 * the supervisor's approval (policy: a use-as-is goes upstream only once approved). Only a row still
 * open for a decision changes: if the core already pushed a newer state, that wins.
 */
export function withDecisionQueued(rowsById: RowsById, lotId: string, args: DispositionArgs, user: string): RowsById {
  const row = rowsById[lotId];
  if (!row || row.taskId !== args.taskId || !isOpenForDecision(row)) return rowsById;
  return {
    ...rowsById,
    [lotId]: {
      ...row,
      taskState: args.postings.some((posting) => posting.decision === 'use-as-is') ? 'awaiting-approval' : 'pending-upstream',
      postings: args.postings,
      valuation: usageValuation(args.postings),
      decisionCode: usageDecisionCode(args.postings).code,
      decisionReason: args.reason,
      deviationNumber: args.deviationNumber ?? null,
      decidedBy: user,
      decidedAt: new Date().toISOString(),
      decidedHere: true,
      approvedBy: null,
      approvedAt: null,
      parts: [],
      overtaken: null,
      containmentLotIds: args.containmentLotIds ?? [],
      conflict: null,
    },
  };
}

/** A refused decision withdrawn here: the task closes at once; the core's push then has the last word. */
export function withWithdrawQueued(rowsById: RowsById, lotId: string, taskId: string): RowsById {
  const row = rowsById[lotId];
  if (!row || row.taskId !== taskId || row.taskState !== 'conflict') return rowsById;
  return { ...rowsById, [lotId]: { ...row, taskState: 'withdrawn' } };
}

/** A withdrawn lot's task opened again here: it waits for a decision at once; the core's push then has the last word. */
export function withReopened(rowsById: RowsById, lotId: string, taskId: string): RowsById {
  const row = rowsById[lotId];
  if (!row || row.taskId !== taskId || row.taskState !== 'withdrawn') return rowsById;
  return { ...rowsById, [lotId]: { ...row, taskState: 'awaiting-decision' } };
}

/** A new selection drops the previous lot's containment: it must never show under another lot. */
export function withSelection<D extends QuarantineData>(data: D, lotId: string | null): D {
  if (lotId === data.selectedLotId) return data;
  return { ...data, selectedLotId: lotId, containment: data.containment?.lotId === lotId ? data.containment : null };
}

export function withContainmentRequested<D extends QuarantineData>(data: D, lotId: string): D {
  if (lotId !== data.selectedLotId) return data;
  const report = data.containment?.lotId === lotId ? data.containment.report : null;
  return { ...data, containment: { lotId, report, loading: true, error: null } };
}

/** An answer for a lot no longer selected is dropped. */
export function withContainmentLoaded<D extends QuarantineData>(data: D, report: ContainmentReport): D {
  if (report.lotId !== data.selectedLotId) return data;
  return { ...data, containment: { lotId: report.lotId, report, loading: false, error: null } };
}

/** A failed reload keeps what was shown, with the error beside it. */
export function withContainmentFailed<D extends QuarantineData>(data: D, lotId: string, message: string): D {
  if (lotId !== data.selectedLotId) return data;
  const report = data.containment?.lotId === lotId ? data.containment.report : null;
  return { ...data, containment: { lotId, report, loading: false, error: message } };
}

/**
 * Which lot's containment must be (re)loaded after a state change: the selected lot once production
 * orders consumed some of it, on a new selection or when the core pushed a change of its row.
 */
export function containmentToLoad(previous: QuarantineData, next: QuarantineData): string | null {
  const id = next.selectedLotId;
  if (id === null) return null;
  const row = next.rowsById[id];
  if (!row || row.consumedQuantity <= 0) return null;
  if (id !== previous.selectedLotId) return id;
  return row !== previous.rowsById[id] ? id : null;
}

export const initialQuarantineData: QuarantineData = {
  rowsById: {},
  loaded: false,
  loadError: null,
  selectedLotId: null,
  filters: noFilters,
  containment: null,
  scan: null,
};

export function createQuarantineStore() {
  return create<QuarantineState>()((set) => ({
    ...initialQuarantineData,
    rowsLoaded: (rows) => set({ rowsById: rowsFromList(rows), loaded: true, loadError: null }),
    rowChanged: (row) => set((state) => ({ rowsById: withRowChanged(state.rowsById, row) })),
    decisionQueued: (lotId, args, user) => set((state) => ({ rowsById: withDecisionQueued(state.rowsById, lotId, args, user) })),
    withdrawQueued: (lotId, taskId) => set((state) => ({ rowsById: withWithdrawQueued(state.rowsById, lotId, taskId) })),
    reopened: (lotId, taskId) => set((state) => ({ rowsById: withReopened(state.rowsById, lotId, taskId) })),
    loadFailed: (message) => set({ loadError: message }),
    select: (lotId) => set((state) => withSelection(state, lotId)),
    filtersChanged: (filters) => set({ filters }),
    scanned: (scan) => set({ scan }),
    containmentRequested: (lotId) => set((state) => withContainmentRequested(state, lotId)),
    containmentLoaded: (report) => set((state) => withContainmentLoaded(state, report)),
    containmentFailed: (lotId, message) => set((state) => withContainmentFailed(state, lotId, message)),
  }));
}
export type QuarantineStore = ReturnType<typeof createQuarantineStore>;

export const useQuarantineStore = createQuarantineStore();

export const selectSelectedRow = (state: QuarantineData): QuarantineRow | null =>
  state.selectedLotId === null ? null : (state.rowsById[state.selectedLotId] ?? null);

/** The selected lot's containment, or null while none is loaded for it. */
export const selectSelectedContainment = (state: QuarantineData): ContainmentState | null =>
  state.containment !== null && state.containment.lotId === state.selectedLotId ? state.containment : null;
