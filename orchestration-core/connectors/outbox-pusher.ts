// Pushes a connector's pending commands upstream in outbox order until each has a reply. Commands on
// different entities are pipelined; commands on the same entity go one at a time, so upstream sees
// them in the order they were decided. A lost reply means re-sending the same commandId: the gateway
// answers duplicate, which counts as success.
import type { CanonicalCommand } from '../../shared/commands';
import type { Clock, Logger } from '../core-ports';
import type { OutboxEntry } from '../store/outbox';
import type { Repos } from '../store/repos';
import { createBackoff } from './backoff';
import type { ReceivedReply, ReplyHandler } from './reply-handler';

export interface OutboxPusherDeps {
  connectorId: string;
  repos: Repos;
  handleReplies: ReplyHandler;
  /** Sends one command and resolves with the raw reply; rejects on timeout or disconnect. */
  send(command: CanonicalCommand): Promise<unknown>;
  clock: Clock;
  logger: Logger;
  /** Commands in flight at once. */
  window?: number;
  onProgress(): void;
  /** Called after each batch is sent: the connector tells the gateway the audit chain's head with it. */
  onBatchSent?(): void;
}

/**
 * Commands in flight at once, unless the connector says otherwise. The replies of a window are recorded
 * in one durable transaction and the gateway commits a window's commands in one, so a wide window
 * means fewer syncs to disk per command (1,024 drained about 1.5 times as fast as 256 here).
 */
export const defaultPushWindow = 1024;

export function createOutboxPusher(deps: OutboxPusherDeps) {
  const { connectorId, repos, clock, logger } = deps;
  const window = deps.window ?? defaultPushWindow;
  const backoff = createBackoff({ initialMs: 200, maxMs: 10_000 });
  const inFlight = new Set<string>();
  let connected = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  /**
   * The first pending commands in outbox order, read once (not once per reply) and dropped as their
   * replies are recorded. SQLite stays the truth: the queue is re-read after a reconnect or a retry,
   * and `inFlight` keeps a re-read from sending a command twice.
   */
  let queue = new Map<string, OutboxEntry>();
  let readUpTo = 0;
  function forgetQueue(): void {
    queue = new Map();
    readUpTo = 0;
  }
  function topUp(): void {
    if (queue.size >= inFlight.size + window) return;
    for (const entry of repos.outbox.pending(connectorId, readUpTo, window * 4)) {
      queue.set(entry.commandId, entry);
      readUpTo = entry.seq;
    }
  }

  function fill(): void {
    if (!connected || stopped || retryTimer) return;
    topUp();
    const busyEntities = new Set<string>();
    const toSend: CanonicalCommand[] = [];
    for (const { commandId, entityId, command } of queue.values()) {
      if (inFlight.size + toSend.length >= window) break;
      if (inFlight.has(commandId)) {
        if (entityId) busyEntities.add(entityId);
        continue;
      }
      if (entityId && busyEntities.has(entityId)) continue;
      if (entityId) busyEntities.add(entityId);
      toSend.push(command);
    }
    if (toSend.length === 0) return;
    repos.outbox.recordAttempts(toSend.map((command) => command.commandId), clock.now().toISOString());
    for (const command of toSend) sendOne(command);
    deps.onBatchSent?.();
  }

  /** Replies received since the last flush: recorded together, one sync to disk for the lot. */
  let received: ReceivedReply[] = [];
  let flushScheduled = false;

  function flushReplies(): void {
    flushScheduled = false;
    const batch = received;
    received = [];
    let failure: string | null = null;
    try {
      const outcomes = deps.handleReplies(connectorId, batch);
      outcomes.forEach((outcome, i) => {
        if (outcome.ok) queue.delete(batch[i]!.commandId);
        else failure = outcome.reason;
      });
    } catch (error) {
      failure = (error as Error).message;
    }
    // Only now, with the replies on disk, may fill() look at these commands again.
    for (const { commandId } of batch) inFlight.delete(commandId);
    if (failure) return scheduleRetry(failure);
    backoff.reset();
    deps.onProgress();
    fill();
  }

  function sendOne(command: CanonicalCommand): void {
    const { commandId } = command;
    inFlight.add(commandId);
    deps
      .send(command)
      .then((raw) => {
        received.push({ commandId, raw, command });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flushReplies);
        }
      })
      .catch((error: unknown) => {
        inFlight.delete(commandId);
        scheduleRetry((error as Error).message);
      });
  }

  function scheduleRetry(reason: string): void {
    if (stopped || retryTimer) return;
    const delay = backoff.next();
    logger.warn('command push failed; retrying', { connector: connectorId, reason, delayMs: delay });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      forgetQueue();
      fill();
    }, delay);
  }

  return {
    /** New commands were queued. */
    kick: fill,
    setConnected(value: boolean): void {
      connected = value;
      forgetQueue();
      if (value) fill();
    },
    stop(): void {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
    inFlightCount: () => inFlight.size,
  };
}
export type OutboxPusher = ReturnType<typeof createOutboxPusher>;
