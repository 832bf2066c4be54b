// Who may drive a simulator's control endpoints: whoever holds its operator token, asking it by its own
// loopback address (own-address.ts). A form on a web page can post text/plain without asking first, so
// a body that is not JSON is refused too.
import type { IncomingMessage } from 'node:http';
import { foreignAddress } from './own-address';
import { sameSecret } from './same-secret';

export class ControlRefusal extends Error {
  constructor(
    readonly status: 401 | 403 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlGuard {
  operatorToken: string;
  /** The port the gateway listens on, once it does: its own origins are http://127.0.0.1:PORT and http://localhost:PORT. */
  port(): number;
}

export function checkControlRequest(request: IncomingMessage, guard: ControlGuard): void {
  const foreign = foreignAddress(request.headers, guard.port());
  if (foreign !== undefined) throw new ControlRefusal(403, `control: ${foreign}`);
  const authorization = request.headers.authorization ?? '';
  if (!authorization.startsWith('Bearer ')) throw new ControlRefusal(401, 'control: operator token missing (Authorization: Bearer TOKEN)');
  if (!sameSecret(authorization.slice('Bearer '.length), guard.operatorToken)) throw new ControlRefusal(401, 'control: operator token does not match');
  const length = Number(request.headers['content-length'] ?? 0);
  const chunked = request.headers['transfer-encoding'] !== undefined;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (request.method === 'POST' && (length > 0 || chunked) && type !== 'application/json') {
    throw new ControlRefusal(415, `control: a body must be application/json, not ${type || 'untyped'}`);
  }
}
