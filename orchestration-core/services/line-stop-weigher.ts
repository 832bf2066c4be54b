// Weighs the alternates of a line stop's held-up orders that the line-stopped workflow left for later,
// a turn at a time (ordersPerTurn, earliest first), each turn its own transaction, so the event
// thread is never held for long and the planner sees the grid fill in. Only open line stops are
// weighed: once a response is applied, no order is rerouted any more.
import type { Logger } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import type { PlanAnalysis } from '../engine/workflow';
import type { StoredException } from '../store/exceptions-repo';
import type { Store } from '../store/open-store';
import type { Repos } from '../store/repos';
import { openLineStop, writeLineStop } from '../workflows/line-stop/record';
import { ordersPerTurn, unweighed, weighOrders } from '../workflows/line-stop/weighing';

/** What a weigher of exceptions works with, a turn at a time (this one, and the exception reweigher). */
export interface ExceptionWeigherDeps {
  store: Store;
  repos: Repos;
  changes: ChangeTracker;
  plan: () => PlanAnalysis | null;
  logger: Logger;
  /** After each turn's commit: push the changed exception. */
  afterTurn(): void;
}

export interface LineStopWeigherDeps extends ExceptionWeigherDeps {
  /** How the next turn is scheduled; the host yields to the event loop between turns. */
  schedule?: (turn: () => void) => void;
}

const maxFailures = 3;

export function createLineStopWeigher(deps: LineStopWeigherDeps) {
  const { store, repos, changes } = deps;
  const schedule = deps.schedule ?? ((turn: () => void) => void setImmediate(turn));
  const waiting = new Set<string>();
  /** Failed turns per line stop: weighing one that keeps failing stops after maxFailures, logged. */
  const failures = new Map<string, number>();
  let scheduled = false;
  let closed = false;

  /** Weighs the next orders of one line stop; true when it has more to weigh. */
  function weighNext(exceptionId: string): boolean {
    const plan = deps.plan();
    const detail = openLineStop(repos.exceptions.get(exceptionId));
    if (!plan || !detail) return false;
    const next = unweighed(detail);
    if (next.length === 0) return false;
    const ids = new Set(next.slice(0, ordersPerTurn).map((o) => o.productionOrderId));
    writeLineStop({ repos, changed: changes.changed }, exceptionId, { ...detail, orders: weighOrders(detail, ids, repos, plan).orders });
    return next.length > ids.size;
  }

  function turn(): void {
    scheduled = false;
    const exceptionId = waiting.values().next().value;
    if (closed || exceptionId === undefined) return;
    try {
      if (!store.transaction(() => weighNext(exceptionId))) waiting.delete(exceptionId);
    } catch (error) {
      changes.discard();
      const failed = (failures.get(exceptionId) ?? 0) + 1;
      failures.set(exceptionId, failed);
      // Moved to the back: another line stop gets its turn first.
      waiting.delete(exceptionId);
      if (failed < maxFailures) waiting.add(exceptionId);
      deps.logger.error('line stop: weighing alternates failed', { exceptionId, attempt: failed, givenUp: failed >= maxFailures, error: error instanceof Error ? error.message : String(error) });
    }
    deps.afterTurn();
    wake();
  }

  function wake(): void {
    if (scheduled || closed || waiting.size === 0) return;
    scheduled = true;
    schedule(turn);
  }

  return {
    /** Looks for open line stops left unweighed: at start, for those the app closed on. */
    look(): void {
      for (const id of repos.exceptions.unweighedLineStops()) waiting.add(id);
      wake();
    },
    /** A changed exception: weighed later if it is an open line stop with orders left to weigh. */
    exceptionChanged(stored: StoredException): void {
      const detail = openLineStop(stored);
      if (waiting.has(stored.row.id) || (failures.get(stored.row.id) ?? 0) >= maxFailures || !detail || unweighed(detail).length === 0) return;
      waiting.add(stored.row.id);
      wake();
    },
    close(): void {
      closed = true;
    },
  };
}
export type LineStopWeigher = ReturnType<typeof createLineStopWeigher>;
