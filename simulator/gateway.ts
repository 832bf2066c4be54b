// The reference integration gateway: a socket.io server that plays the ERP and the simulated plants.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import type { Dataset } from '../shared/dataset';
import { describeZodError } from '../shared/describe-error';
import type { EventEnvelope } from '../shared/events';
import { handshakeAuthSchema, syncMessages, syncProtocolVersion, type GatewayAbout, type OpenInspection } from '../shared/sync-protocol';
import type { CommandReply } from '../shared/commands';
import { defaultDeviationNumberPattern } from '../shared/usage-decision';
import { defaultSla, type SlaSettings } from '../shared/sla';
import { defaultCycleCountSettings, type CycleCountSettings } from '../shared/cycle-count';
import { CommandProcessor, type ReceivedCommand } from './command-processor';
import { createControlHandler } from './control-http';
import { GatewayStore } from './gateway-store';
import type { PausedBin } from './cycle-count-book';
import { foreignAddress } from './own-address';
import { sameSecret } from './same-secret';
import { splitAck } from './socket-ack';
import type { Identity } from './identity/identity';
import type { AuditHeadBook } from './audit-heads';
import { answerSignIn } from './identity/sign-in-socket';
import { authorityOf, type Authority } from './identity/command-authority';
import { answerAuditHeads } from './audit-heads';
import { createRandom } from './random';
import type { CommandRecord, DeliveryRecord, ItemRecord, LotRecord } from './records';
import { Scenario, type RawNamespace } from './scenario';
import { namespaceStreams, plantNamespace } from './streams';
import { SyncSession } from './sync-session';

export interface GatewayOptions {
  databasePath: string;
  /** 0 or absent: a free port. */
  port?: number;
  host?: '127.0.0.1';
  token?: string;
  seed?: number;
  /** 0 or absent: no scripted inspection failures. */
  inspectionFailureEveryMs?: number;
  /** Events kept per stream for replay; absent keeps all. */
  retention?: number;
  /** Size of the ERP's planning dataset (1: about 10,000 production orders); 0 or absent: none. */
  planningScale?: number;
  /** What a use-as-is deviation number must look like; default shared/usage-decision's. */
  deviationNumberPattern?: string;
  /** The ERP's SLAs (when a task falls due, and its auto-action) and cycle-count tolerances; defaults as in settings. */
  rules?: { sla?: SlaSettings; cycleCount?: CycleCountSettings };
  /** Serve the HTTP control endpoints, to whoever holds this operator token; absent: none are served. */
  control?: { operatorToken: string };
  /** How long a session token the gateway signs is valid (default 12 hours: one shift). */
  sessionHours?: number;
  /** Seed the demo users (README) into a gateway that has no users yet (default true). */
  demoUsers?: boolean;
  clock?: () => Date;
}

export interface GatewayInspection {
  deliveries(commandId?: string): DeliveryRecord[];
  commands(): CommandRecord[];
  acceptedCount(commandId: string): number;
  streamHead(stream: string): number;
  events(stream: string): EventEnvelope[];
  lot(lotId: string): LotRecord | undefined;
  /** The item master: what lots are of. */
  items(): ItemRecord[];
  /** Failed inspection lots still waiting for a usage decision. */
  openInspections(): OpenInspection[];
  /** The ERP's planning data as it stands, or null when the gateway plays none. */
  planningDataset(): Dataset | null;
  /** The plants the gateway serves (a user's roles name them). */
  plants(): string[];
  /** Bins whose picks the WMS paused for a disputed cycle count. */
  pausedBins(): PausedBin[];
}

export interface Gateway {
  port: number;
  baseUrl: string;
  erpUrl: string;
  plantUrl(plant: string): string;
  close(): Promise<void>;
  scenario: Scenario;
  inspect: GatewayInspection;
  /** Its users and session tokens (the CLI's `users` commands, and tests). */
  identity: Identity;
  /** The audit chain heads workstations reported. */
  auditHeads: AuditHeadBook;
}

interface ClientData {
  clientId: string;
}

function checkOptions(options: GatewayOptions): void {
  const { port, seed, inspectionFailureEveryMs, retention, token } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new Error(`port: ${port} is not a port number (0-65535)`);
  }
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`seed: ${seed} is not an integer`);
  const every = inspectionFailureEveryMs;
  if (every !== undefined && !(Number.isInteger(every) && every >= 0)) {
    throw new Error(`inspectionFailureEveryMs: ${inspectionFailureEveryMs} is not a non-negative integer`);
  }
  if (retention !== undefined && !(Number.isInteger(retention) && retention >= 1)) {
    throw new Error(`retention: ${retention} is not a positive integer`);
  }
  if (token === '') throw new Error('token: must not be empty');
  if (options.control && options.control.operatorToken.length < 8) throw new Error('control.operatorToken: needs 8 characters at least');
  const scale = options.planningScale;
  if (scale !== undefined && !(Number.isFinite(scale) && scale >= 0 && scale <= 100)) throw new Error(`planningScale: ${scale} is not in 0..100`);
}

function authenticate(expectedToken: string) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error(`unauthorized: ${describeZodError(auth.error)}`));
    if (!sameSecret(auth.data.token, expectedToken)) return next(new Error('unauthorized: token: does not match'));
    (socket.data as ClientData).clientId = auth.data.clientId;
    next();
  };
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  checkOptions(options);
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? 'dev-token';
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const store = new GatewayStore({ databasePath: options.databasePath, seed, retention: options.retention, planningScale: options.planningScale ?? 0, clock });
  const identity = await store.openIdentity({ clock, demoUsers: options.demoUsers ?? true, ...(options.sessionHours === undefined ? {} : { sessionHours: options.sessionHours }) });
  const auditHeads = store.auditHeads();
  const rules = { deviationNumberPattern: options.deviationNumberPattern ?? defaultDeviationNumberPattern, sla: options.rules?.sla ?? defaultSla, cycleCount: options.rules?.cycleCount ?? defaultCycleCountSettings };
  const commands = new CommandProcessor(store, clock, rules, identity);
  const sessions = new Map<string, Set<SyncSession>>();

  function wakeSubscribers(streams: ReadonlySet<string>): void {
    for (const group of sessions.values()) for (const session of group) if (session.wants(streams)) session.pump();
  }

  // Seeded, and moved on by the history so far: a restart does not replay the same lots and defects.
  const historyLength = Object.values(store.streamHeads()).reduce((sum, head) => sum + head, 0);
  const scenario = new Scenario({
    store,
    clock,
    random: createRandom(seed + historyLength),
    onAppended: wakeSubscribers,
    emitRaw: (namespace: RawNamespace, message) => {
      for (const session of sessions.get(`/${namespace}`) ?? []) session.emitRaw(message);
    },
    dropReplies: (count, type) => commands.dropReplies(count, type),
  });

  // Commands that arrive together are applied in one transaction (one sync to disk), and every
  // reply leaves only after that commit: a reply still promises its command survives a power cut.
  // Each command's session token is verified first (asynchronously, in arrival order); the batches
  // are applied one after the other, so commands keep the order they came in.
  type Queued = { raw: unknown; clientId: string; authority: Promise<Authority>; ack: ((reply: CommandReply) => void) | undefined };
  let queuedCommands: Queued[] = [];
  let applying: Promise<void> = Promise.resolve();
  let shut = false;
  function queueCommand(command: Omit<Queued, 'authority'>): void {
    if (queuedCommands.length === 0) setImmediate(() => {
        applying = applying.then(flushCommands).catch((error: unknown) => console.error('simulator: a batch of commands failed', error));
      });
    queuedCommands.push({ ...command, authority: authorityOf(command.raw, identity, clock()) });
  }
  async function flushCommands(): Promise<void> {
    if (shut) return;
    const queued = queuedCommands;
    queuedCommands = [];
    const authorities = await Promise.all(queued.map((command) => command.authority.catch((error: unknown) => ({ kind: 'refused' as const, reason: `session: could not be checked (${error instanceof Error ? error.message : String(error)})` }))));
    if (shut) return;
    const batch = queued.map(({ raw, clientId }, i) => ({ raw, clientId, authority: authorities[i]! }));
    let results: (ReceivedCommand | null)[];
    try {
      results = commands.receiveAll(batch);
    } catch {
      // One command broke the batch: apply each on its own; the broken one gets no reply, and its
      // sender retries like after a lost reply.
      results = batch.map((command) => {
        try {
          return commands.receive(command);
        } catch (error) {
          console.error('simulator: a command could not be processed', error);
          return null;
        }
      });
    }
    queued.forEach(({ ack }, i) => {
      const received = results[i];
      if (received?.sendReply) ack?.(received.reply);
    });
    const appended = commands.takeAppendedStreams();
    if (appended.size > 0) wakeSubscribers(appended);
  }

  // The control handler must be the server's listener before socket.io attaches: socket.io wraps the
  // existing listeners and passes them every request that is not its own.
  let listeningPort = 0;
  const guard = options.control ? { operatorToken: options.control.operatorToken, port: () => listeningPort } : null;
  const httpServer = createServer(createControlHandler(scenario, store, guard));
  const io = new Server(httpServer, {
    serveClient: false,
    // The connector token alone would not do: the standalone simulator's default is public (dev-token).
    allowRequest: (request, answer) => {
      const foreign = foreignAddress(request.headers, listeningPort);
      answer(foreign === undefined ? null : `socket: ${foreign}`, foreign === undefined);
    },
  });
  io.of('/').use(authenticate(token));
  for (const [namespace, streams] of namespaceStreams()) {
    const group = new Set<SyncSession>();
    sessions.set(namespace, group);
    const nsp = io.of(namespace);
    nsp.use(authenticate(token));
    nsp.on('connection', (socket) => {
      const session = new SyncSession(socket, store, namespace, streams);
      group.add(session);
      socket.on('disconnect', () => group.delete(session));
      answerSignIn(socket, identity);
      answerAuditHeads(socket, auditHeads, (socket.data as ClientData).clientId);
      socket.on(syncMessages.about, (...args: unknown[]) => {
        const { ack } = splitAck<GatewayAbout>(args);
        ack?.({ protocolVersion: syncProtocolVersion, epoch: store.epochId(), serverTime: clock().toISOString(), plants: store.plants().map((plant) => plant.id) });
      });
      socket.on(syncMessages.command, (...args: unknown[]) => {
        const { message: raw, ack } = splitAck<CommandReply>(args);
        queueCommand({ raw, clientId: (socket.data as ClientData).clientId, ack });
      });
    });
  }

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 0, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await io.close();
    store.close();
    throw error;
  }

  let ticks = 0;
  const timer =
    options.inspectionFailureEveryMs && options.inspectionFailureEveryMs > 0
      ? setInterval(() => {
          try {
            scenario.inspectionFailure();
            // The WMS counts a bin every second tick: now and then one off by more than tolerance.
            if ((ticks += 1) % 2 === 0) scenario.cycleCount();
          } catch (error) {
            console.error('simulator: scripted inspection failure or cycle count failed', error);
          }
        }, options.inspectionFailureEveryMs)
      : undefined;

  const port = (httpServer.address() as AddressInfo).port;
  listeningPort = port;
  const baseUrl = `http://${host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    port,
    baseUrl,
    erpUrl: `${baseUrl}/erp`,
    plantUrl: (plant) => `${baseUrl}${plantNamespace(plant)}`,
    scenario,
    identity,
    auditHeads,
    inspect: {
      deliveries: (commandId) => store.deliveries(commandId),
      commands: () => store.commands(),
      acceptedCount: (commandId) => store.acceptedCount(commandId),
      streamHead: (stream) => store.streamHead(stream),
      events: (stream) => store.allEvents(stream),
      lot: (lotId) => store.lot(lotId),
      items: () => store.items(),
      openInspections: () => store.openInspections(),
      planningDataset: () => store.planningDataset(),
      plants: () => store.plants().map((plant) => plant.id),
      pausedBins: () => store.cycleCounts.pausedBins(),
    },
    close: () => {
      closing ??= (async () => {
        clearInterval(timer);
        const ioClosed = io.close();
        httpServer.closeAllConnections();
        await ioClosed;
        await applying;
        shut = true;
        store.close();
      })();
      return closing;
    },
  };
}
