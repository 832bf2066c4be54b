// The UI thread's side of the rebalancing worker: each call posts one request and returns a promise
// of its reply. The input goes over in parts with a turn of the event loop between them, because
// copying a whole plan into the worker in one message would block this thread for as long as it takes.
import type { Worker } from 'node:worker_threads';
import type { RebalanceInput } from '../plan-types';
import { defaultRebalanceOptions, type ItemRebalancing, type RebalanceOptions } from './rebalance';
import type { RebalanceChange } from './rebalancing-cache';
import { rebalanceTables, type RebalanceReplies, type RebalanceRequest, type RebalanceTables, type ResolveReply, type SolveSummary, type WorkerReply } from './rebalance-protocol';

export interface RebalancingService {
  /** Replaces what the worker holds with the input and solves every item. One load at a time. */
  load(input: RebalanceInput, options?: RebalanceOptions): Promise<SolveSummary>;
  /** Applies changes; re-solves only the items whose balances they moved. */
  apply(changes: readonly RebalanceChange[]): Promise<ResolveReply>;
  /** The items with a problem (those asked for, or all), with their solutions. All of them is a big reply: page by ids where it matters. */
  results(itemIds?: readonly string[]): Promise<ItemRebalancing[]>;
  /** Stops the worker; pending calls fail. */
  close(): Promise<void>;
}

/** Records per part: a few milliseconds of copying on the sending thread. */
export const recordsPerPart = 2500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Talks to a started rebalancing worker (see start-rebalance-worker.ts); the service owns it from then. */
export function createRebalancingService(worker: Worker): RebalancingService {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null;

  const failAll = (error: Error) => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: WorkerReply) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    if (reply.ok) call.resolve(reply.value);
    else call.reject(new Error(reply.message));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`rebalancing worker stopped (exit code ${code})`)));

  function request<R extends RebalanceRequest>(message: R): Promise<RebalanceReplies[R['kind']]> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, request: message });
    });
  }

  return {
    async load(input, options = defaultRebalanceOptions) {
      const parts: Promise<null>[] = [];
      for (const table of rebalanceTables) {
        const rows = input[table];
        for (let start = 0; start < rows.length; start += recordsPerPart) {
          const part: Partial<RebalanceTables> = { [table]: rows.slice(start, start + recordsPerPart) };
          parts.push(request({ kind: 'loadPart', part }));
          await nextTurn();
        }
      }
      await Promise.all(parts);
      return request({ kind: 'solveAll', today: input.today, lanes: input.lanes, options });
    },
    apply: (changes) => request({ kind: 'apply', changes: [...changes] }),
    results: (itemIds) => request(itemIds ? { kind: 'results', itemIds: [...itemIds] } : { kind: 'results' }),
    async close() {
      failAll(new Error('rebalancing service closed'));
      await worker.terminate();
    },
  };
}
