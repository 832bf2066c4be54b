import { afterEach, describe, expect, it, vi } from 'vitest';
import { atMostEvery, createPushBatch, type Pace } from '../../renderer/grid/paced-updates';
import { createRowTransactionBatch } from '../../renderer/grid/row-transaction-batch';
import type { RowDelta } from '../../renderer/grid/row-delta';

/** A pace whose turns come when the test says: stands in for animation frames. */
function manualPace() {
  let queue: (() => void)[] = [];
  const pace: Pace = (callback) => {
    queue.push(callback);
    return () => (queue = queue.filter((queued) => queued !== callback));
  };
  return {
    pace,
    pending: () => queue.length,
    turn() {
      const due = queue;
      queue = [];
      for (const callback of due) callback();
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('push batch', () => {
  it('applies what was pushed between two turns together, in arrival order', () => {
    const frames = manualPace();
    const applied: number[][] = [];
    const batch = createPushBatch<number>((items) => applied.push(items), frames.pace);
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(frames.pending()).toBe(1);
    expect(applied).toEqual([]);
    frames.turn();
    batch.push(4);
    frames.turn();
    expect(applied).toEqual([[1, 2, 3], [4]]);
    frames.turn();
    expect(applied).toHaveLength(2);
  });

  it('flushes at once when asked, and drops what is pending when cancelled', () => {
    const frames = manualPace();
    const applied: string[][] = [];
    const batch = createPushBatch<string>((items) => applied.push(items), frames.pace);
    batch.push('before the load');
    batch.flush();
    expect(applied).toEqual([['before the load']]);
    expect(frames.pending()).toBe(0);
    batch.push('late');
    batch.cancel();
    frames.turn();
    expect(applied).toHaveLength(1);
  });
});

describe('atMostEvery', () => {
  it('runs at the next turn, and a later call no sooner than the interval after the previous run', () => {
    vi.useFakeTimers();
    let now = 1000;
    const frames = manualPace();
    const paced = atMostEvery(250, frames.pace, () => now);
    const runs: number[] = [];
    paced(() => runs.push(now));
    frames.turn();
    expect(runs).toEqual([1000]);

    now = 1100;
    paced(() => runs.push(now));
    expect(frames.pending()).toBe(0);
    now = 1250;
    vi.advanceTimersByTime(150);
    expect(frames.pending()).toBe(1);
    frames.turn();
    expect(runs).toEqual([1000, 1250]);

    now = 1400;
    const cancel = paced(() => runs.push(now));
    cancel();
    vi.advanceTimersByTime(500);
    frames.turn();
    expect(runs).toEqual([1000, 1250]);
  });
});

describe('row transaction batch', () => {
  const row = (id: string, version = 1) => ({ id, version });
  type Row = ReturnType<typeof row>;

  it('shows a new grid its rows at once, then one transaction per turn with every change since', () => {
    const frames = manualPace();
    const transactions: RowDelta<Row>[] = [];
    const batch = createRowTransactionBatch<Row>((delta) => transactions.push(delta) > 0, frames.pace);
    const a = row('A');
    const b = row('B');
    batch.showNow({ A: a, B: b });
    expect(transactions).toEqual([{ add: [a, b], update: [], remove: [] }]);

    const a2 = row('A', 2);
    const c = row('C');
    batch.changed({ A: a2, B: b });
    batch.changed({ A: a2, B: b, C: c });
    batch.changed({ A: a2, C: c });
    expect(transactions).toHaveLength(1);
    frames.turn();
    expect(transactions[1]).toEqual({ add: [c], update: [a2], remove: [b] });
  });

  it('keeps the changes for later when there is no grid to take them', () => {
    const frames = manualPace();
    let gridReady = false;
    const transactions: RowDelta<Row>[] = [];
    const batch = createRowTransactionBatch<Row>((delta) => gridReady && transactions.push(delta) > 0, frames.pace);
    const a = row('A');
    batch.changed({ A: a });
    frames.turn();
    expect(transactions).toEqual([]);
    gridReady = true;
    const b = row('B');
    batch.changed({ A: a, B: b });
    frames.turn();
    expect(transactions).toEqual([{ add: [a, b], update: [], remove: [] }]);
  });

  it('applies nothing when the rows came back to what is shown, and nothing after cancel', () => {
    const frames = manualPace();
    const transactions: RowDelta<Row>[] = [];
    const batch = createRowTransactionBatch<Row>((delta) => transactions.push(delta) > 0, frames.pace);
    const shown = { A: row('A') };
    batch.showNow(shown);
    batch.changed({ A: row('A', 2) });
    batch.changed(shown);
    frames.turn();
    expect(transactions).toHaveLength(1);
    batch.changed({ A: row('A', 3) });
    batch.cancel();
    frames.turn();
    expect(transactions).toHaveLength(1);
  });
});
