// Saving a response as a named scenario, in its card: the name (the response and its document by
// default), then where to compare it.
import { useState } from 'react';
import type { ExceptionResponse, ExceptionRow } from '../../../shared/api/impact';
import { openScenario, saveScenario } from '../../state/scenario-actions';

export function SaveScenarioBar({ exception, response, onClose }: { exception: ExceptionRow; response: ExceptionResponse; onClose(): void }) {
  const [name, setName] = useState(`${response.label} — ${exception.sourceDocument}`.slice(0, 80));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      setSaved(await saveScenario({ name: name.trim(), steps: [{ kind: 'response', exceptionId: exception.id, responseId: response.id }] }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="save-scenario-bar" role="group" aria-label={`Save ${response.label} as a scenario`} data-testid="save-scenario-bar">
      {saved ? (
        <>
          <span role="status" data-testid="scenario-saved">
            Saved “{name.trim()}” as a scenario.
          </span>
          <div className="save-scenario-bar__actions">
            <button type="button" className="button button--small button--primary" onClick={() => openScenario(saved)} data-testid="open-saved-scenario">
              Compare
            </button>
            <button type="button" className="button button--small" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <label>
            <span>Scenario name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} autoComplete="off" data-testid="scenario-name" />
          </label>
          <div className="save-scenario-bar__actions">
            <button type="button" className="button button--small button--primary" disabled={saving || name.trim() === ''} title={name.trim() === '' ? 'Give the scenario a name' : undefined} onClick={() => void save()} data-testid="confirm-save-scenario">
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button--small" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="scenario-save-error">
          {error}
        </p>
      )}
    </div>
  );
}
