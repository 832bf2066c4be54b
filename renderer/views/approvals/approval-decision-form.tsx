// The supervisor's decision on a pending request: a reason (required to reject) and Approve / Reject.
// Checked with the host's own zod schema first, so the host's answer names the same fields. When this
// user may not decide (their own request, not a supervisor), the buttons are disabled and say why.
import { useId, useState } from 'react';
import { decideApprovalArgsSchema, type ApprovalDecision, type ApprovalRow } from '../../../shared/api/approvals';
import { ApiCallError } from '../../api/api-call-error';
import { decideApproval } from '../../state/approval-actions';
import { ReasonField } from '../../forms/reason-field';
import { sentence } from '../../format/sentence';

interface DecisionErrors {
  reason?: string;
  form?: string;
}

/** The first problem of each field; anything that is not the reason belongs to the form. */
function toDecisionErrors(problems: Record<string, string>): DecisionErrors {
  const errors: DecisionErrors = {};
  for (const [path, problem] of Object.entries(problems)) {
    if (path === 'reason') errors.reason ??= sentence(problem);
    else errors.form ??= sentence(path === '(message)' ? problem : `${path}: ${problem}`);
  }
  return errors;
}

export function ApprovalDecisionForm({ row }: { row: ApprovalRow }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<DecisionErrors>({});
  const [deciding, setDeciding] = useState<ApprovalDecision | null>(null);
  const id = useId();
  const blocked = !row.canDecide;
  const disabled = blocked || deciding !== null;

  async function decide(decision: ApprovalDecision) {
    const parsed = decideApprovalArgsSchema.safeParse({ approvalId: row.id, decision, reason });
    if (!parsed.success) {
      const problems: Record<string, string> = {};
      for (const issue of parsed.error.issues) problems[issue.path.map(String).join('.') || '(message)'] ??= issue.message;
      setErrors(toDecisionErrors(problems));
      return;
    }
    setErrors({});
    setDeciding(decision);
    try {
      await decideApproval(parsed.data);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'invalid-args') setErrors(toDecisionErrors(error.fieldErrors()));
      else setErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setDeciding(null);
    }
  }

  return (
    <footer className="approval-panel__footer" aria-label="Decision">
      {blocked && (
        <p className="approval-cannot-decide" role="note" data-testid="approval-cannot-decide">
          {row.cannotDecideReason ?? 'You cannot decide this request.'}
        </p>
      )}
      {/* Someone who may not decide has nothing to write; the reason above says who can. */}
      {!blocked && (
        <ReasonField
          id={id}
          label="Reason"
          requirement="(required to reject)"
          required={false}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          disabled={disabled}
          testId="approval-reason"
          placeholder="Why; the requester reads it"
        />
      )}
      {errors.form && (
        <p className="form-error" role="alert" data-testid="approval-error">
          {errors.form}
        </p>
      )}
      <div className="approval-panel__actions">
        <button type="button" className="button button--danger" onClick={() => void decide('reject')} disabled={disabled} data-testid="reject-button">
          {deciding === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
        <button type="button" className="button button--primary" onClick={() => void decide('approve')} disabled={disabled} data-testid="approve-button">
          {deciding === 'approve' ? 'Approving…' : 'Approve'}
        </button>
      </div>
    </footer>
  );
}
