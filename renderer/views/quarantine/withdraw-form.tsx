// Withdrawing a decision the ERP refused: the task closes and the lot stays as upstream has it. A
// reason is required, checked with the host's own schema. Laid out like the decision form: the
// scrolling body (the facts handed in as children, then the reason) and a footer with the buttons.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { quarantineArgSchemas, type QuarantineRow } from '../../../shared/api/quarantine';
import { stockTypeLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { withdrawDecision } from '../../state/quarantine-actions';
import { hostErrors, toFieldErrors, type FieldErrors } from './disposition-fields';
import { ReasonField } from '../../forms/reason-field';

interface WithdrawFormProps {
  row: QuarantineRow;
  children: ReactNode;
  onCancel(): void;
  onDone(): void;
}

export function WithdrawForm({ row, children, onCancel, onDone }: WithdrawFormProps) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const id = useId();
  const formId = `${id}-withdraw`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = quarantineArgSchemas['quarantine.withdraw'].safeParse({ taskId: row.taskId, reason });
    if (!parsed.success) {
      const problems: Record<string, string> = {};
      for (const issue of parsed.error.issues) problems[issue.path.map(String).join('.') || '(message)'] ??= issue.message;
      setErrors(toFieldErrors(problems));
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await withdrawDecision(row.lotId, parsed.data);
      onDone();
    } catch (error) {
      setErrors(hostErrors(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <>
      <div className="side-panel__body">
        {children}
        <form id={formId} className="disposition-form" onSubmit={onSubmit} noValidate aria-label={`Withdraw the decision on lot ${row.lotId}`}>
          <p className="panel-note">
            Withdrawing closes the task without a usage decision: the lot stays as the ERP has it now ({formatQuantity(row.quantity, row.unit)},{' '}
            {stockTypeLabels[row.stockType].toLowerCase()}), and the refused decision is not sent again.
          </p>
          <ReasonField
            id={id}
            label="Why withdraw"
            requirement="(required)"
            required
            value={reason}
            onChange={setReason}
            error={errors.reason}
            disabled={submitting}
            autoFocus
            testId="withdraw-reason"
            placeholder="e.g. the consumed quantity is gone; the rest is decided in a new inspection"
          />
          {errors.form && (
            <p className="form-error" role="alert" data-testid="withdraw-error">
              {errors.form}
            </p>
          )}
        </form>
      </div>
      <footer className="side-panel__footer side-panel__actions">
        <button type="button" className="button" onClick={onCancel} disabled={submitting}>
          Back
        </button>
        <button type="submit" form={formId} className="button button--danger-solid" disabled={submitting} data-testid="withdraw-submit">
          {submitting ? 'Withdrawing…' : 'Withdraw decision'}
        </button>
      </footer>
    </>
  );
}
