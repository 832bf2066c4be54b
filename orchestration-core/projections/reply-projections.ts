// What a gateway's reply to a command changes in the cache, one projection per concern; the reply
// handler runs every one in the reply's transaction and knows none of them by name.
import type { CanonicalCommand, CommandReply } from '../../shared/commands';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Repos } from '../store/repos';
import { projectAcceptedCommand } from './lot-projection';
import { projectAcceptedPlanningCommand } from './planning-projection';

export interface ReplyProjectionContext {
  repos: Repos;
  changes: ChangeTracker;
  /** When the reply was recorded (ISO). */
  at: string;
}

export type ReplyProjection = (command: CanonicalCommand, reply: CommandReply, ctx: ReplyProjectionContext) => void;

/**
 * Accepted upstream (or a duplicate of an accepted one): the lot and the plan as the command left them.
 * A rejection leaves the version alone: what changed upstream reaches the cache as events, and a
 * re-decision must be based on the state the engineer has actually seen.
 */
const acceptedEffects: ReplyProjection = (command, reply, { repos, changes, at }) => {
  if (reply.status !== 'accepted' && reply.status !== 'duplicate') return;
  projectAcceptedCommand(command, reply.version, repos, changes, at);
  projectAcceptedPlanningCommand(command, repos, changes);
};

export const replyProjections: readonly ReplyProjection[] = [acceptedEffects];
