// Beside the grid: the selected request's substitution facts, its production orders, the projected
// effect the requester was shown, where it stands, and, while it is pending, the decision.
import type { ApprovalRow } from '../../../shared/api/approvals';
import { approvalKindLabels } from '../../format/labels';
import { formatDateTime, formatDue } from '../../format/time';
import { isAwaitingDecision } from '../../state/approvals-slice';
import { ApprovalDecisionForm } from './approval-decision-form';
import { describePendingDecision, formatOrderCount, projectedFacts } from './approval-format';
import { ApprovalStatusPill } from './approval-status-pill';

function Facts({ facts, testId }: { facts: [string, string][]; testId?: string }) {
  return (
    <dl className="approval-facts" data-testid={testId}>
      {facts.map(([term, value]) => (
        <div className="approval-facts__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function UpstreamState({ row }: { row: ApprovalRow }) {
  return (
    <>
      {row.refusedUpstream !== null && (
        <div className="callout callout--danger" role="alert" data-testid="approval-conflict">
          <strong>Upstream refused the decision made here.</strong>
          <p>{row.refusedUpstream}</p>
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
  const { substitution } = row;
  const decided = row.status !== 'pending' && row.decidedBy !== null;
  return (
    <aside className="side-panel approval-panel" data-testid="approval-detail" aria-labelledby="approval-panel-title">
      <header className="side-panel__header approval-panel__header">
        <div>
          <p className="side-panel__eyebrow">{approvalKindLabels[row.kind]} request</p>
          <h2 id="approval-panel-title" title={row.subject}>
            {substitution.fromItemId} → {substitution.toItemId}
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
        <Facts
          testId="approval-substitution"
          facts={[
            ['Replace', `${substitution.fromItemId} — ${row.fromItemDescription}`],
            ['With', `${substitution.toItemId} — ${row.toItemDescription}`],
            ['Plant', substitution.plant],
            ['Reason', substitution.reason],
            ['Requested', `${row.requestedBy}, ${formatDateTime(row.requestedAt)}`],
            ...(row.status === 'pending' && row.dueAt ? ([['Due', `${formatDateTime(row.dueAt)} (${formatDue(row.dueAt, Date.now()).text})`]] as [string, string][]) : []),
            ...(row.exceptionId ? ([['Exception', row.exceptionId]] as [string, string][]) : []),
          ]}
        />
        <section className="approval-panel__section" aria-labelledby="approval-orders-title">
          <h3 id="approval-orders-title">{formatOrderCount(substitution.productionOrderIds.length)}</h3>
          <ul className="approval-orders" data-testid="approval-production-orders">
            {substitution.productionOrderIds.map((orderId) => (
              <li key={orderId}>{orderId}</li>
            ))}
          </ul>
        </section>
        <section className="approval-panel__section" aria-labelledby="approval-projected-title">
          <h3 id="approval-projected-title">Projected effect if approved</h3>
          {row.projected ? (
            <>
              <Facts facts={projectedFacts(row.projected)} testId="approval-projected" />
              <p className="approval-panel__note">Against the plan before the disruption, as the requester was shown it.</p>
            </>
          ) : (
            <p className="approval-panel__note">No projection came with this request.</p>
          )}
        </section>
      </div>
      {isAwaitingDecision(row) && <ApprovalDecisionForm key={row.id} row={row} />}
    </aside>
  );
}
