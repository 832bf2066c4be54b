// Rebalancing: transfers between plants that move an item's surplus to where it is short, as the
// optimizer proposes them. A planner accepts (a stock transport order goes upstream) or rejects them.
import { z } from 'zod';
import { idSchema } from '../domain';

export const proposalStatuses = ['proposed', 'awaiting-approval', 'accepted', 'in-transit', 'received', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export interface RebalancingProposal {
  /** `RB-<item>-<from>-<to>`: the same lane for the same item is the same proposal on every workstation. */
  id: string;
  itemId: string;
  itemDescription: string;
  fromPlant: string;
  toPlant: string;
  quantity: number;
  unit: string;
  shipDate: string;
  arrivalDate: string;
  /** Lane cost per unit plus the lateness penalty for arriving after the need date. */
  unitCost: number;
  cost: number;
  /** Units of the destination's shortage (below safety stock) this transfer covers. */
  shortageCovered: number;
  /** Value of the destination's customer orders from the need date on that the covered units fill (pro rata). */
  revenueProtected: number;
  /** When the destination first drops below safety stock. */
  needDate: string | null;
  status: ProposalStatus;
  transferId: string | null;
  commandId: string | null;
  /** The supervisor's approval a transfer above the value threshold waits for (awaiting-approval), or was sent under. */
  approvalId: string | null;
  decidedBy: string | null;
  /** Why it was rejected (by the planner, the supervisor, or upstream), or why a request for approval was refused. */
  reason: string | null;
}

/** Whether proposals are computed here, and how far. */
export interface RebalancingStatus {
  state: 'unavailable' | 'waiting-for-plan' | 'computing' | 'ready' | 'failed';
  message: string;
  /** When the proposals shown were computed. */
  computedAt: string | null;
}

export interface RebalancingSnapshot {
  status: RebalancingStatus;
  proposals: RebalancingProposal[];
}

const proposalIdsSchema = z.array(idSchema).min(1, 'proposalIds: pick at least one proposal').max(1000);

export const acceptProposalsArgsSchema = z.object({ proposalIds: proposalIdsSchema });
export const rejectProposalsArgsSchema = z.object({
  proposalIds: proposalIdsSchema,
  reason: z.string().trim().min(1, 'reason: a rejection needs a reason').max(500),
});
export type AcceptProposalsArgs = z.input<typeof acceptProposalsArgsSchema>;
export type RejectProposalsArgs = z.input<typeof rejectProposalsArgsSchema>;

export const rebalancingArgSchemas = {
  'rebalancing.proposals': z.object({}),
  'rebalancing.accept': acceptProposalsArgsSchema,
  'rebalancing.reject': rejectProposalsArgsSchema,
} as const;

export interface RebalancingApi {
  /** The current proposals and those decided, with the computation's status. */
  'rebalancing.proposals': (args: Record<string, never>) => RebalancingSnapshot;
  /** Queues one transfer.request per proposal (above the value threshold, an approval.request first); accepting an accepted proposal again returns its command (idempotent). */
  'rebalancing.accept': (args: AcceptProposalsArgs) => { commandIds: string[] };
  'rebalancing.reject': (args: RejectProposalsArgs) => { rejected: number };
}
