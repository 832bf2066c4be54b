// Hands a grid at most one transaction per animation frame: a burst of pushed changes (the core
// publishes a batch of events' changes at once) costs AG Grid one model refresh and one layout
// instead of one each. Rows are diffed snapshot to snapshot, so coalescing loses nothing.
import { nextFrame, type Pace } from './paced-updates';
import { diffRowsById, isEmptyDelta, type RowDelta } from './row-delta';

export interface RowTransactionBatch<Row> {
  /** A new grid: it starts empty and gets these rows at once. */
  showNow(rowsById: Readonly<Record<string, Row>>): void;
  /** The rows changed: the grid gets the difference at the next frame, with whatever else changed until then. */
  changed(rowsById: Readonly<Record<string, Row>>): void;
  /** Drops a pending frame (the grid is going away). */
  cancel(): void;
}

/** `apply` answers false when there is no grid to take the transaction; the rows then count as not shown. */
export function createRowTransactionBatch<Row>(apply: (delta: RowDelta<Row>) => boolean, pace: Pace = nextFrame): RowTransactionBatch<Row> {
  let shown: Readonly<Record<string, Row>> = {};
  let latest = shown;
  let cancelTurn: (() => void) | null = null;

  function flush(): void {
    cancelTurn = null;
    const delta = diffRowsById(shown, latest);
    if (isEmptyDelta(delta) || apply(delta)) shown = latest;
  }

  function cancel(): void {
    cancelTurn?.();
    cancelTurn = null;
  }

  return {
    showNow(rowsById) {
      cancel();
      shown = {};
      latest = rowsById;
      flush();
    },
    changed(rowsById) {
      if (rowsById === latest) return;
      latest = rowsById;
      cancelTurn ??= pace(flush);
    },
    cancel,
  };
}
