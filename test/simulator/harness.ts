// Shared test setup: temporary database files, gateways and socket.io clients, all closed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { io, type Socket } from 'socket.io-client';
import type { CommandEnvelope, CommandReply } from '../../shared/commands';
import type { EventEnvelope } from '../../shared/events';
import {
  syncMessages,
  type CaughtUp,
  type HandshakeAuth,
  type Snapshot,
  type StreamCursors,
  type SubscribeAck,
} from '../../shared/sync-protocol';
import { startGateway, type Gateway, type GatewayOptions } from '../../simulator/gateway';
import type { Role } from '../../shared/domain';
import { putUser, testPassword } from '../helpers/signed-in';

const cleanups: (() => Promise<void> | void)[] = [];

/** Register in each test file: afterEach(closeAll). Closes clients first, then gateways, then removes files. */
export async function closeAll(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()?.();
}

/** Runs fn in the next closeAll, before what was registered earlier. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export function tempDatabasePath(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'simulator-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'simulator.sqlite');
}

/** The operator token test gateways serve their control endpoints under, and the headers a control call sends. */
export const testOperatorToken = 'test-operator-token';
export const controlHeaders = { authorization: `Bearer ${testOperatorToken}`, 'content-type': 'application/json' } as const;

export async function startTestGateway(options: Partial<GatewayOptions> = {}): Promise<Gateway> {
  const gateway = await startGateway({ databasePath: options.databasePath ?? tempDatabasePath(), control: { operatorToken: testOperatorToken }, ...options });
  cleanups.push(() => gateway.close());
  return gateway;
}

export const fixedClock = (): Date => new Date('2025-03-14T09:30:00.000Z');

/** A purchased item of the gateway's master data in the given unit: what a test receives. */
export function purchasedItem(gateway: Gateway, unit = 'EA'): { id: string; unit: string; supplierId: string } {
  const item = gateway.inspect.items().find((candidate) => candidate.supplierId !== undefined && candidate.unit === unit);
  if (!item?.supplierId) throw new Error(`the gateway's master data has no purchased item in ${unit}`);
  return { id: item.id, unit: item.unit, supplierId: item.supplierId };
}

/** Polls until check() is truthy; fails naming what it waited for. */
export async function waitUntil<T>(check: () => T, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export type Received =
  | { kind: 'events'; batch: unknown[] }
  | { kind: 'snapshot'; snapshot: Snapshot }
  | { kind: 'caughtUp'; caughtUp: CaughtUp };

export interface TestClient {
  socket: Socket;
  /** Every sync message in arrival order. */
  received: Received[];
  events(stream?: string): EventEnvelope[];
  snapshots(): Snapshot[];
  caughtUps(): CaughtUp[];
  subscribe(streams: StreamCursors): Promise<SubscribeAck>;
  command(command: unknown, timeoutMs?: number): Promise<CommandReply>;
  close(): void;
}

export const defaultAuth: HandshakeAuth = { token: 'dev-token', clientId: 'ws-qe-01' };

/**
 * A session token for `user`, signed by the gateway as at a sign-in (the user is put there with
 * `role` at every plant): what a person's command must carry.
 */
export async function sessionFor(gateway: Gateway, user: string, role: Role): Promise<string> {
  await putUser(gateway, user, role);
  const answer = await gateway.identity.signIn({ user, password: testPassword });
  if (!answer.ok) throw new Error(`${user} could not sign in: ${answer.reason}`);
  return answer.token;
}

/** A command as `user` sends it from a signed-in workstation: with their session token. */
export async function signed<C extends object>(gateway: Gateway, user: string, role: Role, command: C): Promise<C & { session: string }> {
  return { ...command, session: await sessionFor(gateway, user, role) };
}

function attach(socket: Socket): TestClient {
  const received: Received[] = [];
  socket.on(syncMessages.events, (batch: unknown[]) => received.push({ kind: 'events', batch }));
  socket.on(syncMessages.snapshot, (snapshot: Snapshot) => received.push({ kind: 'snapshot', snapshot }));
  socket.on(syncMessages.caughtUp, (caughtUp: CaughtUp) => received.push({ kind: 'caughtUp', caughtUp }));
  return {
    socket,
    received,
    events: (stream) =>
      received
        .flatMap((message) => (message.kind === 'events' ? (message.batch as EventEnvelope[]) : []))
        .filter((event) => stream === undefined || event.stream === stream),
    snapshots: () => received.flatMap((message) => (message.kind === 'snapshot' ? [message.snapshot] : [])),
    caughtUps: () => received.flatMap((message) => (message.kind === 'caughtUp' ? [message.caughtUp] : [])),
    subscribe: (streams) => socket.timeout(5000).emitWithAck(syncMessages.subscribe, { streams }) as Promise<SubscribeAck>,
    command: (command, timeoutMs = 5000) =>
      socket.timeout(timeoutMs).emitWithAck(syncMessages.command, command) as Promise<CommandReply>,
    close: () => socket.disconnect(),
  };
}

/** The role a test user acts in, by the prefix of their name: sv. supervisor, pl. planner, op. operator, else quality engineer. */
export function roleOfTestUser(user: string): Role {
  if (user.startsWith('sv.')) return 'supervisor';
  if (user.startsWith('pl.')) return 'planner';
  if (user.startsWith('op.')) return 'operator';
  return 'quality-engineer';
}

/**
 * A client whose commands are each sent as from a signed-in workstation: with the session token of
 * the user the command names (in the role their name says), unless it carries a session already.
 */
export async function connectSignedClient(gateway: Gateway, url: string, auth: unknown = defaultAuth): Promise<TestClient> {
  const client = await connectClient(url, auth);
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (user: string) => {
    const known = tokens.get(user);
    if (known) return known;
    const made = sessionFor(gateway, user, roleOfTestUser(user));
    tokens.set(user, made);
    return made;
  };
  const send = client.command;
  return {
    ...client,
    async command(command, timeoutMs) {
      const body = command as { issuedBy?: unknown; issuedAt?: unknown; session?: unknown };
      if (body.session !== undefined || typeof body.issuedBy !== 'string' || body.issuedBy === 'system') return send(command, timeoutMs);
      const session = await tokenOf(body.issuedBy);
      // A test's command is made before its user signs in here: it counts as decided once they had.
      const signedInAt = decodeJwt(session).iat! * 1000;
      const issuedAt = typeof body.issuedAt === 'string' && Date.parse(body.issuedAt) < signedInAt ? new Date(signedInAt).toISOString() : body.issuedAt;
      return send({ ...body, issuedAt, session }, timeoutMs);
    },
  };
}

/** Connects and resolves once the handshake is accepted; rejects with the server's refusal. */
export async function connectClient(url: string, auth: unknown = defaultAuth): Promise<TestClient> {
  const socket = io(url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  cleanups.push(() => {
    socket.disconnect();
  });
  const client = attach(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return client;
}

export function lotCommand(
  type: 'lot.setStatus' | 'lot.disposition',
  payload: Record<string, unknown>,
  extra: Partial<CommandEnvelope> = {},
): CommandEnvelope {
  return {
    commandId: `cmd-${Math.random().toString(36).slice(2, 10)}`,
    type,
    issuedBy: 'anna.keller',
    issuedAt: new Date().toISOString(),
    payload,
    ...extra,
  };
}

/** Seqs of one stream as received: the protocol's promise is exactly 1..n (or from a cursor), in order. */
export const seqs = (events: readonly EventEnvelope[]): number[] => events.map((event) => event.seq);
export const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
