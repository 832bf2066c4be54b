// For a dead letter a plant's unknown unit code caused: map the code to a unit of master data. The
// mapping goes to the gateway; once it is back on the plant's stream, every workstation replays the
// dead letters the code caused, this one included.
import { useState } from 'react';
import type { DeadLetterRow } from '../../../shared/api/monitor';
import { plantOfDeadLetter, unknownUnitCodeOf } from '../../../shared/unknown-unit';
import { apiClient } from '../../api/client';

/** The plant and code of a dead letter an unknown unit code caused; null for any other. */
export function unmappedUnitOf(letter: DeadLetterRow): { plant: string; code: string } | null {
  const code = unknownUnitCodeOf(letter.reason);
  const plant = plantOfDeadLetter(letter);
  return code !== undefined && plant !== undefined ? { plant, code } : null;
}

/**
 * The panel runs it (`run`: its one busy state and error line, the notice once done); `busy` while it
 * or another of the panel's actions is on its way.
 */
export function UnitMappingForm({ plant, code, units, busy, run }: { plant: string; code: string; units: readonly string[]; busy: boolean; run(work: () => Promise<string>): void }) {
  const [unit, setUnit] = useState('');
  const map = () =>
    run(async () => {
      await apiClient.invoke('monitor.mapUnit', { plant, code, unit });
      return `Asked the gateway to map ${code} to ${unit} at ${plant}. Once it is back, every workstation replays the dead letters ${code} caused.`;
    });

  return (
    <form
      className="monitor-panel__mapping"
      onSubmit={(event) => {
        event.preventDefault();
        map();
      }}
      data-testid="unit-mapping-form"
    >
      <label>
        <span>
          {plant} sends <strong>{code}</strong> for
        </span>
        <select value={unit} onChange={(event) => setUnit(event.target.value)} data-testid="unit-mapping-unit">
          <option value="">a unit of master data…</option>
          {units.map((known) => (
            <option key={known} value={known}>
              {known}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--small button--primary" disabled={busy || unit === ''} data-testid="unit-mapping-submit">
        Map and replay
      </button>
    </form>
  );
}
