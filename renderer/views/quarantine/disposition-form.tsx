// The decision form of the disposition panel: decision, reason, deviation number for use-as-is.
// Errors, from the local check or from the host, are shown beside the field they concern. It fills the
// panel below its header: the scrolling body (the lot facts handed in as children, then the fields)
// and a footer that keeps the submit button in reach.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { dispositionDecisions, type DispositionDecision } from '../../../shared/domain';
import { ApiCallError } from '../../api/api-call-error';
import { decisionLabels, decisionShortLabels } from '../../format/labels';
import { submitDisposition } from '../../state/quarantine-actions';
import { toFieldErrors, validateDisposition, type FieldErrors } from './disposition-fields';

/** Shown under the choices for the chosen one: the buttons carry the short labels to fit two columns. */
const decisionMeanings: Record<DispositionDecision, string> = {
  release: 'the lot is fit for use and moves to unrestricted stock.',
  'use-as-is': 'the lot is used despite the defect under a deviation; a supervisor must approve.',
  rework: 'the lot goes to rework before it can be used.',
  scrap: 'the lot is written off and scrapped.',
  'return-to-vendor': 'the lot goes back to the supplier.',
};

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

export function DispositionForm({ row, children }: { row: QuarantineRow; children: ReactNode }) {
  const [decision, setDecision] = useState<DispositionDecision | null>(null);
  const [reason, setReason] = useState('');
  const [deviationNumber, setDeviationNumber] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const id = useId();
  const ids = { meaning: `${id}-decision-meaning`, decision: `${id}-decision-error`, reason: `${id}-reason-error`, deviation: `${id}-deviation-error` };
  const canReturnToVendor = row.supplierId !== null;
  const formRef = useRef<HTMLFormElement>(null);

  /** Takes the engineer to the first field that needs attention (and a screen reader with them). */
  function showErrors(next: FieldErrors) {
    setErrors(next);
    // After React has rendered the error states, which the selectors below look for.
    requestAnimationFrame(() => {
      const form = formRef.current;
      const selector = next.decision ? '.decision-choice input:not(:disabled)' : '[aria-invalid="true"]';
      form?.querySelector<HTMLElement>(selector)?.focus();
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateDisposition({ taskId: row.taskId, decision, reason, deviationNumber });
    if ('errors' in checked) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await submitDisposition(row.lotId, checked.args);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'invalid-args') showErrors(toFieldErrors(error.fieldErrors()));
      else showErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setSubmitting(false);
    }
  }

  const formId = `${id}-form`;
  return (
    <>
      <div className="disposition-panel__body">
        {children}
        <form id={formId} ref={formRef} className="disposition-form" onSubmit={onSubmit} noValidate aria-label={`Decision for lot ${row.lotId}`}>
          <fieldset className="decision-choices" aria-describedby={errors.decision ? ids.decision : decision ? ids.meaning : undefined}>
            <legend>Decision</legend>
            {dispositionDecisions.map((choice) => {
              const disabled = submitting || (choice === 'return-to-vendor' && !canReturnToVendor);
              return (
                <label
                  key={choice}
                  className={`decision-choice${decision === choice ? ' decision-choice--chosen' : ''}${disabled ? ' decision-choice--disabled' : ''}`}
                  title={choice === 'return-to-vendor' && !canReturnToVendor ? 'No supplier on record for this lot' : decisionMeanings[choice]}
                  data-testid={`decision-${choice}`}
                >
                  <input
                    type="radio"
                    name={`${id}-decision`}
                    value={choice}
                    checked={decision === choice}
                    disabled={disabled}
                    aria-label={decisionLabels[choice]}
                    onChange={() => {
                      setDecision(choice);
                      setErrors(({ decision: _cleared, deviationNumber: _alsoCleared, ...rest }) => rest);
                    }}
                  />
                  {decisionShortLabels[choice]}
                </label>
              );
            })}
          </fieldset>
          {decision && (
            <p className="decision-meaning" id={ids.meaning} data-testid="decision-meaning">
              <strong>{decisionLabels[decision]}:</strong> {decisionMeanings[decision]}
            </p>
          )}
          <FieldError id={ids.decision} message={errors.decision} />

          {decision === 'use-as-is' && (
            <div className="form-field">
              <label htmlFor={`${id}-deviation`}>
                Deviation number <span className="required-mark">(required)</span>
              </label>
              <input
                id={`${id}-deviation`}
                type="text"
                value={deviationNumber}
                onChange={(event) => setDeviationNumber(event.target.value)}
                maxLength={80}
                autoComplete="off"
                required
                aria-required="true"
                aria-invalid={errors.deviationNumber ? true : undefined}
                aria-describedby={errors.deviationNumber ? ids.deviation : undefined}
                disabled={submitting}
                data-testid="disposition-deviation"
                placeholder="e.g. DEV-2025-0142"
              />
              <FieldError id={ids.deviation} message={errors.deviationNumber} />
            </div>
          )}

          <div className="form-field">
            <label htmlFor={`${id}-reason`}>
              Reason <span className="required-mark">(required)</span>
            </label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              rows={4}
              maxLength={1000}
              required
              aria-required="true"
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? ids.reason : undefined}
              disabled={submitting}
              data-testid="disposition-reason"
              placeholder="What you found and why this decision"
            />
            <FieldError id={ids.reason} message={errors.reason} />
          </div>

          {errors.form && (
            <p className="form-error" role="alert" data-testid="disposition-error">
              {errors.form}
            </p>
          )}

        </form>
      </div>
      <footer className="disposition-panel__footer">
        <button type="submit" form={formId} className="button button--primary" disabled={submitting} data-testid="disposition-submit">
          {submitting ? 'Submitting…' : 'Submit decision'}
        </button>
      </footer>
    </>
  );
}
