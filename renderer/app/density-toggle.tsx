import { useDensityStore } from '../state/density-slice';
import { useDensity } from './use-density';

/** Switches this window between compact (mouse, workstation) and touch (gloves, floor tablet). */
export function DensityToggle() {
  const density = useDensity();
  const chosen = useDensityStore((state) => state.chosen);
  const touch = density === 'touch';
  return (
    <button
      type="button"
      className={`button density-toggle${touch ? ' button--chosen' : ''}`}
      aria-pressed={touch}
      onClick={() => chosen(touch ? 'compact' : 'touch')}
      title={touch ? 'Touch density: large rows and buttons. Click for compact.' : 'Compact density. Click for touch: large rows and buttons for gloves.'}
      data-testid="density-toggle"
      data-density={density}
    >
      <span aria-hidden="true" className="density-toggle__icon">
        {touch ? '☰' : '≡'}
      </span>
      Touch mode {touch ? 'on' : 'off'}
    </button>
  );
}
