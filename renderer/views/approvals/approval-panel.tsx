// Beside the grid: the selected request, where it stands, what it asks (a substitution or a use-as-is),
// and, while it is pending, the decision.
import type { ApprovalRow } from '../../../shared/api/approvals';
import { authorityRefusalOf } from '../../../shared/auth/authority-refusal';
import { approvalKindLabels } from '../../format/labels';
import { formatDateTime, withLocalTimes } from '../../format/time';
import { TextWithWholeIds } from '../../grid/two-line-cell';
import { isAwaitingDecision } from '../../state/approvals-slice';
import { ApprovalDecisionForm } from './approval-decision-form';
import { Facts } from './approval-facts';
import { approvalHeading, describePendingDecision } from './approval-format';
import { AdjustmentDetails, DeviationDetails, SubstitutionDetails, TransferDetails } from './approval-request-details';
import { ApprovalStatusPill } from './approval-status-pill';

const refusalHeadlines = {
  'sign-in': 'The gateway did not accept the sign-in that carried the decision made here.',
  role: 'The gateway does not give the one who decided here a supervisor’s role where this request is.',
} as const;

const refusalAdvice = {
  'sign-in': 'Nothing was approved or rejected: the request still waits. Ask your administrator about the account, or sign out and let a supervisor who may decide it sign in.',
  role: 'Nothing was approved or rejected: the request still waits. Ask your administrator for the role at the plant it is for, or let a supervisor there decide it.',
} as const;

function UpstreamState({ row }: { row: ApprovalRow }) {
  const authority = row.refusedUpstream === null ? null : authorityRefusalOf(row.refusedUpstream);
  return (
    <>
      {row.refusedUpstream !== null && (
        <div className="callout callout--danger" role="alert" data-testid="approval-conflict">
          <strong>{authority ? refusalHeadlines[authority] : 'Upstream refused the decision made here.'}</strong>
          <p>{withLocalTimes(row.refusedUpstream)}</p>
          {authority && <p data-testid="approval-authority-refusal">{refusalAdvice[authority]}</p>}
        </div>
      )}
      {row.pendingDecision !== null && (
        <div className="approval-sent" role="status" data-testid="approval-pending-decision">
          <strong>{describePendingDecision(row.pendingDecision)}</strong>
          <p>
            Decided by {row.pendingDecision.by}, {formatDateTime(row.pendingDecision.at)}. Offline, it is sent when the connection returns.
          </p>
        </div>
      )}
    </>
  );
}

export function ApprovalPanel({ row, onClose }: { row: ApprovalRow; onClose: () => void }) {
  const decided = row.status !== 'pending' && row.decidedBy !== null;
  return (
    <aside className="side-panel approval-panel" data-testid="approval-detail" aria-labelledby="approval-panel-title">
      <header className="side-panel__header approval-panel__header">
        <div>
          <p className="side-panel__eyebrow">
            {approvalKindLabels[row.kind]} request <span data-testid="approval-id">{row.id}</span>
          </p>
          <h2 id="approval-panel-title" title={row.subject}>
            <TextWithWholeIds text={approvalHeading(row)} />
          </h2>
        </div>
        <ApprovalStatusPill row={row} />
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the approval detail" data-testid="approval-detail-close">
          ×
        </button>
      </header>
      <div className="approval-panel__body">
        <UpstreamState row={row} />
        {decided && (
          <section className={`approval-panel__decision approval-panel__decision--${row.status}`} aria-labelledby="approval-decision-title" data-testid="approval-decision">
            <h3 id="approval-decision-title">{row.status === 'approved' ? 'Approved' : 'Rejected'}</h3>
            <Facts
              facts={[
                ['By', `${row.decidedBy ?? ''}${row.decidedAt ? `, ${formatDateTime(row.decidedAt)}` : ''}`],
                ...(row.decisionReason ? ([['Reason', row.decisionReason]] as [string, string][]) : []),
              ]}
            />
          </section>
        )}
        <p className="approval-panel__subject">{row.subject}</p>
        {row.substitution && <SubstitutionDetails row={row} substitution={row.substitution} />}
        {row.deviation && <DeviationDetails row={row} deviation={row.deviation} />}
        {row.transfer && <TransferDetails row={row} transfer={row.transfer} />}
        {row.adjustment && <AdjustmentDetails row={row} adjustment={row.adjustment} />}
      </div>
      {isAwaitingDecision(row) && <ApprovalDecisionForm key={row.id} row={row} />}
    </aside>
  );
}
