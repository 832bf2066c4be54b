// Paces pushed changes to what a screen can show: at the next animation frame, and for a stream of
// pushed events no more often than a set interval, so a storm of them costs a few renders and grid
// transactions a second instead of one per event.

/** Runs the callback once, later; answers a function that cancels it. */
export type Pace = (callback: () => void) => () => void;

export const nextFrame: Pace = (callback) => {
  const handle = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(handle);
};

/** At the pace's next turn, but no sooner than `intervalMs` after the previous run. */
export function atMostEvery(intervalMs: number, pace: Pace = nextFrame, now: () => number = () => performance.now()): Pace {
  let lastRun = Number.NEGATIVE_INFINITY;
  return (callback) => {
    const run = () => {
      lastRun = now();
      callback();
    };
    const wait = lastRun + intervalMs - now();
    if (wait <= 0) return pace(run);
    let cancelPaced: (() => void) | null = null;
    const timer = setTimeout(() => (cancelPaced = pace(run)), wait);
    return () => {
      clearTimeout(timer);
      cancelPaced?.();
    };
  };
}

export interface PushBatch<T> {
  push(item: T): void;
  /** Applies what is pending now (before a fresh load replaces it). */
  flush(): void;
  cancel(): void;
}

/** Collects pushed items and applies them together, in arrival order, at the pace's next turn. */
export function createPushBatch<T>(apply: (items: T[]) => void, pace: Pace): PushBatch<T> {
  let pending: T[] = [];
  let cancelTurn: (() => void) | null = null;

  function flush(): void {
    cancelTurn?.();
    cancelTurn = null;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    apply(items);
  }

  return {
    push(item) {
      pending.push(item);
      cancelTurn ??= pace(flush);
    },
    flush,
    cancel() {
      cancelTurn?.();
      cancelTurn = null;
      pending = [];
    },
  };
}
