// The planner's saved scenarios: the list, which ones are picked to compare (three at most), their
// comparison with the plan as the core weighed it last, and the steps of the scenario being built.
import { create } from 'zustand';
import { rowsByIdKeepingUnchanged } from '../grid/row-delta';
import { maxScenariosCompared, type ScenarioComparisonView, type ScenarioRow, type ScenarioStepInput } from '../../shared/api/scenarios';

/** A step of the scenario being built, with the words the planner reads for it. */
export interface DraftStep {
  step: ScenarioStepInput;
  label: string;
}

export interface ScenariosState {
  /** The saved scenarios by id (the grid sorts them, and takes changes as transactions). */
  byId: Readonly<Record<string, ScenarioRow>>;
  loaded: boolean;
  error: string | null;
  /** What the last save, apply or delete did, in words. */
  notice: string | null;
  picked: string[];
  comparison: ScenarioComparisonView | null;
  comparing: boolean;
  draft: DraftStep[];
  rowsLoaded(rows: ScenarioRow[]): void;
  failed(message: string): void;
  noticed(message: string | null): void;
  /** Picks or unpicks a scenario; the oldest pick gives way past three. */
  togglePick(id: string): void;
  setPicked(ids: string[]): void;
  compared(comparison: ScenarioComparisonView | null): void;
  comparingStarted(): void;
  addStep(step: DraftStep): void;
  removeStep(at: number): void;
  clearDraft(): void;
}

export const useScenariosStore = create<ScenariosState>()((set) => ({
  byId: {},
  loaded: false,
  error: null,
  notice: null,
  picked: [],
  comparison: null,
  comparing: false,
  draft: [],
  rowsLoaded: (rows) =>
    set((state) => {
      const ids = new Set(rows.map((row) => row.id));
      return { byId: rowsByIdKeepingUnchanged(rows, (row) => row.id, state.byId), loaded: true, error: null, picked: state.picked.filter((id) => ids.has(id)) };
    }),
  failed: (message) => set({ error: message, comparing: false }),
  noticed: (message) => set({ notice: message, error: null }),
  togglePick: (id) =>
    set((state) => ({ picked: state.picked.includes(id) ? state.picked.filter((picked) => picked !== id) : [...state.picked, id].slice(-maxScenariosCompared) })),
  setPicked: (ids) => set({ picked: ids.slice(-maxScenariosCompared) }),
  compared: (comparison) => set({ comparison, comparing: false, error: null }),
  comparingStarted: () => set({ comparing: true }),
  addStep: (step) => set((state) => ({ draft: [...state.draft, step] })),
  removeStep: (at) => set((state) => ({ draft: state.draft.filter((_, index) => index !== at) })),
  clearDraft: () => set({ draft: [] }),
}));
