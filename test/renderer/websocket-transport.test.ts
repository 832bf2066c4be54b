// The web host transport with a fake socket and a manual clock: reconnect with bounded backoff,
// re-subscribe, calls held while down, and calls lost with the socket reported as such.
import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, webSocketTransport } from '../../renderer/api/websocket-transport';

class FakeSocket {
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const transport = webSocketTransport({
    url: 'ws://127.0.0.1:1/api?token=t',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
    callTimeoutMs: 30_000,
  });
  const reconnectTimers = () => timers.filter((t) => t.ms !== 30_000 && !t.cleared);
  return { transport, sockets, timers, reconnectTimers };
}

describe('webSocketTransport', () => {
  it('backs off 0.5 s, 1 s, 2 s, 4 s, then 8 s at most', () => {
    expect([0, 1, 2, 3, 4, 10].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('holds calls until the socket opens, then matches results by id', async () => {
    const { transport, sockets } = setup();
    const links: string[] = [];
    transport.onLinkChange((link) => links.push(link));
    const answer = transport.invoke('quarantine.list', {});
    expect(sockets[0]!.sent).toEqual([]);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ kind: 'invoke', id: 1, method: 'quarantine.list', args: {} }]);
    sockets[0]!.receive({ kind: 'result', id: 1, result: { ok: true, value: [] } });
    await expect(answer).resolves.toEqual({ ok: true, value: [] });
    expect(links).toEqual(['connecting', 'connected']);
  });

  it('reconnects with growing delays and subscribes again on each new socket', () => {
    const { transport, sockets, reconnectTimers } = setup();
    const events: unknown[] = [];
    transport.subscribe('quarantine.rowChanged', (payload) => events.push(payload));
    transport.subscribe('quarantine.rowChanged', (payload) => events.push(payload));
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ kind: 'subscribe', topic: 'quarantine.rowChanged' }]);

    sockets[0]!.drop();
    expect(reconnectTimers().map((t) => t.ms)).toEqual([500]);
    reconnectTimers()[0]!.callback();
    sockets[1]!.drop();
    expect(reconnectTimers().map((t) => t.ms)).toEqual([500, 1000]);
    reconnectTimers()[1]!.callback();
    sockets[2]!.open();
    expect(sockets[2]!.sent).toEqual([{ kind: 'subscribe', topic: 'quarantine.rowChanged' }]);

    sockets[2]!.receive({ kind: 'event', topic: 'quarantine.rowChanged', payload: { lotId: 'L-1' } });
    expect(events).toEqual([{ lotId: 'L-1' }, { lotId: 'L-1' }]);
    // A successful open resets the backoff.
    sockets[2]!.drop();
    expect(reconnectTimers().at(-1)?.ms).toBe(500);
  });

  it('fails a call whose socket dropped before the answer, and keeps unsent calls for the next socket', async () => {
    const { transport, sockets, reconnectTimers } = setup();
    sockets[0]!.open();
    const inFlight = transport.invoke('quarantine.disposition', { taskId: 't-1' });
    sockets[0]!.drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/lost before it answered/) } });

    const waiting = transport.invoke('connectors.status', {});
    reconnectTimers()[0]!.callback();
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([{ kind: 'invoke', id: 2, method: 'connectors.status', args: {} }]);
    sockets[1]!.receive({ kind: 'result', id: 2, result: { ok: true, value: [] } });
    await expect(waiting).resolves.toEqual({ ok: true, value: [] });
  });

  it('gives up on a call after the timeout instead of hanging', async () => {
    const { transport, timers } = setup();
    const call = transport.invoke('session.current', {});
    timers.find((t) => t.ms === 30_000)!.callback();
    await expect(call).resolves.toMatchObject({ ok: false, error: { message: 'the app host did not answer session.current within 30 s' } });
  });
});
