// A view asked for from another (a late order's "Why late?" opens Stock/requirements): the shell follows it.
import { create } from 'zustand';
import type { AppViewId } from '../app/views';

export interface NavigationState {
  /** The view asked for last, with a count so asking twice for the same view is heard. */
  requested: { view: AppViewId; seq: number } | null;
  go(view: AppViewId): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  requested: null,
  go: (view) => set((state) => ({ requested: { view, seq: (state.requested?.seq ?? 0) + 1 } })),
}));
