// How dense this window's screens are: the settings' ui.density (from the session), unless the
// engineer switched it in this window; that choice is kept in the window's session storage, so a
// reload keeps it and another window still starts from the settings.
import { create } from 'zustand';
import type { UiDensity } from '../../shared/api/session';
import { windowSessionStorage, type KeyValueStorage } from './window-storage';

export type DensityStorage = KeyValueStorage;

export const densityStorageKey = 'plant-orchestrator.ui-density';

export function readDensityOverride(storage: DensityStorage | null): UiDensity | null {
  const stored = storage?.getItem(densityStorageKey) ?? null;
  return stored === 'compact' || stored === 'touch' ? stored : null;
}

export interface DensityState {
  /** The engineer's choice in this window; null follows the settings. */
  override: UiDensity | null;
  chosen(density: UiDensity): void;
}

/** Without storage (refused by the browser) the toggle lasts until the page goes. */
export function createDensityStore(storage: DensityStorage | null = windowSessionStorage()) {
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
