// The stock/requirements list the planner has open: which item at which plant, its rows keyed by a
// stable id (so a reload after a plan change reaches the grid as a transaction of the rows that
// changed), the row chosen for its pegging, and the late order being explained.
import { create } from 'zustand';
import type { LateExplanation, PeggedUp, StockRequirementRow, StockRequirementsList } from '../../shared/api/stock-requirements';

export interface StockTarget {
  itemId: string;
  plant: string;
}

/** A row as the grid holds it: the core's row with its id. */
export type StockGridRow = StockRequirementRow & { id: string };

export interface StockState {
  target: StockTarget | null;
  list: StockRequirementsList | null;
  /** Rows by id; an unchanged row keeps its object across reloads. */
  rows: Readonly<Record<string, StockGridRow>>;
  /** Each row's place in the list (date order): the grid shows them so, whatever order they came in. */
  positions: Readonly<Record<string, number>>;
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  /** From the selected receipt up to the customer orders; null until asked or for a requirement. */
  peggedUp: PeggedUp | null;
  explanation: LateExplanation | null;
  /** A document to choose once the list has it (a step of a late order's chain opened its list). */
  focusDocument: string | null;
  open(target: StockTarget, focusDocument?: string): void;
  listLoaded(target: StockTarget, list: StockRequirementsList | null): void;
  loadFailed(message: string): void;
  select(id: string | null): void;
  peggedUpLoaded(pegged: PeggedUp | null): void;
  explained(explanation: LateExplanation | null): void;
}

/** Rows named by kind and document, the n-th of the same kind and document counted in list order. */
export function keyRows(rows: readonly StockRequirementRow[], previous: Readonly<Record<string, StockGridRow>>): Record<string, StockGridRow> {
  const seen = new Map<string, number>();
  const keyed: Record<string, StockGridRow> = {};
  for (const row of rows) {
    const base = `${row.kind}:${row.document}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const id = n === 0 ? base : `${base}#${n}`;
    const before = previous[id];
    const next = { ...row, id };
    // Rows are small: one that reads the same keeps its object, and the grid leaves it alone.
    keyed[id] = before && JSON.stringify(before) === JSON.stringify(next) ? before : next;
  }
  return keyed;
}

const sameTarget = (a: StockTarget | null, b: StockTarget | null) => a !== null && b !== null && a.itemId === b.itemId && a.plant === b.plant;

export const useStockStore = create<StockState>()((set, get) => ({
  target: null,
  list: null,
  rows: {},
  positions: {},
  loading: false,
  error: null,
  selectedId: null,
  peggedUp: null,
  explanation: null,
  focusDocument: null,
  open: (target, focusDocument) => {
    if (sameTarget(get().target, target)) {
      const row = focusDocument ? Object.values(get().rows).find((candidate) => candidate.document === focusDocument) : undefined;
      if (row) set({ selectedId: row.id, peggedUp: null, focusDocument: null });
      else if (focusDocument) set({ focusDocument });
      return;
    }
    set({ target, list: null, rows: {}, positions: {}, loading: true, error: null, selectedId: null, peggedUp: null, focusDocument: focusDocument ?? null });
  },
  listLoaded: (target, list) => {
    if (!sameTarget(get().target, target)) return;
    set((state) => {
      const rows = keyRows(list?.rows ?? [], state.rows);
      const positions = Object.fromEntries(Object.keys(rows).map((id, at) => [id, at]));
      // The document asked for is chosen once it is listed; the chosen row stays chosen while it is in the list.
      const focused = state.focusDocument ? Object.values(rows).find((row) => row.document === state.focusDocument) : undefined;
      if (focused) return { list, rows, positions, loading: false, error: null, selectedId: focused.id, peggedUp: null, focusDocument: null };
      return { list, rows, positions, loading: false, error: null, selectedId: state.selectedId !== null && state.selectedId in rows ? state.selectedId : null };
    });
  },
  loadFailed: (message) => set({ loading: false, error: message }),
  select: (id) => set({ selectedId: id, peggedUp: null }),
  peggedUpLoaded: (peggedUp) => set({ peggedUp }),
  explained: (explanation) => set({ explanation }),
}));
