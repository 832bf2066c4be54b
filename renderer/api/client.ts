// The renderer's one typed client of the API contract. It picks the transport once: Electron's preload
// bridge when present, else the web host's WebSocket with the launch token from the page URL.
import type { ApiArgs, ApiMethod, ApiValue, AppEvents, AppEventTopic } from '../../shared/api';
import { ApiCallError } from './api-call-error';
import { noTokenTransport, preloadTransport, type ApiTransport, type HostLink, type PreloadBridge } from './transport';
import { webSocketTransport } from './websocket-transport';

declare global {
  interface Window {
    plantOrchestrator?: PreloadBridge;
  }
}

type PageLocation = Pick<Location, 'search' | 'protocol' | 'host'>;

/**
 * The web host's transport for the page's address: its WebSocket with the token from the URL, or, when
 * the address has none, one that says so without trying (the host would refuse it as if it were stale).
 */
export function webHostTransport(location: PageLocation): ApiTransport {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  if (token === '') return noTokenTransport();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return webSocketTransport({ url: `${scheme}//${location.host}/api?token=${encodeURIComponent(token)}` });
}

let transport: ApiTransport | null = null;

function currentTransport(): ApiTransport {
  transport ??= window.plantOrchestrator ? preloadTransport(window.plantOrchestrator) : webHostTransport(window.location);
  return transport;
}

/** Calls a method of the contract; resolves with its value or rejects with an ApiCallError. */
export async function invoke<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Awaited<ApiValue<M>>> {
  const result = await currentTransport().invoke(method, args);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as Awaited<ApiValue<M>>;
}

/** Follows what the core pushes on a topic; returns the unsubscribe function. */
export function subscribe<T extends AppEventTopic>(topic: T, handler: (payload: AppEvents[T]) => void): () => void {
  return currentTransport().subscribe(topic, (payload) => handler(payload as AppEvents[T]));
}

/** Follows whether the host can be reached (only the web host's socket can drop). */
export function onHostLinkChange(listener: (link: HostLink) => void): () => void {
  return currentTransport().onLinkChange(listener);
}

export type ApiClient = { invoke: typeof invoke; subscribe: typeof subscribe; onHostLinkChange: typeof onHostLinkChange };
export const apiClient: ApiClient = { invoke, subscribe, onHostLinkChange };
export { ApiCallError };
export type { HostLink };
