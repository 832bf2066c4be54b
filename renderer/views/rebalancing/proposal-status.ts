// A proposal's status in a word: "Sent" while the ERP has not confirmed the transfer yet.
import type { ProposalStatus } from '../../../shared/api/rebalancing';

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  proposed: 'Proposed',
  'awaiting-approval': 'Awaiting approval',
  accepted: 'Sent',
  'in-transit': 'In transit',
  received: 'Received',
  rejected: 'Rejected',
};
