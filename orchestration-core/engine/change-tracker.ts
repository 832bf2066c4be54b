// Collects what a transaction changed that lives outside SQLite (what the renderer shows, the plan
// index), to be pushed or applied only after the commit.
import type { PlanChange } from '../analysis/plan-changes';

export interface PlanningChanges {
  /** The planning data was replaced wholesale (a snapshot): rebuild instead of applying changes. */
  replaced: boolean;
  changes: PlanChange[];
}

export function createChangeTracker() {
  let lots = new Set<string>();
  let planning: PlanningChanges = { replaced: false, changes: [] };
  return {
    lotChanged(lotId: string): void {
      lots.add(lotId);
    },
    planChanged(change: PlanChange): void {
      planning.changes.push(change);
    },
    planningReplaced(): void {
      planning = { replaced: true, changes: [] };
    },
    /** The lots changed since the last take; call after commit. */
    take(): string[] {
      const taken = [...lots];
      lots = new Set();
      return taken;
    },
    /** The planning changes since the last take; call after commit. */
    takePlanning(): PlanningChanges {
      const taken = planning;
      planning = { replaced: false, changes: [] };
      return taken;
    },
    /** Forget changes of a transaction that rolled back. */
    discard(): void {
      lots = new Set();
      planning = { replaced: false, changes: [] };
    },
  };
}
export type ChangeTracker = ReturnType<typeof createChangeTracker>;
