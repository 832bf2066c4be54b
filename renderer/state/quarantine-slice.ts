// Lots on hold and the quality engineer's selection. The reducers are pure functions over rowsById,
// so the grid can turn each change into an AG Grid transaction and tests need no DOM.
import { create } from 'zustand';
import type { DispositionArgs, QuarantineRow } from '../../shared/api/quarantine';

export type RowsById = Readonly<Record<string, QuarantineRow>>;

export interface QuarantineState {
  rowsById: RowsById;
  loaded: boolean;
  loadError: string | null;
  selectedLotId: string | null;
  rowsLoaded(rows: readonly QuarantineRow[]): void;
  rowChanged(row: QuarantineRow): void;
  decisionQueued(lotId: string, args: DispositionArgs, user: string): void;
  loadFailed(message: string): void;
  select(lotId: string | null): void;
}

export function rowsFromList(rows: readonly QuarantineRow[]): RowsById {
  return Object.fromEntries(rows.map((row) => [row.lotId, row]));
}

export function withRowChanged(rowsById: RowsById, row: QuarantineRow): RowsById {
  return { ...rowsById, [row.lotId]: row };
}

/**
 * After the host took a decision, show it as pending upstream at once. Only a row still open for a
 * decision changes: if the core already pushed a newer state (pending, accepted, conflict), that wins.
 */
export function withDecisionQueued(rowsById: RowsById, lotId: string, args: DispositionArgs, user: string): RowsById {
  const row = rowsById[lotId];
  if (!row || row.taskId !== args.taskId || (row.taskState !== 'awaiting-decision' && row.taskState !== 'conflict')) {
    return rowsById;
  }
  return {
    ...rowsById,
    [lotId]: {
      ...row,
      taskState: 'pending-upstream',
      decision: args.decision,
      decisionReason: args.reason,
      deviationNumber: args.deviationNumber ?? null,
      decidedBy: user,
      conflictReason: null,
    },
  };
}

export function isOpenForDecision(row: Pick<QuarantineRow, 'taskState'>): boolean {
  return row.taskState === 'awaiting-decision' || row.taskState === 'conflict';
}

export const useQuarantineStore = create<QuarantineState>()((set) => ({
  rowsById: {},
  loaded: false,
  loadError: null,
  selectedLotId: null,
  rowsLoaded: (rows) => set({ rowsById: rowsFromList(rows), loaded: true, loadError: null }),
  rowChanged: (row) => set((state) => ({ rowsById: withRowChanged(state.rowsById, row) })),
  decisionQueued: (lotId, args, user) => set((state) => ({ rowsById: withDecisionQueued(state.rowsById, lotId, args, user) })),
  loadFailed: (message) => set({ loadError: message }),
  select: (lotId) => set({ selectedLotId: lotId }),
}));

export const selectSelectedRow = (state: QuarantineState): QuarantineRow | null =>
  state.selectedLotId === null ? null : (state.rowsById[state.selectedLotId] ?? null);
