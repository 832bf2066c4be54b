// Usage decisions as the quality engineer made them, each tied to the command that carries it upstream.
import type Database from 'better-sqlite3';
import type { UsagePosting, UsageValuation } from '../../shared/usage-decision';

export type DecisionStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn';

export interface Decision {
  id: number;
  taskId: string;
  lotId: string;
  postings: UsagePosting[];
  valuation: UsageValuation;
  code: string;
  /** The lot's quantity, all of which the postings cover. */
  quantity: number;
  reason: string;
  deviationNumber: string | null;
  /** Lots made from this one that the decision also blocked. */
  containment: string[];
  decidedBy: string;
  decidedAt: string;
  commandId: string;
  basedOnVersion: number;
  basedOnQuantity: number;
  /** The supervisor's approval a use-as-is waits for (or was sent with). */
  approvalId: string | null;
  status: DecisionStatus;
  replyReason: string | null;
}

type DecisionRow = Omit<Decision, 'postings' | 'containment'> & { postings: string; containment: string };

const decisionColumns = `id, task_id AS taskId, lot_id AS lotId, postings, valuation, code, quantity, reason,
  deviation_number AS deviationNumber, containment, decided_by AS decidedBy, decided_at AS decidedAt,
  command_id AS commandId, based_on_version AS basedOnVersion, based_on_quantity AS basedOnQuantity, approval_id AS approvalId, status, reply_reason AS replyReason`;

const fromRow = (row: DecisionRow): Decision => ({ ...row, postings: JSON.parse(row.postings) as UsagePosting[], containment: JSON.parse(row.containment) as string[] });

export function createDecisionsRepo(db: Database.Database) {
  // `decision` keeps the largest posting, for readers that know one destination per lot (the audit export).
  const insert = db.prepare(
    `INSERT INTO decisions (task_id, lot_id, decision, postings, valuation, code, quantity, reason, deviation_number, containment,
       decided_by, decided_at, command_id, based_on_version, based_on_quantity, approval_id, status)
     VALUES (@taskId, @lotId, @decision, @postings, @valuation, @code, @quantity, @reason, @deviationNumber, @containment,
       @decidedBy, @decidedAt, @commandId, @basedOnVersion, @basedOnQuantity, @approvalId, 'pending')`,
  );
  const byCommand = db.prepare<[string], DecisionRow>(`SELECT ${decisionColumns} FROM decisions WHERE command_id = ?`);
  const latestForTask = db.prepare<[string], DecisionRow>(
    `SELECT ${decisionColumns} FROM decisions WHERE task_id = ? ORDER BY id DESC LIMIT 1`,
  );
  const setStatus = db.prepare('UPDATE decisions SET status = ?, reply_reason = ? WHERE command_id = ?');
  const sentAs = db.prepare('UPDATE decisions SET command_id = ? WHERE command_id = ?');
  return {
    insert(decision: Omit<Decision, 'id' | 'status' | 'replyReason'>): void {
      const largest = [...decision.postings].sort((a, b) => b.quantity - a.quantity)[0]!;
      insert.run({ ...decision, decision: largest.decision, postings: JSON.stringify(decision.postings), containment: JSON.stringify(decision.containment) });
    },
    byCommand: (commandId: string): Decision | undefined => {
      const row = byCommand.get(commandId);
      return row && fromRow(row);
    },
    latestForTask: (taskId: string): Decision | undefined => {
      const row = latestForTask.get(taskId);
      return row && fromRow(row);
    },
    setStatus(commandId: string, status: DecisionStatus, replyReason: string | null): void {
      setStatus.run(status, replyReason, commandId);
    },
    /** An approved use-as-is: the decision now travels as the lot.disposition sent after the approval. */
    sentAs(requestCommandId: string, dispositionCommandId: string): void {
      sentAs.run(dispositionCommandId, requestCommandId);
    },
  };
}
export type DecisionsRepo = ReturnType<typeof createDecisionsRepo>;
