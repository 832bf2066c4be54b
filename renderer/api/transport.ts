// How the typed client reaches a host: Electron's preload bridge or the web host's WebSocket.
import type { ApiResult } from '../../shared/api';

/**
 * Whether calls can reach the host right now; the preload bridge is always connected. `refused`: the
 * web host does not take this page's token (a wrong link, or one from before the host restarted),
 * which no retry mends, so the transport stops. `no-token`: the page's address carries no token at
 * all (the host's address typed or bookmarked without it), so there is nothing to try.
 */
export type HostLink = 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'no-token';

export interface ApiTransport {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
  onLinkChange(listener: (link: HostLink) => void): () => void;
}

/** What electron/preload.ts exposes as window.plantOrchestrator. */
export interface PreloadBridge {
  invoke(method: string, args: unknown): Promise<unknown>;
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
}

export function preloadTransport(bridge: PreloadBridge): ApiTransport {
  return {
    // The main process answers every call with an ApiResult (electron/api-dispatch.ts).
    invoke: (method, args) => bridge.invoke(method, args) as Promise<ApiResult<unknown>>,
    subscribe: (topic, handler) => bridge.subscribe(topic, handler),
    onLinkChange(listener) {
      listener('connected');
      return () => {};
    },
  };
}

/** What every call gets on a page opened without a token; the banner says where the link with one is. */
export const noTokenMessage = 'this link has no token: open the link the web host printed when it started';

/** A page opened without a token: nothing to connect with, so no socket is opened and every call fails at once. */
export function noTokenTransport(): ApiTransport {
  return {
    invoke: () => Promise.resolve({ ok: false, error: { code: 'internal', message: noTokenMessage } }),
    subscribe: () => () => {},
    onLinkChange(listener) {
      listener('no-token');
      return () => {};
    },
  };
}
