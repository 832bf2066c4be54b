// Weighs open exceptions again when the plan moved under them (a planner's response elsewhere, a
// reroute, a receipt, a new calendar day): what a supplier delay or a blocked lot makes later is the
// present plan's, so every workstation, whenever it heard of the disruption, shows the same figures
// and the same responses. A debounced pass after plan changes, one exception a turn, each turn its
// own transaction, so the event thread is never held for long. Answered exceptions keep the figures
// their planner answered on; line stops are weighed by their own weigher.
import { reweighed } from '../workflows/exception-weighing';
import type { ExceptionWeigherDeps } from './line-stop-weigher';

export interface ExceptionReweigherDeps extends ExceptionWeigherDeps {
  /** How long plan changes gather before a pass (default 2 s). */
  debounceMs?: number;
  /** The time an exception is weighed at (the detail shows it). */
  now: () => Date;
  /** Runs the next turn once the event thread is free (default setImmediate; a bench times each turn). */
  schedule?: (turn: () => void) => void;
}

export function createExceptionReweigher(deps: ExceptionReweigherDeps) {
  const { store, repos, changes } = deps;
  const debounceMs = deps.debounceMs ?? 2000;
  const schedule = deps.schedule ?? ((next: () => void) => void setImmediate(next));
  let timer: NodeJS.Timeout | null = null;
  let queue: string[] = [];
  let closed = false;

  function turn(): void {
    const exceptionId = queue.shift();
    if (closed || exceptionId === undefined) return;
    const plan = deps.plan();
    try {
      const changed = plan !== null && store.transaction(() => reweighed(exceptionId, repos, plan, deps.now().toISOString()));
      if (changed) changes.changed('exception', exceptionId);
    } catch (error) {
      changes.discard();
      deps.logger.error('weighing an exception again failed', { exceptionId, error: error instanceof Error ? error.message : String(error) });
    }
    deps.afterTurn();
    if (queue.length > 0) schedule(turn);
  }

  function pass(): void {
    timer = null;
    if (closed) return;
    const idle = queue.length === 0;
    queue = repos.exceptions.list().filter((row) => row.status === 'open' && row.type !== 'line-stop').map((row) => row.id);
    if (idle && queue.length > 0) schedule(turn);
  }

  return {
    /** The plan changed (or was rebuilt): open exceptions are weighed again once changes settle. */
    planChanged(): void {
      if (closed || timer) return;
      timer = setTimeout(pass, debounceMs);
      timer.unref();
    },
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
export type ExceptionReweigher = ReturnType<typeof createExceptionReweigher>;
