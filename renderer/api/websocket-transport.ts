// The web host's transport: one WebSocket to /api?token=..., reconnected with bounded backoff; topics
// are subscribed again on every new socket, and calls made while it is down wait for it (up to a limit).
// A socket that closes before it opened may be a host that is down or one that refused the token; the
// host tells which over plain HTTP, and a refused token ends the retries.
import type { ApiResult } from '../../shared/api';
import type { BridgeMessage, BridgeRequest } from '../../shared/api/bridge-protocol';
import type { ApiTransport, HostLink } from './transport';

export interface WebSocketTransportOptions {
  url: string;
  /** Injected so tests can hand in a fake; the browser's WebSocket otherwise. */
  createSocket?: (url: string) => WebSocket;
  /** A call that gets no answer within this time fails instead of hanging the form that made it. */
  callTimeoutMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Asks the host whether it takes the token; by default GET on the socket's URL over HTTP (tokenCheck). */
  checkToken?: () => Promise<TokenCheck>;
}

/** What the host says of the token: takes it, refuses it, or cannot be asked (down, restarting). */
export type TokenCheck = 'accepted' | 'refused' | 'unreachable';

/** What a call gets once the host refused the token; the banner says where the current link is. */
export const refusedLinkMessage = 'this link is no longer valid: the web host refused its token';

/** GET /api?token=... answers 204 for the host's token and 401 for any other (electron/web-host.ts). */
export async function tokenCheck(socketUrl: string, fetchUrl: typeof fetch = fetch): Promise<TokenCheck> {
  const url = socketUrl.replace(/^ws(s?):/, 'http$1:');
  try {
    const response = await fetchUrl(url, { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
    if (response.status === 401) return 'refused';
    return response.ok ? 'accepted' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

const openState = 1;

type InvokeRequest = Extract<BridgeRequest, { kind: 'invoke' }>;

/** 0.5 s, 1 s, 2 s, 4 s, then every 8 s: quick after a blip, and no hammering a host that is gone. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(8000, 500 * 2 ** Math.max(0, attempt));
}

function failure(message: string): ApiResult<unknown> {
  return { ok: false, error: { code: 'internal', message } };
}

interface PendingCall {
  resolve: (result: ApiResult<unknown>) => void;
  timer: unknown;
  /** Sent on a socket that is gone: the host may or may not have acted on it. */
  sent: boolean;
}

export function webSocketTransport(options: WebSocketTransportOptions): ApiTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const checkToken = options.checkToken ?? (() => tokenCheck(options.url));

  const handlersByTopic = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(link: HostLink) => void>();
  const pending = new Map<number, PendingCall>();
  const unsent: InvokeRequest[] = [];
  let socket: WebSocket | null = null;
  let link: HostLink = 'connecting';
  let attempt = 0;
  let nextId = 1;

  function setLink(next: HostLink): void {
    if (next === link) return;
    link = next;
    for (const listener of linkListeners) listener(next);
  }

  function sendNowOrLater(request: BridgeRequest): void {
    if (socket && socket.readyState === openState) socket.send(JSON.stringify(request));
    else if (request.kind === 'invoke') unsent.push(request);
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: BridgeMessage;
    try {
      message = JSON.parse(data) as BridgeMessage;
    } catch {
      return;
    }
    if (message.kind === 'result') {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      clearTimer(call.timer);
      call.resolve(message.result);
    } else if (message.kind === 'event') {
      for (const handler of handlersByTopic.get(message.topic) ?? []) handler(message.payload);
    }
  }

  /** The token is refused: every call waiting fails, later ones fail at once, and nothing reconnects. */
  function giveUp(): void {
    for (const [id, call] of pending) {
      pending.delete(id);
      clearTimer(call.timer);
      call.resolve(failure(refusedLinkMessage));
    }
    unsent.length = 0;
    setLink('refused');
  }

  function retryLater(): void {
    setLink('reconnecting');
    setTimer(connect, reconnectDelayMs(attempt++));
  }

  function connect(): void {
    const current = createSocket(options.url);
    let opened = false;
    socket = current;
    current.onopen = () => {
      opened = true;
      attempt = 0;
      for (const topic of handlersByTopic.keys()) current.send(JSON.stringify({ kind: 'subscribe', topic } satisfies BridgeRequest));
      for (const request of unsent.splice(0)) {
        current.send(JSON.stringify(request));
        const call = pending.get(request.id);
        if (call) call.sent = true;
      }
      setLink('connected');
    };
    current.onmessage = (event) => onMessage(event.data);
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      // A call the host received may have taken effect; say so rather than guess.
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        clearTimer(call.timer);
        call.resolve(failure('the connection to the app host was lost before it answered; check the result before trying again'));
      }
      if (opened) {
        retryLater();
        return;
      }
      void checkToken().then(
        (answer) => (answer === 'refused' ? giveUp() : retryLater()),
        () => retryLater(),
      );
    };
  }

  connect();

  return {
    invoke(method, args) {
      if (link === 'refused') return Promise.resolve(failure(refusedLinkMessage));
      const id = nextId++;
      return new Promise<ApiResult<unknown>>((resolve) => {
        const timer = setTimer(() => {
          pending.delete(id);
          const index = unsent.findIndex((request) => request.id === id);
          if (index >= 0) unsent.splice(index, 1);
          resolve(failure(`the app host did not answer ${method} within ${Math.round(callTimeoutMs / 1000)} s`));
        }, callTimeoutMs);
        const isOpen = socket !== null && socket.readyState === openState;
        pending.set(id, { resolve, timer, sent: isOpen });
        sendNowOrLater({ kind: 'invoke', id, method, args });
      });
    },
    subscribe(topic, handler) {
      let handlers = handlersByTopic.get(topic);
      if (!handlers) {
        handlers = new Set();
        handlersByTopic.set(topic, handlers);
        // Only the first local subscriber asks the host; reconnects re-subscribe in onopen.
        sendNowOrLater({ kind: 'subscribe', topic });
      }
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    onLinkChange(listener) {
      linkListeners.add(listener);
      listener(link);
      return () => {
        linkListeners.delete(listener);
      };
    },
  };
}
