// What events heard from the stream change on a line stop: another workstation's planner rerouted a
// held-up order, the line ran again, or an answer from a snapshot carries the orders as that planner
// left them. The line-stop feature keeps its record (workflows/line-stop/heard.ts); the host hands it
// to the projections, which may not import a workflow.
import type { HeldUpOrder } from '../../shared/api/impact';
import type { ProductionOrder } from '../../shared/dataset';
import type { PlanAnalysis } from '../engine/workflow';

export interface LineStopRecords {
  /** A held-up order the ERP moved to another line on a command, this workstation's or another's. */
  orderMoved(before: ProductionOrder, order: ProductionOrder, change: { commandId: string; changedBy: string }, plan: PlanAnalysis | null): void;
  /** The stopped line runs again from `on`. */
  restarted(stoppageId: string, on: string): void;
  /** The held-up orders as another workstation's answer (from a snapshot) carries them. */
  answerHeard(exceptionId: string, heldUp: readonly HeldUpOrder[], answeredBy: string): void;
}
