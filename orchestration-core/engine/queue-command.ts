// Mints a command and queues it in the outbox with its audit entry, inside the caller's transaction:
// the decision that caused it and the command commit together or not at all.
import type { CanonicalCommand, CommandPayload, CommandType } from '../../shared/commands';
import type { BasedOn } from '../../shared/domain';
import { commandCorrelation } from '../store/audit-log';
import type { Repos } from '../store/repos';

export interface CommandOptions {
  issuedBy: string;
  /**
   * A follow-up a workflow sends for a person later (the substitution after its approval): the id of
   * that person's command, whose issuer the gateway gives it. Without it, the command carries the
   * session token of `issuedBy` if they are the one signed in now.
   */
  onBehalfOf?: string;
  basedOn?: BasedOn;
  /** The entity whose upstream version the command changes: counted as pending on it until replied. */
  entityId?: string;
  /**
   * What the command is about when it changes no entity's version (a move task or a supplier case for
   * a lot): its audit entries and their reply name it, and share its correlation.
   */
  about?: string;
  /**
   * For commands a workflow sends on its own in answer to an event: derived from the event, so every
   * workstation that hears it sends the same commandId and the gateway applies it once.
   */
  commandId?: string;
}

export interface CommandQueueDeps {
  repos: Repos;
  newId: () => string;
  /** The connector that carries commands of this type upstream. */
  routeCommand: (type: CommandType) => string;
  /** The session token of `user` if they are signed in here and it holds at `at`. */
  sessionToken?: (user: string, at: Date) => string | undefined;
}

export function queueCommand<T extends CommandType>(deps: CommandQueueDeps, type: T, payload: CommandPayload<T>, options: CommandOptions, now: string): CanonicalCommand {
  // A derived id names one intent: asked for again (a re-decision blocking the same lot, another report
  // of the same order), the command already queued or sent stands.
  const queued = options.commandId === undefined ? undefined : deps.repos.outbox.get(options.commandId);
  if (queued) return queued.command;
  // Made now, the token valid now goes with it: sent hours later from an offline floor, it still proves who decided.
  const session = options.onBehalfOf === undefined && options.issuedBy !== 'system' ? deps.sessionToken?.(options.issuedBy, new Date(now)) : undefined;
  const command = {
    commandId: options.commandId ?? deps.newId(),
    type,
    issuedBy: options.issuedBy,
    issuedAt: now,
    ...(options.basedOn ? { basedOn: options.basedOn } : {}),
    payload,
    ...(session === undefined ? {} : { session }),
    ...(options.onBehalfOf === undefined ? {} : { onBehalfOf: options.onBehalfOf }),
  } as CanonicalCommand;
  const subject = options.entityId ?? options.about ?? null;
  deps.repos.outbox.enqueue(command, deps.routeCommand(type), options.entityId ?? null, now, subject);
  deps.repos.audit.append({
    at: now,
    actor: options.issuedBy,
    action: `command ${type}`,
    subject: subject ?? type,
    detail: { commandId: command.commandId, payload, basedOn: options.basedOn ?? null, ...(options.onBehalfOf === undefined ? {} : { onBehalfOf: options.onBehalfOf }) },
    correlationId: commandCorrelation(command, subject),
  });
  return command;
}

