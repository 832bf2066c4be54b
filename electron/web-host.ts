// The plain-Node host: serves the built renderer over loopback HTTP and bridges the API contract over
// a WebSocket on /api that only a holder of the per-launch token may open. A plain GET on /api tells a
// page whether its token is this launch's, so a stale link is told apart from a host that is down.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '../orchestration-core/core-ports';
import type { Core } from '../orchestration-core/core-types';
import type { UiDensity } from '../shared/api/session';
import { sameSecret } from '../simulator/same-secret';
import { withSessionDensity } from './session-density';
import { createApiDispatcher } from './api-dispatch';
import { consoleLogger } from './console-logger';
import { contentSecurityPolicy } from './content-security-policy';
import type { RendererFiles } from './renderer-files';
import { createStaticFileHandler } from './static-files';
import { attachBridgeSession } from './web-socket-bridge';

/** Loopback only: the token protects the API, but the host is never meant to be reachable from the network. */
export type LoopbackHost = '127.0.0.1' | 'localhost';

export interface WebHostOptions {
  core: Pick<Core, 'handlers' | 'subscribe' | 'caller'>;
  /** The built renderer (dist/renderer), read once at start (readRendererFiles). */
  renderer: RendererFiles;
  /** 0 or absent: a free port. */
  port?: number;
  host?: LoopbackHost;
  /** The settings' ui.density, added to session.current's answer. */
  density?: UiDensity;
  logger?: Logger;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const apiPath = '/api';

function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** 204: the token opens the WebSocket; 401: it never will (a wrong token, or one from an earlier launch). */
function answerTokenCheck(method: string | undefined, accepted: boolean, response: ServerResponse): void {
  const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  if (method !== 'GET' && method !== 'HEAD') response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
  else response.writeHead(accepted ? 204 : 401, headers).end();
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? consoleLogger;
  const token = randomBytes(24).toString('base64url');
  const handlers = options.density === undefined ? options.core.handlers : withSessionDensity(options.core.handlers, options.density);
  const dispatch = createApiDispatcher(handlers, () => options.core.caller(), logger);
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let port = 0;

  // Requests must name this host and port: a page on another origin that rebinds a DNS name to
  // 127.0.0.1 then gets nothing, and a browser page elsewhere cannot open the WebSocket.
  const ownAuthorities = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const isOwnHost = (request: IncomingMessage) => ownAuthorities().includes(request.headers.host ?? '');
  const isOwnOrigin = (origin: string | undefined) =>
    origin === undefined || ownAuthorities().some((authority) => origin === `http://${authority}`);

  const server = createServer();

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${host}:${port}`);
    if (url.pathname !== apiPath) return refuseUpgrade(socket, 404, 'Not Found');
    if (!isOwnHost(request) || !isOwnOrigin(request.headers.origin)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) {
      logger.warn('Refused a WebSocket connection with a wrong or missing token', { remote: request.socket.remoteAddress });
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      attachBridgeSession({ socket: webSocket, dispatch, subscribe: options.core.subscribe.bind(options.core), logger });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;

  // Attached once the port is known, since the CSP names the WebSocket origin.
  const serveStaticFile = createStaticFileHandler({
    files: options.renderer,
    htmlHeaders: { 'Content-Security-Policy': contentSecurityPolicy(ownAuthorities().map((authority) => `ws://${authority}`)) },
  });
  server.on('request', (request, response) => {
    if (!isOwnHost(request)) {
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request');
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === apiPath) {
      answerTokenCheck(request.method, sameSecret(url.searchParams.get('token') ?? '', token), response);
      return;
    }
    serveStaticFile(request, response);
  });

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of webSockets.clients) client.terminate();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
