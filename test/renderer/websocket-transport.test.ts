// The web host transport with a fake socket and a manual clock: reconnect with bounded backoff,
// re-subscribe, calls held while down, calls lost with the socket reported as such, and a refused
// token that ends the retries; a page opened with no token at all, which says so and tries nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webHostTransport } from '../../renderer/api/client';
import { noTokenMessage } from '../../renderer/api/transport';
import { reconnectDelayMs, refusedLinkMessage, tokenCheck, webSocketTransport, type TokenCheck } from '../../renderer/api/websocket-transport';

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

/** Lets the token check's answer (a resolved promise) be handled. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup(tokenCheck: TokenCheck = 'unreachable') {
  const sockets: FakeSocket[] = [];
  const checks: number[] = [];
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
    checkToken: async () => {
      checks.push(sockets.length);
      return tokenCheck;
    },
  });
  const reconnectTimers = () => timers.filter((t) => t.ms !== 30_000 && !t.cleared);
  return { transport, sockets, timers, reconnectTimers, checks };
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

  it('reconnects with growing delays and subscribes again on each new socket', async () => {
    const { transport, sockets, reconnectTimers, checks } = setup();
    const events: unknown[] = [];
    transport.subscribe('quarantine.rowChanged', (payload) => events.push(payload));
    transport.subscribe('quarantine.rowChanged', (payload) => events.push(payload));
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ kind: 'subscribe', topic: 'quarantine.rowChanged' }]);

    sockets[0]!.drop();
    expect(reconnectTimers().map((t) => t.ms)).toEqual([500]);
    reconnectTimers()[0]!.callback();
    // Closed before it opened: the host is asked about the token first, and is not reachable.
    sockets[1]!.drop();
    await settle();
    expect(checks).toEqual([2]);
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

  it('stops on a token the host refuses: waiting calls fail, later ones fail at once, nothing reconnects', async () => {
    const { transport, sockets, reconnectTimers } = setup('refused');
    const links: string[] = [];
    transport.onLinkChange((link) => links.push(link));
    const waiting = transport.invoke('session.current', {});
    sockets[0]!.drop();
    await settle();
    expect(links).toEqual(['connecting', 'refused']);
    await expect(waiting).resolves.toEqual({ ok: false, error: { code: 'internal', message: refusedLinkMessage } });
    await expect(transport.invoke('quarantine.list', {})).resolves.toMatchObject({ ok: false, error: { message: refusedLinkMessage } });
    expect(reconnectTimers()).toEqual([]);
    expect(sockets).toHaveLength(1);
  });

  it('keeps reconnecting while the host takes the token but the socket does not open', async () => {
    const { transport, sockets, reconnectTimers } = setup('accepted');
    const links: string[] = [];
    transport.onLinkChange((link) => links.push(link));
    sockets[0]!.drop();
    await settle();
    expect(links).toEqual(['connecting', 'reconnecting']);
    expect(reconnectTimers().map((t) => t.ms)).toEqual([500]);
  });
});

describe('tokenCheck', () => {
  const answering = (status: number) => (async () => new Response(null, { status })) as unknown as typeof fetch;

  it('asks over HTTP at the socket URL and reads 204 as accepted, 401 as refused, anything else as unreachable', async () => {
    const asked: string[] = [];
    const recording = (async (url: string) => {
      asked.push(url);
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    expect(await tokenCheck('ws://127.0.0.1:4000/api?token=abc', recording)).toBe('accepted');
    expect(asked).toEqual(['http://127.0.0.1:4000/api?token=abc']);
    expect(await tokenCheck('wss://host/api?token=abc', answering(401))).toBe('refused');
    expect(await tokenCheck('ws://127.0.0.1:4000/api?token=abc', answering(404))).toBe('unreachable');
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await tokenCheck('ws://127.0.0.1:4000/api?token=abc', down)).toBe('unreachable');
  });
});

describe('a page opened without a token', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** Records the sockets the page would open, none of which ever opens. */
  function recordSockets(): string[] {
    const opened: string[] = [];
    vi.stubGlobal(
      'WebSocket',
      class {
        constructor(url: string) {
          opened.push(url);
        }
      },
    );
    return opened;
  }

  it('says the link has no token, not that it is no longer valid, and opens no socket', async () => {
    const opened = recordSockets();
    for (const search of ['', '?token=', '?view=quarantine']) {
      const transport = webHostTransport({ search, protocol: 'http:', host: '127.0.0.1:4601' });
      const links: string[] = [];
      transport.onLinkChange((link) => links.push(link));
      expect(links).toEqual(['no-token']);
      expect(await transport.invoke('session.current', {})).toEqual({ ok: false, error: { code: 'internal', message: noTokenMessage } });
    }
    expect(noTokenMessage).not.toContain('no longer valid');
    expect(opened).toEqual([]);
  });

  it('connects with the token when the link has one', () => {
    const opened = recordSockets();
    const links: string[] = [];
    webHostTransport({ search: '?token=a%2Bb', protocol: 'http:', host: '127.0.0.1:4601' }).onLinkChange((link) => links.push(link));
    expect(opened).toEqual(['ws://127.0.0.1:4601/api?token=a%2Bb']);
    expect(links).toEqual(['connecting']);
  });
});
