// A proposal's status in a word ("Sent" while the ERP has not confirmed the transfer yet), and the order
// the grid lists them in.
import type { Role } from '../../../shared/domain';
import type { ProposalStatus, RebalancingProposal } from '../../../shared/api/rebalancing';
import { roleWithArticle } from '../../../shared/api/roles';

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  proposed: 'Proposed',
  'awaiting-approval': 'Awaiting approval',
  accepted: 'Sent',
  'in-transit': 'In transit',
  received: 'Received',
  rejected: 'Rejected',
};

/**
 * What the planner accepted and still follows first (waiting for a supervisor, sent, on its way), then
 * the open proposals to decide on, then what is done with (received, rejected).
 */
export const proposalStatusRank: Record<ProposalStatus, number> = {
  'awaiting-approval': 0,
  accepted: 1,
  'in-transit': 2,
  proposed: 3,
  received: 4,
  rejected: 5,
};

/** By status as above; within one, the most revenue protected first, then by id so the order is stable. */
export function compareProposals(a: Pick<RebalancingProposal, 'status' | 'revenueProtected' | 'id'> | undefined, b: Pick<RebalancingProposal, 'status' | 'revenueProtected' | 'id'> | undefined): number {
  if (!a || !b) return 0;
  return proposalStatusRank[a.status] - proposalStatusRank[b.status] || b.revenueProtected - a.revenueProtected || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Planners (and supervisors) decide proposals: anyone else sees why they cannot, or null when they may. */
export function cannotRebalanceReason(role: Role | null): string | null {
  if (role === null) return 'Signing in…';
  return role === 'planner' || role === 'supervisor' ? null : `Only a planner or a supervisor accepts or rejects transfers; you are signed in as ${roleWithArticle(role)}.`;
}

/** Who decided it, under the status: "by pl.rosa" (accepted, asked for approval, or rejected); null while open. */
export function decidedText(proposal: Pick<RebalancingProposal, 'status' | 'decidedBy'>): string | null {
  if (proposal.status === 'proposed' || !proposal.decidedBy) return null;
  return `by ${proposal.decidedBy}`;
}
