// Who may drive a simulator's control endpoints: whoever holds its operator token, asking it by its own
// loopback address. A web page in the user's browser can post to a loopback port, and a DNS-rebound
// name can reach it too: a foreign Origin or Host is refused, and so is a body that is not JSON.
import type { IncomingMessage } from 'node:http';
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

const ownHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];

export function checkControlRequest(request: IncomingMessage, guard: ControlGuard): void {
  const port = guard.port();
  const host = request.headers.host ?? '';
  if (!ownHosts(port).includes(host)) throw new ControlRefusal(403, `control: Host ${host || '(none)'} is not this simulator's (${ownHosts(port)[0]})`);
  const origin = request.headers.origin;
  if (origin !== undefined && !ownHosts(port).some((own) => origin === `http://${own}`)) throw new ControlRefusal(403, `control: Origin ${origin} is not allowed`);
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
