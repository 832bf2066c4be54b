// One socket.io connection to a gateway (an ERP or a plant): subscribe with cursors, apply the
// snapshot, replay and live events, push the outbox, and report status.
import type { PlanningDataset } from '../store/planning-repo';
import { createPlanningParts } from './planning-parts';
import { io, type Socket } from 'socket.io-client';
import type { ConnectorStatus } from '../../shared/api/connectors';
import type { CanonicalCommand } from '../../shared/commands';
import type { ConnectorSettings } from '../../shared/settings';
import { caughtUpSchema, subscribeAckSchema, syncMessages } from '../../shared/sync-protocol';
import type { Clock, Logger } from '../core-ports';
import type { Repos } from '../store/repos';
import type { EventIngest } from './event-ingest';
import { createOutboxPusher } from './outbox-pusher';
import { auditHeadMessages, type AuditHead } from '../../shared/auth/audit-head';
import { signInMessages, type SignInAnswer, type SignInRequest } from '../../shared/auth/sign-in';
import { createReceivedEvents } from './received-events';
import { createStreamHeads } from './stream-heads';
import type { ReplyHandler } from './reply-handler';

export interface GatewayConnectorDeps {
  settings: ConnectorSettings;
  clientId: string;
  ingest: EventIngest;
  repos: Repos;
  handleReplies: ReplyHandler;
  clock: Clock;
  logger: Logger;
  /** How long to wait for a command's reply before re-sending it. */
  replyTimeoutMs: number;
  onStatusChange(): void;
  /** Something the renderer shows may have changed (events applied, replies recorded). */
  onApplied(): void;
}

/** Sign-in hashes a password at the gateway (tens of milliseconds); a gateway that takes longer is gone. */
const signInTimeoutMs = 10_000;

export function createGatewayConnector(deps: GatewayConnectorDeps) {
  const { settings, ingest, logger, clock } = deps;
  let state: ConnectorStatus['state'] = 'offline';
  let lastSyncAt: string | null = null;
  let lastError: string | null = null;
  let connections = 0;
  const heads = createStreamHeads(() => clock.now());

  const socket: Socket = io(settings.url, {
    auth: { token: settings.token, clientId: deps.clientId },
    transports: ['websocket'],
    autoConnect: false,
    reconnectionDelay: 250,
    reconnectionDelayMax: 5_000,
    randomizationFactor: 0.5,
  });

  const pusher = createOutboxPusher({
    connectorId: settings.id,
    repos: deps.repos,
    handleReplies: deps.handleReplies,
    clock,
    logger,
    send: (command: CanonicalCommand) =>
      socket.connected
        ? socket.timeout(deps.replyTimeoutMs).emitWithAck(syncMessages.command, command)
        : Promise.reject(new Error('not connected')),
    onProgress: () => {
      touch();
      deps.onApplied();
    },
    // With its commands the gateway hears how far the audit chain reached, so a tail cut off later shows.
    onBatchSent: () => {
      const { head, entries } = deps.repos.audit.head();
      socket.emit(auditHeadMessages.report, { head, entries, at: clock.now().toISOString() } satisfies AuditHead);
    },
  });

  function setState(next: ConnectorStatus['state'], error: string | null = lastError): void {
    if (next === state && error === lastError) return;
    state = next;
    lastError = error;
    deps.onStatusChange();
  }

  function touch(): void {
    lastSyncAt = clock.now().toISOString();
    deps.onStatusChange();
  }

  function subscribe(): void {
    const streams = ingest.cursorsFor(settings.streams);
    const epoch = ingest.epoch();
    socket
      .timeout(10_000)
      .emitWithAck(syncMessages.subscribe, epoch === undefined ? { streams } : { streams, epoch })
      .then((raw: unknown) => {
        const ack = subscribeAckSchema.safeParse(raw);
        if (!ack.success) setState('offline', 'subscribe: the gateway answered an unreadable acknowledgement');
        else if (!ack.data.ok) setState('offline', `subscribe: ${ack.data.error}`);
      })
      .catch((error: unknown) => logger.warn('subscribe not acknowledged', { connector: settings.id, error: (error as Error).message }));
  }

  const received = createReceivedEvents({
    apply: (batch) => ingest.applyBatch(batch),
    onApplied: (result) => {
      // Disconnected (applying what came before the drop): the next subscribe asks from the cursors anyway.
      if (socket.connected) for (const gap of result.gaps) socket.emit(syncMessages.replay, gap);
      if (result.applied + result.deadLettered > 0) touch();
      deps.onApplied();
    },
    onFailed: (error) => {
      // The batch rolled back and nothing advanced: ask for it again from our cursors.
      setState(state, `apply failed: ${error.message}`);
      if (socket.connected) subscribe();
      deps.onApplied();
    },
  });

  socket.on('connect', () => {
    connections++;
    setState('catching-up', null);
    subscribe();
    pusher.setConnected(true);
  });
  socket.on('disconnect', (reason) => {
    // What arrived before the connection dropped is in order and complete: apply it.
    received.flush();
    pending = null;
    pusher.setConnected(false);
    setState('offline', reason === 'io client disconnect' ? lastError : `disconnected: ${reason}`);
  });
  socket.on('connect_error', (error) => setState('offline', error.message));

  // A snapshot with planning data waits for its parts; it applies whole or not at all.
  let pending: { snapshot: unknown; parts: ReturnType<typeof createPlanningParts> } | null = null;
  function applySnapshot(raw: unknown, planning?: PlanningDataset): void {
    const outcome = ingest.applySnapshot(raw, planning);
    if (!outcome.ok) setState(state, outcome.reason);
    touch();
    deps.onApplied();
  }
  socket.on(syncMessages.snapshot, (raw: unknown) => {
    received.flush();
    const streams = (raw as { streams?: unknown } | null)?.streams;
    if (typeof streams === 'object' && streams !== null) heads.resetHeads(streams as Record<string, number>);
    const parts = (raw as { planningParts?: unknown } | null)?.planningParts;
    if (typeof parts === 'number' && Number.isInteger(parts) && parts > 0) pending = { snapshot: raw, parts: createPlanningParts(parts) };
    else applySnapshot(raw);
  });
  socket.on(syncMessages.snapshotPart, (raw: unknown) => {
    received.flush();
    if (!pending) return logger.warn('snapshot part without a snapshot; ignored', { connector: settings.id });
    const outcome = pending.parts.add(raw);
    if ('error' in outcome) {
      pending = null;
      setState(state, outcome.error);
      // The cursors stay where they were: the next subscribe (reconnect) asks for the snapshot again.
      ingest.deadLetterSnapshot(raw, outcome.error);
    } else if (outcome.done) {
      const { snapshot } = pending;
      pending = null;
      applySnapshot(snapshot, outcome.dataset);
    }
  });
  // Applied with the messages that follow it in the same turn of the event loop, in one transaction.
  socket.on(syncMessages.events, (raw: unknown) => {
    heads.sawEvents(raw);
    received.add(raw);
  });
  socket.on(syncMessages.caughtUp, (raw: unknown) => {
    received.flush();
    const caughtUp = caughtUpSchema.safeParse(raw);
    if (caughtUp.success) heads.sawHeads(caughtUp.data.streams);
    setState('online');
    touch();
  });

  return {
    id: settings.id,
    start(): void {
      socket.connect();
    },
    /** New commands were queued for this connector. */
    kick: () => pusher.kick(),
    /** Asks the gateway who this is; rejects when it is out of reach (sign-in needs it). */
    async signIn(request: SignInRequest): Promise<SignInAnswer> {
      if (!socket.connected) throw new Error(`the gateway at ${settings.url} is not reachable (${lastError ?? state})`);
      return (await socket.timeout(signInTimeoutMs).emitWithAck(signInMessages.signIn, request)) as SignInAnswer;
    },
    status(): ConnectorStatus {
      return {
        id: settings.id,
        kind: settings.kind,
        url: settings.url,
        state,
        queueDepth: deps.repos.outbox.depth(settings.id),
        lastSyncAt,
        lastError,
        streams: heads.lag(ingest.cursorsFor(settings.streams)),
        reconnects: Math.max(0, connections - 1),
      };
    },
    async stop(): Promise<void> {
      pusher.stop();
      received.clear();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
export type GatewayConnector = ReturnType<typeof createGatewayConnector>;
