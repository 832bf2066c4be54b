import type { UiDensity } from '../../shared/api/session';
import { effectiveDensity, useDensityStore } from '../state/density-slice';
import { useSessionStore } from '../state/session-slice';

/** The density in force in this window: the engineer's toggle, else the settings' ui.density. */
export function useDensity(): UiDensity {
  const override = useDensityStore((state) => state.override);
  const fromSettings = useSessionStore((state) => state.session?.density);
  return effectiveDensity(override, fromSettings);
}
