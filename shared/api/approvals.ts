// Approvals: what policy says a supervisor must approve before it goes upstream. A request
// travels through the gateway, so a supervisor on any workstation sees it; the requester never
// approves their own request.
import { z } from 'zod';
import { idSchema } from '../domain';
import type { AdjustmentRequest, DeviationRequest, TransferApprovalRequest } from '../approval-payloads';
import type { ProjectedEffect } from './impact';

export type { AdjustmentRequest, DeviationRequest, TransferApprovalRequest };

export const approvalKinds = ['substitution', 'use-as-is', 'transfer', 'adjustment'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];
export const approvalStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];
export const approvalDecisions = ['approve', 'reject'] as const;
export type ApprovalDecision = (typeof approvalDecisions)[number];

/** Production orders that would use an alternate component instead of the one in their BOM. */
export interface SubstitutionRequest {
  productionOrderIds: string[];
  fromItemId: string;
  toItemId: string;
  plant: string;
  reason: string;
}

export interface ApprovalRow {
  id: string;
  kind: ApprovalKind;
  subject: string;
  status: ApprovalStatus;
  requestedBy: string;
  requestedAt: string;
  /** When the decision is due: the SLA counted from the request; null when this workstation keeps no task for it. */
  dueAt: string | null;
  /** When supervisors everywhere were told it is overdue (its SLA passed undecided); null while not. */
  escalatedAt: string | null;
  plant: string;
  /** What is asked: a substitution (kind substitution), a use-as-is under a deviation (kind use-as-is) or a transfer between plants (kind transfer). */
  substitution: SubstitutionRequest | null;
  deviation: DeviationRequest | null;
  transfer: TransferApprovalRequest | null;
  /** A cycle count's adjustment above tolerance (kind adjustment): the count, its book, the difference and its value. */
  adjustment: AdjustmentRequest | null;
  /** The substitution's items; for a use-as-is or a transfer, its item and an empty string. */
  fromItemDescription: string;
  toItemDescription: string;
  /** The exception the request answers, when it came from Order Impact. */
  exceptionId: string | null;
  /** The effect the requester was shown, against the plan before the disruption. */
  projected: ProjectedEffect | null;
  /** The disruption with no response, as the requester saw it: the approval panel shows now → after. */
  baseline: ProjectedEffect | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** A decision made on this workstation that upstream has not confirmed yet. */
  pendingDecision: { decision: ApprovalDecision; by: string; at: string } | null;
  /** Why upstream refused this workstation's decision (e.g. someone else decided first). */
  refusedUpstream: string | null;
  /** Whether the person using this app may decide it now; if not, why not. */
  canDecide: boolean;
  cannotDecideReason: string | null;
}

export const decideApprovalArgsSchema = z
  .object({
    approvalId: idSchema,
    decision: z.enum(approvalDecisions),
    reason: z.string().trim().max(1000).default(''),
  })
  .refine((args) => args.decision === 'approve' || args.reason.length > 0, {
    path: ['reason'],
    message: 'a rejection needs a reason the requester can act on',
  });
export type DecideApprovalArgs = z.input<typeof decideApprovalArgsSchema>;

export const approvalsArgSchemas = {
  'approvals.list': z.object({}),
  'approvals.decide': decideApprovalArgsSchema,
} as const;

export interface ApprovalsApi {
  /** Pending requests first, then the decided ones, newest first. */
  'approvals.list': (args: Record<string, never>) => ApprovalRow[];
  /** Records the decision here and sends it upstream through the outbox. */
  'approvals.decide': (args: DecideApprovalArgs) => { commandId: string };
}
