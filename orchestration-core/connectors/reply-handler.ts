// Records a gateway reply durably: outbox row, the command's effect on the cache, audit, and the
// workflow waiting for it, in one transaction. A second reply for the same command changes nothing.
import { commandReplySchema, type CommandReply } from '../../shared/commands';
import { describeZodError } from '../../shared/describe-error';
import type { Clock } from '../core-types';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Engine } from '../engine/engine';
import { projectAcceptedCommand } from '../model/lot-projection';
import { projectAcceptedPlanningCommand } from '../model/planning-projection';
import type { Store } from '../store/open-store';
import type { Repos } from '../store/repos';

export interface ReplyHandlerDeps {
  store: Store;
  repos: Repos;
  engine: Engine;
  changes: ChangeTracker;
  clock: Clock;
}

export type ReplyOutcome = { ok: true; reply: CommandReply } | { ok: false; reason: string };

export function createReplyHandler(deps: ReplyHandlerDeps) {
  const { store, repos, engine, changes, clock } = deps;

  return function handleReply(connectorId: string, commandId: string, raw: unknown): ReplyOutcome {
    const at = clock.now().toISOString();
    const parsed = commandReplySchema.safeParse(raw);
    const reason = !parsed.success
      ? `reply: ${describeZodError(parsed.error)}`
      : parsed.data.commandId !== commandId
        ? `reply: commandId ${parsed.data.commandId} answers a different command (${commandId})`
        : null;
    if (reason !== null || !parsed.success) {
      store.transaction(() =>
        repos.deadLetters.record({ connector: connectorId, stream: null, seq: null, eventId: commandId, reason: reason ?? 'reply: invalid', raw, receivedAt: at }),
      );
      return { ok: false, reason: reason ?? 'reply: invalid' };
    }
    const reply = parsed.data;
    try {
      store.durableTransaction(() => {
        const entry = repos.outbox.get(commandId);
        if (!entry || !repos.outbox.recordReply(reply, at)) return;
        // A rejection leaves the version alone: what changed upstream reaches the cache as events, and
        // a re-decision must be based on the state the engineer has actually seen.
        if (reply.status === 'accepted' || reply.status === 'duplicate') {
          projectAcceptedCommand(entry.command, reply.version, repos, changes, at);
          projectAcceptedPlanningCommand(entry.command, repos, changes);
        }
        repos.audit.append({ at, actor: `gateway:${connectorId}`, action: `reply ${reply.status}`, subject: entry.type, detail: { commandId, reason: reply.reason ?? null, version: reply.version ?? null } });
        engine.onReply(reply, entry.command);
      });
    } catch (error) {
      changes.discard();
      throw error;
    }
    return { ok: true, reply };
  };
}
export type ReplyHandler = ReturnType<typeof createReplyHandler>;
