// Collects what a transaction changed that lives outside SQLite: lots, exceptions, approvals and alerts the renderer shows (pushed
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

/** What the renderer is shown again after a commit, each by its id. */
export type ChangeTopic = 'lot' | 'exception' | 'approval' | 'alert';

const noChanges = (): Record<ChangeTopic, Set<string>> => ({ lot: new Set(), exception: new Set(), approval: new Set(), alert: new Set() });

export function createChangeTracker() {
  let changes = noChanges();
  let master = false;
  let transfers: TransferUpstream[] = [];
  let target: PlanTarget | null = null;
  /** Plan changes applied since the last commit (planCommitted). */
  let planTouched = false;
  let rebuildDue = false;

  const changed = (topic: ChangeTopic, id: string): void => {
    changes[topic].add(id);
  };

  return {
    attachPlan(planTarget: PlanTarget): void {
      target = planTarget;
    },
    changed,
    /** The ids of `topic` changed since the last take; call after commit. */
    take(topic: ChangeTopic): string[] {
      const taken = [...changes[topic]];
      changes[topic] = new Set();
      return taken;
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
      const changedNow = master;
      master = false;
      return changedNow;
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
    /** The transaction committed: the plan changes applied stand, and a rebuild that was due runs now. */
    planCommitted(): void {
      if (rebuildDue) target?.rebuild();
      rebuildDue = false;
      planTouched = false;
    },
    /** Forget changes of a transaction that rolled back. */
    discard(): void {
      if (planTouched || rebuildDue) target?.rebuild();
      planTouched = false;
      rebuildDue = false;
      changes = noChanges();
      transfers = [];
      master = false;
    },
  };
}
export type ChangeTracker = ReturnType<typeof createChangeTracker>;
