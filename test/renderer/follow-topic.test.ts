// Loading a domain while its events keep arriving: nothing lost, nothing applied out of order.
import { describe, expect, it } from 'vitest';
import { followTopic } from '../../renderer/state/follow-topic';
import type { ConnectorStatus } from '../../shared/api/connectors';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const status = (queueDepth: number): ConnectorStatus[] => [
  { id: 'erp', kind: 'erp', url: 'http://127.0.0.1:4100/erp', state: 'online', queueDepth, lastSyncAt: null, lastError: null, streams: [], reconnects: 0 },
];

function setup() {
  let push: (payload: ConnectorStatus[]) => void = () => {};
  const applied: string[] = [];
  const loads: ReturnType<typeof deferred<ConnectorStatus[]>>[] = [];
  const followed = followTopic({
    topic: 'connectors.statusChanged',
    subscribe: (_topic, handler) => {
      push = handler;
      return () => (push = () => {});
    },
    load: () => {
      const load = deferred<ConnectorStatus[]>();
      loads.push(load);
      return load.promise;
    },
    applyLoaded: (value) => applied.push(`loaded ${value[0]?.queueDepth}`),
    applyEvent: (value) => applied.push(`event ${value[0]?.queueDepth}`),
    loadFailed: (message) => applied.push(`failed ${message}`),
  });
  return { followed, applied, loads, push: (payload: ConnectorStatus[]) => push(payload) };
}

describe('followTopic', () => {
  it('holds events that arrive during the load and applies them after it, in order', async () => {
    const { followed, applied, loads, push } = setup();
    const reloading = followed.reload();
    push(status(1));
    push(status(2));
    expect(applied).toEqual([]);
    loads[0]!.resolve(status(0));
    await reloading;
    push(status(3));
    expect(applied).toEqual(['loaded 0', 'event 1', 'event 2', 'event 3']);
  });

  it('applies held events even when the load fails', async () => {
    const { followed, applied, loads, push } = setup();
    const reloading = followed.reload();
    push(status(5));
    loads[0]!.reject(new Error('host gone'));
    await reloading;
    expect(applied).toEqual(['failed host gone', 'event 5']);
  });

  it('ignores the answer of a load that a newer reload overtook', async () => {
    const { followed, applied, loads } = setup();
    const first = followed.reload();
    const second = followed.reload();
    loads[1]!.resolve(status(2));
    await second;
    loads[0]!.resolve(status(1));
    await first;
    expect(applied).toEqual(['loaded 2']);
  });

  it('stops following', () => {
    const { followed, applied, push } = setup();
    followed.stop();
    push(status(9));
    expect(applied).toEqual([]);
  });
});
