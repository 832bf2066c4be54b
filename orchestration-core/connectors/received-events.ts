// Event messages that arrived since the last apply, applied together: during a catch-up many socket
// messages then share one transaction (one sync to disk) instead of each paying for its own.
import type { IngestResult } from './event-ingest';

export interface ReceivedEventsDeps {
  /** Applies a batch in one transaction; throws when the transaction rolled back. */
  apply(batch: readonly unknown[]): IngestResult;
  onApplied(result: IngestResult): void;
  /** The batch rolled back: the events queued after it were dropped too; the gateway must resend. */
  onFailed(error: Error): void;
  /** The most events one transaction takes: the thread stays free for the UI between transactions. */
  maxPerTransaction?: number;
}

export const defaultMaxEventsPerTransaction = 10_000;

export function createReceivedEvents(deps: ReceivedEventsDeps) {
  const max = deps.maxPerTransaction ?? defaultMaxEventsPerTransaction;
  /** Whole messages, in arrival order: a message is never split across transactions. */
  let messages: unknown[][] = [];
  let scheduled: NodeJS.Immediate | null = null;

  function applyNext(): void {
    let count = 0;
    let taken = 0;
    while (taken < messages.length && (taken === 0 || count + messages[taken]!.length <= max)) count += messages[taken++]!.length;
    const batch = taken === 1 ? messages[0]! : messages.slice(0, taken).flat();
    messages = messages.slice(taken);
    let result: IngestResult;
    try {
      result = deps.apply(batch);
    } catch (error) {
      messages = [];
      deps.onFailed(error as Error);
      return;
    }
    deps.onApplied(result);
  }

  function applyScheduled(): void {
    scheduled = null;
    if (messages.length > 0) applyNext();
    if (messages.length > 0) scheduled = setImmediate(applyScheduled);
  }

  return {
    /** A received `events` message: applied on the next turn of the event loop, with any that follow it. */
    add(raw: unknown): void {
      messages.push(Array.isArray(raw) ? raw : [raw]);
      scheduled ??= setImmediate(applyScheduled);
    },
    /** Applies everything received so far, now: before a message that must see it applied (a snapshot, caught-up). */
    flush(): void {
      if (scheduled) clearImmediate(scheduled);
      scheduled = null;
      while (messages.length > 0) applyNext();
    },
    /** Forgets what was received and not applied: nothing of it was acknowledged, so the gateway sends it again. */
    clear(): void {
      if (scheduled) clearImmediate(scheduled);
      scheduled = null;
      messages = [];
    },
    pending: (): number => messages.reduce((sum, message) => sum + message.length, 0),
  };
}
export type ReceivedEvents = ReturnType<typeof createReceivedEvents>;
