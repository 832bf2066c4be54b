// Records a gateway reply durably: outbox row, the command's effect on the cache, audit, and the
// workflow waiting for it, in one transaction. A second reply for the same command changes nothing.
import { commandReplySchema, type CanonicalCommand, type CommandReply } from '../../shared/commands';
import { describeZodError } from '../../shared/describe-error';
import type { Clock } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Engine } from '../engine/engine';
import { replyProjections } from '../projections/reply-projections';
import type { Store } from '../store/open-store';
import { commandCorrelation } from '../store/audit-log';
import type { Repos } from '../store/repos';

export interface ReplyHandlerDeps {
  store: Store;
  repos: Repos;
  engine: Engine;
  changes: ChangeTracker;
  clock: Clock;
}

export type ReplyOutcome = { ok: true; reply: CommandReply } | { ok: false; reason: string };

export interface ReceivedReply {
  commandId: string;
  raw: unknown;
  /** The command as it was sent, when the caller has it: saves reading it back from the outbox. */
  command?: CanonicalCommand;
}

export function createReplyHandler(deps: ReplyHandlerDeps) {
  const { store, repos, engine, changes, clock } = deps;

  function check(commandId: string, raw: unknown): ReplyOutcome {
    const parsed = commandReplySchema.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: `reply: ${describeZodError(parsed.error)}` };
    if (parsed.data.commandId !== commandId) return { ok: false, reason: `reply: commandId ${parsed.data.commandId} answers a different command (${commandId})` };
    return { ok: true, reply: parsed.data };
  }

  function record(connectorId: string, commandId: string, reply: CommandReply, at: string, sent: CanonicalCommand | undefined): void {
    const queued = repos.outbox.get(commandId);
    const command = sent ?? queued?.command;
    // recordReply changes nothing when the command is not pending (unknown, or replied before).
    if (!command || !repos.outbox.recordReply(reply, at)) return;
    for (const project of replyProjections) project(command, reply, { repos, changes, at });
    repos.audit.append({
      at,
      actor: `gateway:${connectorId}`,
      action: `reply ${reply.status}`,
      subject: queued?.subject ?? command.type,
      detail: { commandId, reason: reply.reason ?? null, version: reply.version ?? null },
      correlationId: commandCorrelation(command, queued?.subject ?? null),
    });
    engine.onReply(reply, command);
  }

  /**
   * Records replies that arrived together in ONE durable transaction (one sync to disk for a window
   * of replies); unreadable ones go to the dead letters. A second reply for a command changes nothing.
   */
  return function handleReplies(connectorId: string, received: readonly ReceivedReply[]): ReplyOutcome[] {
    const at = clock.now().toISOString();
    const outcomes = received.map(({ commandId, raw }) => check(commandId, raw));
    const invalid = received.filter((_, i) => !outcomes[i]!.ok);
    if (invalid.length > 0) {
      store.transaction(() => {
        received.forEach(({ commandId, raw }, i) => {
          const outcome = outcomes[i]!;
          if (!outcome.ok) repos.deadLetters.record({ connector: connectorId, stream: null, seq: null, eventId: commandId, reason: outcome.reason, raw, receivedAt: at });
        });
      });
    }
    if (outcomes.some((outcome) => outcome.ok)) {
      try {
        store.durableTransaction(() => {
          received.forEach(({ commandId, command }, i) => {
            const outcome = outcomes[i]!;
            if (outcome.ok) record(connectorId, commandId, outcome.reply, at, command);
          });
        });
      } catch (error) {
        changes.discard();
        throw error;
      }
    }
    return outcomes;
  };
}
export type ReplyHandler = ReturnType<typeof createReplyHandler>;
