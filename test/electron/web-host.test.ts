// The plain-Node host over real loopback sockets, with a small hand-written core double: token
// refusal, the invoke round-trip, event forwarding, static files (read once at start) and path traversal.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { silentLogger } from '../../electron/console-logger';
import { readRendererFiles, type RendererFiles } from '../../electron/renderer-files';
import { startWebHost, type WebHost } from '../../electron/web-host';
import type { Core } from '../../orchestration-core/core-types';
import { ApiFailure, type AppEvents, type AppEventTopic, type QuarantineRow } from '../../shared/api';
import type { BridgeMessage } from '../../shared/api/bridge-protocol';
import { stubHandlers } from '../helpers/handler-stubs';
import { quarantineRow } from '../helpers/quarantine-row';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

const row: QuarantineRow = quarantineRow('L-1', { quantity: 1200, inspectionLotId: 'IL-1', taskId: 't-1' });

/** A Core-shaped event source: the host only needs handlers and subscribe. */
function createCoreDouble() {
  const listeners = new Map<AppEventTopic, Set<(payload: never) => void>>();
  const handlers = stubHandlers({
    'quarantine.list': () => [row],
    'quarantine.disposition': (args, context) => {
      if (args.taskId === 'gone') throw new ApiFailure('not-found', `no task ${args.taskId}`);
      return { commandId: `cmd-${args.taskId}-${context.user}`, containmentCommandIds: [] };
    },
  });
  const core: Pick<Core, 'handlers' | 'subscribe' | 'caller'> = {
    handlers,
    caller: () => ({ user: 'qe.anna', role: 'quality-engineer', expiredAt: null }),
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  return {
    core,
    emit<T extends AppEventTopic>(topic: T, payload: AppEvents[T]) {
      for (const listener of listeners.get(topic) ?? []) (listener as (p: AppEvents[T]) => void)(payload);
    },
    listenerCount: (topic: AppEventTopic) => listeners.get(topic)?.size ?? 0,
  };
}

/** A raw GET, so paths reach the server exactly as written (no client-side normalisation). */
function get(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the bridge socket and collects what it receives. */
async function connect(host: WebHost, token = host.token, origin?: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(token)}`, origin ? { origin } : {});
  const received: BridgeMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as BridgeMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, response) => reject(new Error(`refused with ${response.statusCode}`)));
    socket.once('error', reject);
  });
  async function next(predicate: (message: BridgeMessage) => boolean, timeoutMs = 2000): Promise<BridgeMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(received)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  return { socket, received, next, send: (message: unknown) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)) };
}

let temp: ReturnType<typeof makeTempDir>;
let double: ReturnType<typeof createCoreDouble>;
let host: WebHost;
let renderer: RendererFiles;

beforeEach(async () => {
  temp = makeTempDir('web-host-');
  const rendererDir = temp.file('renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(temp.file('secret.txt'), 'TOP SECRET');
  double = createCoreDouble();
  renderer = await readRendererFiles(rendererDir);
  host = await startWebHost({ core: double.core, renderer, logger: silentLogger });
});

afterEach(async () => {
  await host.close();
  temp.remove();
});

describe('startWebHost', () => {
  it('listens on loopback and puts a fresh token in its URL', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await startWebHost({ core: double.core, renderer, logger: silentLogger });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('refuses a WebSocket with a wrong, missing or foreign-origin token', async () => {
    await expect(connect(host, 'not-the-token')).rejects.toThrow(/refused with 401/);
    await expect(connect(host, '')).rejects.toThrow(/refused with 401/);
    await expect(connect(host, host.token.slice(0, -1))).rejects.toThrow(/refused with 401/);
    await expect(connect(host, host.token, 'http://evil.example')).rejects.toThrow(/refused with 403/);
    const client = await connect(host, host.token, `http://127.0.0.1:${host.port}`);
    client.socket.close();
  });

  it('tells a page over plain HTTP whether its token is this launch\'s', async () => {
    expect((await get(host.port, `/api?token=${host.token}`)).status).toBe(204);
    const refused = await get(host.port, '/api?token=from-an-earlier-launch');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect((await get(host.port, '/api')).status).toBe(401);
    expect((await get(host.port, `/api?token=${host.token}`, { host: 'evil.example' })).status).toBe(421);
  });

  it('answers invoke with the dispatcher result, as the launch user', async () => {
    const client = await connect(host);
    client.send({ kind: 'invoke', id: 1, method: 'quarantine.disposition', args: { taskId: 't-1', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' } });
    client.send({ kind: 'invoke', id: 2, method: 'quarantine.disposition', args: { taskId: 't-1', postings: [{ decision: 'use-as-is', quantity: 5 }], reason: 'fine' } });
    client.send({ kind: 'invoke', id: 3, method: 'quarantine.disposition', args: { taskId: 'gone', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' } });
    client.send({ kind: 'invoke', id: 4, method: 'lots.explode', args: {} });
    const byId = async (id: number) => client.next((m) => m.kind === 'result' && m.id === id);
    expect(await byId(1)).toEqual({ kind: 'result', id: 1, result: { ok: true, value: { commandId: 'cmd-t-1-qe.anna', containmentCommandIds: [] } } });
    expect(await byId(2)).toMatchObject({ result: { ok: false, error: { code: 'invalid-args', message: 'deviationNumber: use-as-is needs a deviation number' } } });
    expect(await byId(3)).toMatchObject({ result: { ok: false, error: { code: 'not-found', message: 'no task gone' } } });
    expect(await byId(4)).toMatchObject({ result: { ok: false, error: { code: 'unknown-method' } } });
    client.socket.close();
  });

  it('survives garbage on the socket and keeps serving it', async () => {
    const client = await connect(host);
    client.send('{not json');
    client.send({ kind: 'teleport' });
    client.send({ kind: 'invoke', id: 7, method: 42 });
    client.send({ kind: 'subscribe', topic: 'secrets.all' });
    expect(await client.next((m) => m.kind === 'result' && m.id === 7)).toMatchObject({ result: { ok: false, error: { code: 'invalid-args' } } });
    client.send({ kind: 'invoke', id: 8, method: 'quarantine.list', args: {} });
    expect(await client.next((m) => m.kind === 'result' && m.id === 8)).toEqual({ kind: 'result', id: 8, result: { ok: true, value: [row] } });
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
  });

  it('answers a request it cannot take with an error naming why, its id echoed, rather than leave the caller waiting', async () => {
    const client = await connect(host);
    client.send({ kind: 'invoke', id: 'seven', method: 'quarantine.list', args: {} });
    expect(await client.next((m) => m.kind === 'refused' && m.id === 'seven')).toEqual({ kind: 'refused', id: 'seven', error: { code: 'invalid-request', message: 'id: expected an integer' } });
    client.send({ kind: 'invoke', id: 1.5, method: 'quarantine.list', args: {} });
    expect(await client.next((m) => m.kind === 'refused' && m.id === 1.5)).toEqual({ kind: 'refused', id: 1.5, error: { code: 'invalid-request', message: 'id: expected an integer' } });
    client.send('{not json');
    expect(await client.next((m) => m.kind === 'refused' && m.id === null)).toMatchObject({ error: { code: 'invalid-request', message: 'the message is not JSON' } });
    // No id, or one that cannot be echoed as sent: still answered, with null.
    client.send({ kind: 'invoke', method: 'quarantine.list', args: {} });
    client.send({ kind: 'invoke', id: { n: 7 }, method: 'quarantine.list', args: {} });
    await waitFor('two refusals of a request without a usable id', () => client.received.filter((m) => m.kind === 'refused' && m.id === null && m.error.message === 'id: expected an integer').length === 2);
    // Nor is a binary frame or a subscription to a topic the host does not push met with silence.
    client.socket.send(Buffer.from(JSON.stringify({ kind: 'invoke', id: 9, method: 'quarantine.list', args: {} })), { binary: true });
    expect(await client.next((m) => m.kind === 'refused' && m.error.message.includes('binary'))).toEqual({ kind: 'refused', id: null, error: { code: 'invalid-request', message: 'the message is binary; the bridge takes JSON text' } });
    client.send({ kind: 'subscribe', topic: 'secrets.all' });
    expect(await client.next((m) => m.kind === 'refused' && m.error.message.startsWith('topic:'))).toEqual({ kind: 'refused', id: null, error: { code: 'invalid-request', message: 'topic: secrets.all is not one the host pushes' } });
    client.socket.close();
  });

  it('forwards subscribed events once per topic, and unsubscribes when the socket closes', async () => {
    const client = await connect(host);
    client.send({ kind: 'subscribe', topic: 'quarantine.rowChanged' });
    client.send({ kind: 'subscribe', topic: 'quarantine.rowChanged' });
    // The invoke answer proves both subscribe messages were handled before the event is sent.
    client.send({ kind: 'invoke', id: 1, method: 'connectors.status', args: {} });
    await client.next((m) => m.kind === 'result');
    expect(double.listenerCount('quarantine.rowChanged')).toBe(1);

    const changed = { ...row, taskState: 'pending-upstream' as const };
    double.emit('quarantine.rowChanged', changed);
    double.emit('connectors.statusChanged', []);
    expect(await client.next((m) => m.kind === 'event')).toEqual({ kind: 'event', topic: 'quarantine.rowChanged', payload: changed });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.received.filter((m) => m.kind === 'event')).toHaveLength(1);

    client.socket.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(double.listenerCount('quarantine.rowChanged')).toBe(0);
  });

  it('serves the renderer with content types, and the CSP on HTML', async () => {
    const index = await get(host.port, '/?token=abc');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain(`ws://127.0.0.1:${host.port}`);
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.body).toContain('<title>app</title>');

    const script = await get(host.port, '/assets/app-1234.js');
    expect(script).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBeUndefined();
    expect((await get(host.port, '/assets/app-1234.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get(host.port, '/assets/missing.js')).status).toBe(404);
    expect((await get(host.port, '/assets')).status).toBe(404);
  });

  it('keeps serving the renderer it read at start when the folder is rebuilt or removed', async () => {
    writeFileSync(temp.file('renderer/index.html'), '<!doctype html><title>rebuilt</title>');
    rmSync(temp.file('renderer/assets'), { recursive: true });
    expect((await get(host.port, '/')).body).toContain('<title>app</title>');
    expect(await get(host.port, '/assets/app-1234.js')).toMatchObject({ status: 200, body: 'console.log(1)' });
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00/../secret.txt', '/%E0%A4%A']) {
      const response = await get(host.port, attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body, attempt).not.toContain('TOP SECRET');
    }
  });

  it('answers only requests addressed to itself', async () => {
    expect((await get(host.port, '/', { host: 'evil.example' })).status).toBe(421);
    expect((await get(host.port, '/', { host: `localhost:${host.port}` })).status).toBe(200);
  });
});
