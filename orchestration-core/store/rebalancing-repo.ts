// Rebalancing decisions in SQLite, and the few master-data lookups a proposal row shows. Runs inside
// the caller's transaction.
import type Database from 'better-sqlite3';
import type { RebalancingProposal } from '../../shared/api/rebalancing';

/** awaiting-approval: a supervisor's approval comes first; refused: the gateway refused the request for it. */
export type RebalancingDecisionKind = 'accepted' | 'rejected' | 'awaiting-approval' | 'refused';

export interface RebalancingDecision {
  proposalId: string;
  decision: RebalancingDecisionKind;
  proposal: RebalancingProposal;
  transferId: string | null;
  commandId: string | null;
  approvalId: string | null;
  decidedBy: string;
  decidedAt: string;
  reason: string | null;
  receivedAt: string | null;
}

type DecisionRow = Omit<RebalancingDecision, 'proposal'> & { proposal: string };

const columns = 'proposal_id AS proposalId, decision, proposal, transfer_id AS transferId, command_id AS commandId, approval_id AS approvalId, decided_by AS decidedBy, decided_at AS decidedAt, reason, received_at AS receivedAt';
const fromRow = (row: DecisionRow): RebalancingDecision => ({ ...row, proposal: JSON.parse(row.proposal) as RebalancingProposal });

export function createRebalancingRepo(db: Database.Database) {
  const put = db.prepare(
    `INSERT OR REPLACE INTO rebalancing_decisions (proposal_id, decision, item_id, from_plant, to_plant, quantity, ship_date, arrival_date, unit_cost, proposal, transfer_id, command_id, approval_id, decided_by, decided_at, reason, received_at)
     VALUES (@proposalId, @decision, @itemId, @fromPlant, @toPlant, @quantity, @shipDate, @arrivalDate, @unitCost, @proposal, @transferId, @commandId, @approvalId, @decidedBy, @decidedAt, @reason, NULL)`,
  );
  const byId = db.prepare<[string], DecisionRow>(`SELECT ${columns} FROM rebalancing_decisions WHERE proposal_id = ?`);
  const all = db.prepare<[], DecisionRow>(`SELECT ${columns} FROM rebalancing_decisions ORDER BY proposal_id`);
  const received = db.prepare<[string, string]>('UPDATE rebalancing_decisions SET received_at = ? WHERE transfer_id = ? AND received_at IS NULL');
  // Accepted transfers whose command still waits for the ERP's reply: asked after every commit.
  const sentUnanswered = db
    .prepare<[], number>(
      "SELECT 1 FROM rebalancing_decisions d JOIN outbox o ON o.command_id = d.command_id WHERE d.decision = 'accepted' AND o.status = 'pending' LIMIT 1",
    )
    .pluck();
  const awaiting = db.prepare<[], DecisionRow>(`SELECT ${columns} FROM rebalancing_decisions WHERE decision = 'awaiting-approval' ORDER BY proposal_id`);
  const item = db.prepare<[string], { description: string; unit: string }>('SELECT description, unit FROM items WHERE id = ?');
  const ordersFrom = db.prepare<[string, string, string, string], { quantity: number; value: number }>(
    'SELECT quantity, value FROM customer_orders WHERE item_id = ? AND plant = ? AND ship_date >= ? AND ship_date <= ? ORDER BY ship_date, id',
  );

  return {
    decide(decision: Omit<RebalancingDecision, 'receivedAt'>): void {
      const { proposal } = decision;
      put.run({
        ...decision,
        itemId: proposal.itemId,
        fromPlant: proposal.fromPlant,
        toPlant: proposal.toPlant,
        quantity: proposal.quantity,
        shipDate: proposal.shipDate,
        arrivalDate: proposal.arrivalDate,
        unitCost: proposal.unitCost,
        proposal: JSON.stringify(proposal),
      });
    },
    get: (proposalId: string): RebalancingDecision | undefined => {
      const row = byId.get(proposalId);
      return row && fromRow(row);
    },
    all: (): RebalancingDecision[] => all.all().map(fromRow),
    /** Whether an accepted transfer's command still waits for its reply. */
    anySentUnanswered: (): boolean => sentUnanswered.get() !== undefined,
    /** Transfers above the threshold waiting for their request's reply or a supervisor's decision. */
    awaitingApproval: (): RebalancingDecision[] => awaiting.all().map(fromRow),
    /** The goods receipt of an accepted transfer arrived; true when it completed one of ours. */
    markReceived: (transferId: string, at: string): boolean => received.run(at, transferId).changes > 0,
    item: (itemId: string) => item.get(itemId),
    /** The destination's customer orders of the item from the need date to the horizon's end, earliest first. */
    customerOrdersFrom: (itemId: string, plant: string, fromDate: string, toDate: string) => ordersFrom.all(itemId, plant, fromDate, toDate),
  };
}
export type RebalancingRepo = ReturnType<typeof createRebalancingRepo>;
