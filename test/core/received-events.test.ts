import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../../orchestration-core/connectors/event-ingest';
import { createReceivedEvents } from '../../orchestration-core/connectors/received-events';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const applied = (batch: readonly unknown[]): IngestResult => ({ applied: batch.length, deadLettered: 0, skipped: 0, gaps: [] });

function recorder(options: { failOn?: unknown; maxPerTransaction?: number } = {}) {
  const transactions: unknown[][] = [];
  const failures: string[] = [];
  const received = createReceivedEvents({
    apply: (batch) => {
      if (batch.includes(options.failOn)) throw new Error('rolled back');
      transactions.push([...batch]);
      return applied(batch);
    },
    onApplied: () => {},
    onFailed: (error) => failures.push(error.message),
    ...(options.maxPerTransaction === undefined ? {} : { maxPerTransaction: options.maxPerTransaction }),
  });
  return { received, transactions, failures };
}

describe('received events', () => {
  it('applies the messages of one turn of the event loop together, in arrival order', async () => {
    const { received, transactions } = recorder();
    received.add([1, 2]);
    received.add([3]);
    received.add(4);
    expect(transactions).toEqual([]);
    await nextTurn();
    expect(transactions).toEqual([[1, 2, 3, 4]]);
  });

  it('keeps to the most events per transaction without splitting a message', async () => {
    const { received, transactions } = recorder({ maxPerTransaction: 3 });
    received.add([1, 2]);
    received.add([3, 4]);
    received.add([5]);
    received.add([6, 7, 8, 9]);
    await nextTurn();
    await nextTurn();
    await nextTurn();
    expect(transactions).toEqual([[1, 2], [3, 4, 5], [6, 7, 8, 9]]);
  });

  it('applies at once on flush, before a message that must see the events applied', () => {
    const { received, transactions } = recorder({ maxPerTransaction: 2 });
    received.add([1, 2]);
    received.add([3]);
    received.flush();
    expect(transactions).toEqual([[1, 2], [3]]);
    expect(received.pending()).toBe(0);
  });

  it('drops what was queued after a batch that rolled back: the gateway sends it again', async () => {
    const { received, transactions, failures } = recorder({ failOn: 2, maxPerTransaction: 2 });
    received.add([1, 2]);
    received.add([3, 4]);
    await nextTurn();
    await nextTurn();
    expect(failures).toEqual(['rolled back']);
    expect(transactions).toEqual([]);
    expect(received.pending()).toBe(0);
  });

  it('applies nothing after clear', async () => {
    const { received, transactions } = recorder();
    received.add([1]);
    received.clear();
    await nextTurn();
    expect(transactions).toEqual([]);
  });
});
