// Mints a command and queues it in the outbox with its audit entry, inside the caller's transaction:
// the decision that caused it and the command commit together or not at all.
import type { CanonicalCommand, CommandPayload, CommandType } from '../../shared/commands';
import type { BasedOn } from '../../shared/domain';
import type { Repos } from '../store/repos';

export interface CommandOptions {
  issuedBy: string;
  basedOn?: BasedOn;
  entityId?: string;
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
}

export function queueCommand<T extends CommandType>(deps: CommandQueueDeps, type: T, payload: CommandPayload<T>, options: CommandOptions, now: string): CanonicalCommand {
  // A derived id names one intent: asked for again (a re-decision blocking the same lot, another report
  // of the same order), the command already queued or sent stands.
  const queued = options.commandId === undefined ? undefined : deps.repos.outbox.get(options.commandId);
  if (queued) return queued.command;
  const command = {
    commandId: options.commandId ?? deps.newId(),
    type,
    issuedBy: options.issuedBy,
    issuedAt: now,
    ...(options.basedOn ? { basedOn: options.basedOn } : {}),
    payload,
  } as CanonicalCommand;
  deps.repos.outbox.enqueue(command, deps.routeCommand(type), options.entityId ?? null, now);
  deps.repos.audit.append({ at: now, actor: options.issuedBy, action: `command ${type}`, subject: options.entityId ?? type, detail: { commandId: command.commandId, payload, basedOn: options.basedOn ?? null } });
  return command;
}

