// Readable words for the contract's identifiers; one place so the grid, the panel and tests agree.
import type { ApprovalKind, ApprovalStatus } from '../../shared/api/approvals';
import type { ConnectorState, ConnectorStatus } from '../../shared/api/connectors';
import type { ExceptionStatus, ExceptionType } from '../../shared/api/impact';
import type { InspectionLotStatus, TaskState } from '../../shared/api/quarantine';
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
  'keep-blocked': 'Keep blocked',
  scrap: 'Scrap',
  'return-to-vendor': 'Return to vendor',
};

/** Short forms for the posting lines of the form, where the long labels would wrap. */
export const decisionShortLabels: Record<DispositionDecision, string> = {
  release: 'Release',
  'use-as-is': 'Use as-is',
  rework: 'Rework',
  'keep-blocked': 'Keep blocked',
  scrap: 'Scrap',
  'return-to-vendor': 'Return to vendor',
};

/** Shortest forms, for the grid's postings summary ("Scrap 100 · RTV 80"). */
export const postingGridLabels: Record<DispositionDecision, string> = {
  release: 'Release',
  'use-as-is': 'Use as-is',
  rework: 'Rework',
  'keep-blocked': 'Blocked',
  scrap: 'Scrap',
  'return-to-vendor': 'RTV',
};

export const taskStateLabels: Record<TaskState, string> = {
  'awaiting-decision': 'awaiting decision',
  'awaiting-approval': 'awaiting approval',
  'pending-upstream': 'pending upstream',
  decided: 'decided',
  conflict: 'conflict',
  withdrawn: 'withdrawn',
};

export const inspectionLotStatusLabels: Record<InspectionLotStatus, string> = {
  created: 'Created',
  released: 'Released',
  'results-recorded': 'Results recorded',
  'usage-decision-made': 'Usage decision made',
};

/** The grid's forms, in QM's own shorthand (UD: usage decision). */
export const inspectionLotStatusShortLabels: Record<InspectionLotStatus, string> = {
  created: 'Created',
  released: 'Released',
  'results-recorded': 'Results in',
  'usage-decision-made': 'UD made',
};

export const valuationLabels: Record<'accept' | 'reject', string> = {
  accept: 'Accept',
  reject: 'Reject',
};

/** How a sentence names a stock type: "L-1 is unrestricted", "L-1 is in quality inspection". */
export const stockTypePhrases: Record<StockType, string> = {
  unrestricted: 'unrestricted',
  'quality-inspection': 'in quality inspection',
  blocked: 'blocked',
  restricted: 'restricted',
  'in-transit': 'in transit',
};

/** What upstream did to a lot, for the conflict's list of changes; an unknown type is shown as it is. */
const lotChangeTypeLabels: Record<string, string> = {
  'lot.consumed': 'Consumed',
  'lot.disposition': 'Usage decision',
  'lot.setStatus': 'Stock type changed',
  'goods.received': 'Goods received',
  'inspection.failed': 'Inspection failed',
  'inspection.passed': 'Inspection passed',
  'production.completed': 'Production completed',
  'cyclecount.variance': 'Cycle count',
};

export function lotChangeTypeLabel(type: string): string {
  return lotChangeTypeLabels[type] ?? type;
}

export const exceptionTypeLabels: Record<ExceptionType, string> = {
  'supplier-delay': 'Supplier delay',
  'lot-block': 'Lot blocked',
  'line-stop': 'Line stopped',
};

/** How a sentence names the disruption of an exception: "no order is later because of this stoppage". */
export const exceptionDisruptionNouns: Record<ExceptionType, string> = {
  'supplier-delay': 'delay',
  'lot-block': 'block',
  'line-stop': 'stoppage',
};

export const exceptionStatusLabels: Record<ExceptionStatus, string> = {
  open: 'open',
  'no-impact': 'no impact',
  'awaiting-approval': 'awaiting approval',
  accepted: 'accepted',
  answered: 'answered',
  resolved: 'resolved',
};

export const approvalKindLabels: Record<ApprovalKind, string> = {
  substitution: 'Substitution',
  'use-as-is': 'Use as-is',
  transfer: 'Transfer',
  adjustment: 'Adjustment',
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
  operator: 'Operator',
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
