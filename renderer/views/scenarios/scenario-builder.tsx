// Building a scenario from steps: a response an open exception offers, a supplier delay (a PO line at
// a new date), a lot blocked, a line stopped for some days; named and saved with its figures now.
import { useState } from 'react';
import type { ExceptionResponse } from '../../../shared/api/impact';
import type { ScenarioStepInput } from '../../../shared/api/scenarios';
import { maxScenarioSteps } from '../../../shared/api/scenarios';
import { apiClient } from '../../api/client';
import { useImpactStore } from '../../state/impact-slice';
import { saveScenario } from '../../state/scenario-actions';
import { useScenariosStore } from '../../state/scenarios-slice';
import { describeDraftStep } from './scenario-format';

type StepKind = ScenarioStepInput['kind'];

const stepKindLabels: Record<StepKind, string> = {
  response: 'Response to an open exception',
  delay: 'Supplier delay',
  'lot-block': 'Lot blocked',
  'line-stop': 'Line stop',
};

/** The fields of one step kind, and the step they make (or what is missing). */
function StepFields({ kind, onAdd }: { kind: StepKind; onAdd(step: ScenarioStepInput, label: string): void }) {
  const exceptions = useImpactStore((state) => state.exceptionsById);
  const open = Object.values(exceptions).filter((row) => row.status === 'open' && row.type !== 'line-stop');
  const [exceptionId, setExceptionId] = useState('');
  const [responses, setResponses] = useState<ExceptionResponse[]>([]);
  const [responseId, setResponseId] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [c, setC] = useState('');
  const [days, setDays] = useState('3');
  const [error, setError] = useState<string | null>(null);

  async function pickException(id: string) {
    setExceptionId(id);
    setResponses([]);
    setResponseId('');
    if (!id) return;
    try {
      const detail = await apiClient.invoke('impact.exception', { id });
      setResponses(detail.responses);
      setResponseId(detail.responses[0]?.id ?? '');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  function add() {
    setError(null);
    const text = (value: string) => value.trim().toUpperCase();
    switch (kind) {
      case 'response': {
        const response = responses.find((candidate) => candidate.id === responseId);
        const source = exceptions[exceptionId]?.sourceDocument ?? exceptionId;
        if (!exceptionId || !response) return setError('exception: pick an open exception and one of its responses');
        return onAdd({ kind, exceptionId, responseId: response.id }, `${response.label}: ${source}`);
      }
      case 'delay':
        if (!text(a)) return setError('PO line: give the PO schedule line, e.g. PO-0004046/10');
        if (!b) return setError('arrives: give the date it would arrive');
        return onAdd({ kind, poLineId: text(a), newDate: b }, describeDraftStep({ kind, poLineId: text(a), newDate: b }));
      case 'lot-block':
        if (!text(a)) return setError('lot: give the lot id');
        return onAdd({ kind, lotId: text(a) }, describeDraftStep({ kind, lotId: text(a) }));
      case 'line-stop': {
        const count = Number(days);
        if (!text(a) || !text(b)) return setError('line: give the plant and the line');
        if (!c) return setError('from: give the day the line stops');
        if (!Number.isInteger(count) || count < 1 || count > 365) return setError('days: a whole number of days from 1 to 365');
        const step: ScenarioStepInput = { kind, plant: text(a), line: text(b), from: c, days: count };
        return onAdd(step, describeDraftStep(step));
      }
    }
  }

  return (
    <div className="scenario-builder__fields">
      {kind === 'response' && (
        <>
          <label>
            <span>Exception</span>
            <select value={exceptionId} onChange={(event) => void pickException(event.target.value)} data-testid="builder-exception">
              <option value="">{open.length === 0 ? 'No open exception' : 'Pick an open exception'}</option>
              {open.map((row) => (
                <option key={row.id} value={row.id}>
                  {row.sourceDocument} · {row.itemId} at {row.plant}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Response</span>
            <select value={responseId} onChange={(event) => setResponseId(event.target.value)} disabled={responses.length === 0} data-testid="builder-response">
              {responses.map((response) => (
                <option key={response.id} value={response.id}>
                  {response.label}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {kind === 'delay' && (
        <>
          <label>
            <span>PO line</span>
            <input value={a} onChange={(event) => setA(event.target.value)} placeholder="PO-0004046/10" data-testid="builder-po-line" />
          </label>
          <label>
            <span>Arrives</span>
            <input type="date" value={b} onChange={(event) => setB(event.target.value)} data-testid="builder-new-date" />
          </label>
        </>
      )}
      {kind === 'lot-block' && (
        <label>
          <span>Lot</span>
          <input value={a} onChange={(event) => setA(event.target.value)} placeholder="L-000101" data-testid="builder-lot" />
        </label>
      )}
      {kind === 'line-stop' && (
        <>
          <label>
            <span>Plant</span>
            <input value={a} onChange={(event) => setA(event.target.value)} placeholder="P1" size={6} data-testid="builder-plant" />
          </label>
          <label>
            <span>Line</span>
            <input value={b} onChange={(event) => setB(event.target.value)} placeholder="L1" size={6} data-testid="builder-line" />
          </label>
          <label>
            <span>From</span>
            <input type="date" value={c} onChange={(event) => setC(event.target.value)} data-testid="builder-from" />
          </label>
          <label>
            <span>Days</span>
            <input type="number" min={1} max={365} value={days} onChange={(event) => setDays(event.target.value)} size={4} data-testid="builder-days" />
          </label>
        </>
      )}
      <button type="button" className="button button--small" onClick={add} data-testid="builder-add-step">
        Add step
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ScenarioBuilder() {
  const draft = useScenariosStore((state) => state.draft);
  const [kind, setKind] = useState<StepKind>('response');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await saveScenario({ name: name.trim(), steps: draft.map((step) => step.step) });
      useScenariosStore.getState().clearDraft();
      setName('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <details className="scenario-builder" data-testid="scenario-builder">
      <summary>New scenario from steps</summary>
      <div className="scenario-builder__body">
        <div className="scenario-builder__kind">
          <label>
            <span>Step</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as StepKind)} data-testid="builder-kind">
              {(Object.keys(stepKindLabels) as StepKind[]).map((option) => (
                <option key={option} value={option}>
                  {stepKindLabels[option]}
                </option>
              ))}
            </select>
          </label>
          <StepFields key={kind} kind={kind} onAdd={(step, label) => (draft.length < maxScenarioSteps ? useScenariosStore.getState().addStep({ step, label }) : setError(`steps: at most ${maxScenarioSteps}`))} />
        </div>
        {draft.length > 0 && (
          <ol className="scenario-builder__steps" data-testid="builder-steps">
            {draft.map((step, at) => (
              <li key={`${at}-${step.label}`}>
                {step.label}{' '}
                <button type="button" className="link-button" onClick={() => useScenariosStore.getState().removeStep(at)} aria-label={`Remove ${step.label}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="scenario-builder__save">
          <label>
            <span>Name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} placeholder="Expedite and move stock from P2" data-testid="builder-name" />
          </label>
          <button type="button" className="button button--small button--primary" disabled={saving || draft.length === 0} title={draft.length === 0 ? 'Add a step first' : undefined} onClick={() => void save()} data-testid="builder-save">
            {saving ? 'Saving…' : 'Save scenario'}
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="builder-error">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
