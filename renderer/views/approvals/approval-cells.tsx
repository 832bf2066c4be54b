// Cell renderers of the approvals grid: the status pill, and the two-line cells (what is asked over
// its detail, a person over the time), which wrap rather than cut an id.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { ApprovalRow } from '../../../shared/api/approvals';
import { approvalKindLabels } from '../../format/labels';
import { formatDateTime, formatDue } from '../../format/time';
import { TwoLineCell } from '../../grid/two-line-cell';
import { requestSourceLines, requestTermsLines, subjectDetail } from './approval-format';
import { ApprovalStatusPill } from './approval-status-pill';

export function ApprovalStatusCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  return data ? <ApprovalStatusPill row={data} /> : null;
}

/** The kind of request; beneath it, the plant and the requester's reason. The sentence is the tooltip. */
export function RequestKindCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  return data ? <TwoLineCell primary={approvalKindLabels[data.kind]} secondary={subjectDetail(data)} title={data.subject} wrap /> : null;
}

export function RequestSourceCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data) return null;
  const lines = requestSourceLines(data);
  return <TwoLineCell primary={lines.primary} secondary={lines.secondary} title={lines.text} wrap />;
}

export function RequestTermsCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data) return null;
  const lines = requestTermsLines(data);
  return <TwoLineCell primary={lines.primary} secondary={lines.secondary} title={lines.text} wrap />;
}

export function RequestedCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  return data ? <TwoLineCell primary={data.requestedBy} secondary={formatDateTime(data.requestedAt)} wrap /> : null;
}

/** Only a request still waiting for a decision is due; an overdue one is red (an escalated one says so in its status). */
export function DueCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data || data.status !== 'pending' || data.dueAt === null) return <span className="cell-muted">—</span>;
  const due = formatDue(data.dueAt, Date.now());
  // In the narrow column "due in" goes above the time left rather than "min" on a line of its own.
  const [, lead = '', span = due.text] = /^(due in|overdue) (.+)$/.exec(due.text) ?? [];
  return (
    <span className={`approval-due${due.overdue ? ' text-danger' : ''}`} title={formatDateTime(data.dueAt)} data-testid={due.overdue ? 'approval-overdue' : undefined}>
      {lead && `${lead} `}
      <span className="whole-id">{span}</span>
    </span>
  );
}

export function DecidedCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data) return null;
  if (data.decidedBy === null) return <span className="cell-muted">—</span>;
  return <TwoLineCell primary={data.decidedBy} secondary={data.decidedAt ? formatDateTime(data.decidedAt) : ''} wrap />;
}
