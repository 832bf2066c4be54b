// Usage decisions as the quality engineer made them, each tied to the command that carries it upstream.
import type Database from 'better-sqlite3';
import type { DispositionDecision } from '../../shared/domain';

export type DecisionStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn';

export interface Decision {
  id: number;
  taskId: string;
  lotId: string;
  decision: DispositionDecision;
  quantity: number;
  reason: string;
  deviationNumber: string | null;
  decidedBy: string;
  decidedAt: string;
  commandId: string;
  basedOnVersion: number;
  status: DecisionStatus;
  replyReason: string | null;
}

const decisionColumns = `id, task_id AS taskId, lot_id AS lotId, decision, quantity, reason,
  deviation_number AS deviationNumber, decided_by AS decidedBy, decided_at AS decidedAt,
  command_id AS commandId, based_on_version AS basedOnVersion, status, reply_reason AS replyReason`;

export function createDecisionsRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO decisions (task_id, lot_id, decision, quantity, reason, deviation_number, decided_by, decided_at,
       command_id, based_on_version, status)
     VALUES (@taskId, @lotId, @decision, @quantity, @reason, @deviationNumber, @decidedBy, @decidedAt,
       @commandId, @basedOnVersion, 'pending')`,
  );
  const byCommand = db.prepare<[string], Decision>(`SELECT ${decisionColumns} FROM decisions WHERE command_id = ?`);
  const latestForTask = db.prepare<[string], Decision>(
    `SELECT ${decisionColumns} FROM decisions WHERE task_id = ? ORDER BY id DESC LIMIT 1`,
  );
  const setStatus = db.prepare('UPDATE decisions SET status = ?, reply_reason = ? WHERE command_id = ?');
  return {
    insert(decision: Omit<Decision, 'id' | 'status' | 'replyReason'>): void {
      insert.run(decision);
    },
    byCommand: (commandId: string): Decision | undefined => byCommand.get(commandId),
    latestForTask: (taskId: string): Decision | undefined => latestForTask.get(taskId),
    setStatus(commandId: string, status: DecisionStatus, replyReason: string | null): void {
      setStatus.run(status, replyReason, commandId);
    },
  };
}
export type DecisionsRepo = ReturnType<typeof createDecisionsRepo>;
