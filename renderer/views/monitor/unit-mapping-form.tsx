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

export function UnitMappingForm({ plant, code, units, onDone }: { plant: string; code: string; units: readonly string[]; onDone(message: string): void }) {
  const [unit, setUnit] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function map() {
    setBusy(true);
    setError(null);
    try {
      await apiClient.invoke('monitor.mapUnit', { plant, code, unit });
      onDone(`Asked the gateway to map ${code} to ${unit} at ${plant}. Once it is back, every workstation replays the dead letters ${code} caused.`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="monitor-panel__mapping"
      onSubmit={(event) => {
        event.preventDefault();
        void map();
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
      {error && (
        <p className="form-error" role="alert" data-testid="unit-mapping-error">
          {error}
        </p>
      )}
    </form>
  );
}
