// Readable words for the contract's identifiers; one place so the grid, the panel and tests agree.
import type { ApprovalKind, ApprovalStatus } from '../../shared/api/approvals';
import type { ConnectorState, ConnectorStatus } from '../../shared/api/connectors';
import type { ExceptionStatus, ExceptionType } from '../../shared/api/impact';
import type { TaskState } from '../../shared/api/quarantine';
import type { DispositionDecision, Role, StockType } from '../../shared/domain';

export const stockTypeLabels: Record<StockType, string> = {
  unrestricted: 'Unrestricted',
  'quality-inspection': 'Quality inspection',
  blocked: 'Blocked',
  restricted: 'Restricted',
  'in-transit': 'In transit',
};

export const decisionLabels: Record<DispositionDecision, string> = {
  release: 'Release to unrestricted',
  'use-as-is': 'Use as-is with deviation',
  rework: 'Rework',
  scrap: 'Scrap',
  'return-to-vendor': 'Return to vendor',
};

/** Short forms for the grid column, where the long labels would be clipped. */
export const decisionShortLabels: Record<DispositionDecision, string> = {
  release: 'Release',
  'use-as-is': 'Use as-is',
  rework: 'Rework',
  scrap: 'Scrap',
  'return-to-vendor': 'Return to vendor',
};

export const taskStateLabels: Record<TaskState, string> = {
  'awaiting-decision': 'awaiting decision',
  'pending-upstream': 'pending upstream',
  accepted: 'accepted',
  conflict: 'conflict',
};

export const exceptionTypeLabels: Record<ExceptionType, string> = {
  'supplier-delay': 'Supplier delay',
};

export const exceptionStatusLabels: Record<ExceptionStatus, string> = {
  open: 'open',
  'no-impact': 'no impact',
  'awaiting-approval': 'awaiting approval',
  accepted: 'accepted',
  resolved: 'resolved',
};

export const approvalKindLabels: Record<ApprovalKind, string> = {
  substitution: 'Substitution',
};

export const approvalStatusLabels: Record<ApprovalStatus, string> = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
};

export const roleLabels: Record<Role, string> = {
  planner: 'Planner',
  'quality-engineer': 'Quality engineer',
  supervisor: 'Supervisor',
};

export const connectorStateLabels: Record<ConnectorState, string> = {
  online: 'online',
  offline: 'offline',
  'catching-up': 'catching up',
};

/** "ERP", "Plant P1"; falls back to the configured id. */
export function connectorLabel(status: Pick<ConnectorStatus, 'id' | 'kind'>): string {
  if (status.kind === 'erp') return status.id === 'erp' ? 'ERP' : `ERP ${status.id}`;
  const plant = status.id.replace(/^plant-/, '');
  return `Plant ${plant}`;
}
