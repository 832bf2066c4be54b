// Whether a request names this simulator by its own loopback address. A web page in the user's browser
// can reach a loopback port, and a DNS name rebound to 127.0.0.1 can too: the browser then sends a foreign
// Origin, or a foreign Host, and both are refused by the control endpoints and the sync sockets alike.
import type { IncomingHttpHeaders } from 'node:http';

const ownHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];

/** Why the request is not addressed to this simulator on `port`, or undefined when it is. */
export function foreignAddress(headers: IncomingHttpHeaders, port: number): string | undefined {
  const host = headers.host ?? '';
  if (!ownHosts(port).includes(host)) return `Host ${host || '(none)'} is not this simulator's (${ownHosts(port)[0]})`;
  const origin = headers.origin;
  if (origin !== undefined && !ownHosts(port).some((own) => origin === `http://${own}`)) return `Origin ${origin} is not allowed`;
  return undefined;
}
