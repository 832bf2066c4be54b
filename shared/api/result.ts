// What every API call answers across IPC or the loopback WebSocket: only data survives, never thrown errors.
export type ApiError = { code: 'invalid-args' | 'unknown-method' | 'forbidden' | 'not-found' | 'conflict' | 'internal'; message: string };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A domain failure a handler raises on purpose; the host turns it into `{ ok: false, error }`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
