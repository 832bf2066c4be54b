// The usage decision form of the disposition panel: containment (which lots made from this one to block
// too), the postings with their balance, what they amount to, the deviation for use-as-is and the
// reason. Submit stays disabled, saying why, until the postings add up to the lot. Errors, from the
// local check or from the host, are shown beside the field they concern. It fills the panel below its
// header: the scrolling body (the facts handed in as children, then the fields) and a footer that
// keeps the submit button in reach.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { unitDecimals } from '../../format/numbers';
import { submitDisposition } from '../../state/quarantine-actions';
import { useSessionStore } from '../../state/session-slice';
import { defaultDeviationNumberPattern, deviationNumberPlaceholder } from '../../../shared/usage-decision';
import { selectSelectedContainment, useQuarantineStore } from '../../state/quarantine-slice';
import { chosenContainmentLotIds, type ContainmentTicks } from './containment-choice';
import { ContainmentSection } from './containment-section';
import { deviationNumberProblem, hostErrors, validateDisposition, type FieldErrors } from './disposition-fields';
import { describeUnposted, draftFrom, emptyDraft, fitPostings, postingBalance, readDraft, submitBlockedReason, type PostingDraft } from './posting-draft';
import { UsageDecisionPreview } from './usage-decision-preview';
import { UsagePostingsFieldset } from './usage-postings-fieldset';
import { ReasonField } from '../../forms/reason-field';
import { forgetUnsentDecision, keepUnsentDecision, unsentDecision } from '../../state/unsent-decisions';

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

/** Deciding again after a conflict starts from the refused decision, fitted to what the lot holds now. */
function initialDraft(row: QuarantineRow): PostingDraft {
  return row.taskState === 'conflict' && row.postings ? draftFrom(fitPostings(row.postings, row.quantity)) : emptyDraft;
}

export function DispositionForm({ row, children, onDone }: { row: QuarantineRow; children: ReactNode; onDone(): void }) {
  const redeciding = row.taskState === 'conflict';
  // Null until the engineer changes a posting: meanwhile the prefill follows the row, so a consumption
  // heard after the refusal fits the refused decision to the quantity left.
  // What was typed for this lot before another was selected comes back as it was left.
  const [kept] = useState(() => unsentDecision(row.taskId));
  const [editedDraft, setDraft] = useState<PostingDraft | null>(kept?.draft ?? null);
  const draft = editedDraft ?? initialDraft(row);
  const [reason, setReason] = useState(() => kept?.reason ?? (redeciding ? (row.decisionReason ?? '') : ''));
  const [deviationNumber, setDeviationNumber] = useState(() => kept?.deviationNumber ?? (redeciding ? (row.deviationNumber ?? '') : ''));
  useEffect(() => keepUnsentDecision(row.taskId, { draft: editedDraft, reason, deviationNumber }), [row.taskId, editedDraft, reason, deviationNumber]);
  const [ticks, setTicks] = useState<ContainmentTicks>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const containment = useQuarantineStore(selectSelectedContainment);
  const deviationNumberPattern = useSessionStore((state) => state.session?.deviationNumberPattern) ?? defaultDeviationNumberPattern;
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const lot = { lotId: row.lotId, quantity: row.quantity, unit: row.unit, decimals: unitDecimals(row.unit) };
  const reading = readDraft(draft, lot);
  const balance = postingBalance(reading.postings, row);
  const blockedReason = submitBlockedReason(reading, balance);
  const usesAsIs = reading.postings.some((posting) => posting.decision === 'use-as-is');
  const containmentLotIds = chosenContainmentLotIds(containment?.report ?? null, ticks);
  const ids = { reason: `${id}-reason-error`, deviation: `${id}-deviation-error`, blocked: `${id}-submit-blocked` };

  /** Takes the engineer to the first field that needs attention (and a screen reader with them). */
  function showErrors(next: FieldErrors) {
    setErrors(next);
    // After React has rendered the error states, which the selector looks for.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function changeDraft(next: PostingDraft) {
    setDraft(next);
    // A quantity changed: the postings' error may be gone; the deviation number's stands until it is fixed.
    setErrors(({ postings: _cleared, ...rest }) => rest);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blockedReason !== null) return;
    const checked = validateDisposition({ taskId: row.taskId, lot, postings: reading.postings, reason, deviationNumber, containmentLotIds, deviationNumberPattern });
    if ('errors' in checked) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await submitDisposition(row.lotId, checked.args);
      forgetUnsentDecision(row.taskId);
      onDone();
    } catch (error) {
      showErrors(hostErrors(error));
    } finally {
      setSubmitting(false);
    }
  }

  const formId = `${id}-form`;
  return (
    <>
      <div className="side-panel__body">
        {children}
        <ContainmentSection
          row={row}
          containment={containment}
          choice={{ ticks, onTick: (lotId, block) => setTicks((current) => ({ ...current, [lotId]: block })), disabled: submitting }}
        />
        <form id={formId} ref={formRef} className="disposition-form" onSubmit={onSubmit} noValidate aria-label={`Usage decision for lot ${row.lotId}`}>
          <UsagePostingsFieldset
            idPrefix={id}
            lot={lot}
            draft={draft}
            onDraftChange={changeDraft}
            reading={reading}
            balance={balance}
            disabled={submitting}
            returnToVendorBlocked={row.supplierId === null ? 'No supplier on record for this lot' : null}
            error={errors.postings}
          />
          <UsageDecisionPreview lotId={row.lotId} postings={reading.postings} unit={row.unit} unposted={describeUnposted(balance)} />

          {usesAsIs && (
            <div className="form-field">
              <label htmlFor={`${id}-deviation`}>
                Deviation number <span className="required-mark">(required for use-as-is)</span>
              </label>
              <input
                id={`${id}-deviation`}
                type="text"
                value={deviationNumber}
                onChange={(event) => setDeviationNumber(event.target.value)}
                // Said when the engineer leaves the field, not only after Submit.
                onBlur={() => {
                  const problem = deviationNumberProblem(deviationNumber, deviationNumberPattern);
                  setErrors(({ deviationNumber: _previous, ...rest }) => (problem ? { ...rest, deviationNumber: problem } : rest));
                }}
                maxLength={80}
                autoComplete="off"
                required
                aria-required="true"
                aria-invalid={errors.deviationNumber ? true : undefined}
                aria-describedby={errors.deviationNumber ? ids.deviation : undefined}
                disabled={submitting}
                data-testid="disposition-deviation"
                placeholder={deviationNumberPlaceholder(deviationNumberPattern)}
              />
              <FieldError id={ids.deviation} message={errors.deviationNumber} />
            </div>
          )}

          <ReasonField
            id={id}
            label="Reason"
            requirement="(required)"
            required
            value={reason}
            onChange={setReason}
            error={errors.reason}
            disabled={submitting}
            testId="disposition-reason"
            placeholder="What you found and why this decision"
          />

        </form>
      </div>
      <footer className="side-panel__footer">
        {/* Beside the button, not at the foot of a long form: what refused the decision is read where it was submitted. */}
        {errors.form && (
          <p className="form-error" role="alert" data-testid="disposition-error">
            {errors.form}
          </p>
        )}
        {blockedReason !== null && (
          <p className="submit-blocked" id={ids.blocked} data-testid="submit-blocked-reason">
            {blockedReason}
          </p>
        )}
        <button
          type="submit"
          form={formId}
          className="button button--primary"
          disabled={submitting || blockedReason !== null}
          aria-describedby={blockedReason !== null ? ids.blocked : undefined}
          data-testid="disposition-submit"
        >
          {submitting ? 'Submitting…' : redeciding ? 'Submit the new decision' : 'Submit decision'}
        </button>
      </footer>
    </>
  );
}
