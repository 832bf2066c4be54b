import type { ApprovalRow } from '../../../shared/api/approvals';
import { approvalStatusLabels } from '../../format/labels';
import { approvalStateNote, describeApprovalState } from './approval-format';

/** The request's status as a coloured pill, with a decision on its way, a conflict or an escalation noted beside it. */
export function ApprovalStatusPill({ row }: { row: Pick<ApprovalRow, 'status' | 'pendingDecision' | 'refusedUpstream'> & { escalatedAt?: string | null } }) {
  const note = approvalStateNote(row);
  const escalated = note?.text === 'escalated';
  return (
    <span className="approval-status" title={row.refusedUpstream ? `Refused upstream: ${row.refusedUpstream}` : describeApprovalState(row)}>
      <span className={`pill approval-pill--${row.status}`} data-testid={`approval-status-${row.status}`}>
        {approvalStatusLabels[row.status]}
      </span>
      {note && (
        <span className={`approval-status__note approval-status__note--${note.tone}`} data-testid={escalated ? 'approval-status-escalated' : undefined}>
          {note.text}
        </span>
      )}
    </span>
  );
}
