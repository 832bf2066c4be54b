// How dense this window's screens are: the settings' ui.density (from the session), unless the
// engineer switched it here; that choice is kept in the window's local storage, across reloads.
import { create } from 'zustand';
import type { UiDensity } from '../../shared/api/session';

/** The part of the Web Storage API this slice uses, so tests can hand in a map. */
export interface DensityStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const densityStorageKey = 'plant-orchestrator.ui-density';

function browserStorage(): DensityStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be refused (a privacy setting); the toggle then lasts until the window closes.
    return null;
  }
}

export function readDensityOverride(storage: DensityStorage | null): UiDensity | null {
  const stored = storage?.getItem(densityStorageKey) ?? null;
  return stored === 'compact' || stored === 'touch' ? stored : null;
}

export interface DensityState {
  /** The engineer's choice in this window; null follows the settings. */
  override: UiDensity | null;
  chosen(density: UiDensity): void;
}

export function createDensityStore(storage: DensityStorage | null = browserStorage()) {
  return create<DensityState>()((set) => ({
    override: readDensityOverride(storage),
    chosen: (density) => {
      try {
        storage?.setItem(densityStorageKey, density);
      } catch {
        // Full or refused storage: the choice still holds for this window.
      }
      set({ override: density });
    },
  }));
}

export const useDensityStore = createDensityStore();

/** The density in force: this window's choice, else the settings', else compact. */
export function effectiveDensity(override: UiDensity | null, fromSettings: UiDensity | undefined): UiDensity {
  return override ?? fromSettings ?? 'compact';
}
