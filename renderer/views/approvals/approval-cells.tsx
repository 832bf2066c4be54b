// Cell renderers of the approvals grid: the status pill, and the two-line cells (what is asked over
// its detail, a person over the time).
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { ApprovalRow } from '../../../shared/api/approvals';
import { formatDateTime, formatDue } from '../../format/time';
import { TwoLineCell } from '../../grid/two-line-cell';
import { requestSourceLines, requestTermsLines, subjectDetail } from './approval-format';
import { ApprovalStatusPill } from './approval-status-pill';

export function ApprovalStatusCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  return data ? <ApprovalStatusPill row={data} /> : null;
}

/** The kind has a column of its own; beneath the subject, the plant and the requester's reason. */
export function SubjectCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  return data ? <TwoLineCell primary={data.subject} secondary={subjectDetail(data)} /> : null;
}

export function RequestSourceCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data) return null;
  const lines = requestSourceLines(data);
  return <TwoLineCell primary={lines.primary} secondary={lines.secondary} />;
}

export function RequestTermsCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data) return null;
  const lines = requestTermsLines(data);
  return <TwoLineCell primary={lines.primary} secondary={lines.secondary} />;
}

export function RequestedCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  return data ? <TwoLineCell primary={data.requestedBy} secondary={formatDateTime(data.requestedAt)} /> : null;
}

/** Only a request still waiting for a decision is due; an overdue one is red. */
export function DueCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data || data.status !== 'pending' || data.dueAt === null) return <span className="cell-muted">—</span>;
  const due = formatDue(data.dueAt, Date.now());
  return (
    <span className={due.overdue ? 'text-danger' : undefined} title={formatDateTime(data.dueAt)} data-testid={due.overdue ? 'approval-overdue' : undefined}>
      {due.text}
    </span>
  );
}

export function DecidedCell({ data }: CustomCellRendererProps<ApprovalRow>) {
  if (!data) return null;
  if (data.decidedBy === null) return <span className="cell-muted">—</span>;
  return <TwoLineCell primary={data.decidedBy} secondary={data.decidedAt ? formatDateTime(data.decidedAt) : ''} />;
}
