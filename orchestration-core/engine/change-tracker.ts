// Collects what a transaction changed that lives outside SQLite: lots the renderer shows (pushed
// after the commit) and changes to the plan. Plan changes reach the plan index at once, so a
// workflow later in the same transaction sees them; when a transaction or an event's savepoint
// rolls back, the index is rebuilt from what SQLite kept.
import type { Transfer } from '../../shared/dataset';
import type { PlanChange } from '../model/plan-changes';

/** A stock transport order the ERP created on someone's command, heard from the stream. */
export interface TransferUpstream {
  transfer: Transfer;
  by: string;
  commandId: string;
}

/** Where plan changes go: the running core's plan index. */
export interface PlanTarget {
  apply(change: PlanChange): void;
  /** Rebuild from SQLite: after a snapshot, or when applied changes were rolled back. */
  rebuild(): void;
}

export function createChangeTracker() {
  let lots = new Set<string>();
  let exceptions = new Set<string>();
  let approvals = new Set<string>();
  let alerts = new Set<string>();
  let master = false;
  let transfers: TransferUpstream[] = [];
  let target: PlanTarget | null = null;
  /** Plan changes applied since the last commit (take). */
  let planTouched = false;
  let rebuildDue = false;

  return {
    attachPlan(planTarget: PlanTarget): void {
      target = planTarget;
    },
    lotChanged(lotId: string): void {
      lots.add(lotId);
    },
    exceptionChanged(exceptionId: string): void {
      exceptions.add(exceptionId);
    },
    approvalChanged(approvalId: string): void {
      approvals.add(approvalId);
    },
    alertChanged(alertId: string): void {
      alerts.add(alertId);
    },
    /** The ERP created a stock transport order (a rebalancing proposal accepted on some workstation, perhaps). */
    transferUpstream(transfer: TransferUpstream): void {
      transfers.push(transfer);
    },
    /** The transfers heard since the last call; call after commit. */
    takeTransfersUpstream(): TransferUpstream[] {
      const taken = transfers;
      transfers = [];
      return taken;
    },
    /** Units or currency came with a snapshot. */
    masterChanged(): void {
      master = true;
    },
    /** Whether master data changed since the last call; call after commit. */
    takeMaster(): boolean {
      const changed = master;
      master = false;
      return changed;
    },
    /** The alerts raised or acknowledged since the last call; call after commit. */
    takeAlerts(): string[] {
      const taken = [...alerts];
      alerts = new Set();
      return taken;
    },
    /** The approvals changed since the last call; call after commit. */
    takeApprovals(): string[] {
      const taken = [...approvals];
      approvals = new Set();
      return taken;
    },
    /** The exceptions changed since the last call; call after commit. */
    takeExceptions(): string[] {
      const taken = [...exceptions];
      exceptions = new Set();
      return taken;
    },
    planChanged(change: PlanChange): void {
      planTouched = true;
      target?.apply(change);
    },
    /** The planning data in SQLite was replaced: the index is rebuilt after the commit. */
    planningReplaced(): void {
      rebuildDue = true;
    },
    /** The planning data was replaced and the plan is needed at once, in this transaction (discard rebuilds it again). */
    planningReplacedNow(): void {
      target?.rebuild();
      planTouched = true;
    },
    /** Part of the transaction rolled back (an event's savepoint): plan changes since may be undone. */
    partRolledBack(): void {
      if (planTouched) rebuildDue = true;
    },
    /** The lots changed since the last take; call after commit. Brings the plan up to date too. */
    take(): string[] {
      if (rebuildDue) target?.rebuild();
      rebuildDue = false;
      planTouched = false;
      const taken = [...lots];
      lots = new Set();
      return taken;
    },
    /** Forget changes of a transaction that rolled back. */
    discard(): void {
      if (planTouched || rebuildDue) target?.rebuild();
      planTouched = false;
      rebuildDue = false;
      lots = new Set();
      exceptions = new Set();
      approvals = new Set();
      alerts = new Set();
      transfers = [];
      master = false;
    },
  };
}
export type ChangeTracker = ReturnType<typeof createChangeTracker>;
