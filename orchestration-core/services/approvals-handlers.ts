// The Approvals API: requests for a supervisor's decision, and the decision, which goes upstream as
// a command. Policy: only a supervisor decides, and never on their own request. The gateway refuses
// a requester's decision too; the role is this workstation's setting, checked here only.
import type { Handlers } from '../../shared/api';
import { decideApprovalArgsSchema, type ApprovalRow, type ApprovalsApi } from '../../shared/api/approvals';
import { ApiFailure } from '../../shared/api/result';
import type { CommandType } from '../../shared/commands';
import type { Role } from '../../shared/domain';
import type { Clock } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import { queueCommand } from '../engine/queue-command';
import type { StoredApproval } from '../store/approvals-repo';
import type { Store } from '../store/open-store';
import type { Repos } from '../store/repos';

export interface ApprovalHandlerDeps {
  store: Store;
  repos: Repos;
  changes: ChangeTracker;
  clock: Clock;
  newId: () => string;
  routeCommand: (type: CommandType) => string;
  role: Role;
  /** Called after a decision committed: push the changes, wake the outbox. */
  afterDecision(): void;
}

/** Why this user may not decide the request now (forbidden by policy, or overtaken), or null when they may. */
function refusal(approval: StoredApproval, user: string, role: Role): { code: 'forbidden' | 'conflict'; message: string } | null {
  if (role !== 'supervisor') return { code: 'forbidden', message: `Only a supervisor can decide; you are signed in as a ${role.replace('-', ' ')}.` };
  if (approval.requestedBy === user) return { code: 'forbidden', message: `You requested this ${approval.kind}; another supervisor must decide it.` };
  if (approval.status !== 'pending') return { code: 'conflict', message: `Already ${approval.status} by ${approval.decidedBy ?? 'a supervisor'}.` };
  if (approval.pendingDecision && approval.pendingCommandStatus !== 'rejected') {
    return { code: 'conflict', message: `${approval.pendingDecision.by} decided it here; waiting for upstream to confirm.` };
  }
  return null;
}

/** An approval as the person using this app sees it. */
export function approvalRow(approval: StoredApproval, user: string, role: Role): ApprovalRow {
  const cannotDecideReason = refusal(approval, user, role)?.message ?? null;
  const { taskId: _taskId, pendingCommandStatus, pendingCommandRefusal, pendingDecision, substitutionRefused: _substitutionRefused, ...rest } = approval;
  return {
    ...rest,
    pendingDecision: pendingDecision && pendingCommandStatus === 'pending' ? { decision: pendingDecision.decision, by: pendingDecision.by, at: pendingDecision.at } : null,
    refusedUpstream: pendingDecision && pendingCommandStatus === 'rejected' ? (pendingCommandRefusal ?? 'refused upstream') : null,
    canDecide: cannotDecideReason === null,
    cannotDecideReason,
  };
}

export function createApprovalsHandlers(deps: ApprovalHandlerDeps) {
  const { store, repos } = deps;
  return {
    'approvals.list': (_args, context) => repos.approvals.list().map((approval) => approvalRow(approval, context.user, deps.role)),
    'approvals.decide': (rawArgs, context) => {
      const args = decideApprovalArgsSchema.parse(rawArgs);
      let commandId: string;
      try {
        commandId = store.durableTransaction(() => {
          const approval = repos.approvals.get(args.approvalId);
          if (!approval) throw new ApiFailure('not-found', `approvalId: no approval request ${args.approvalId}`);
          const refused = refusal(approval, context.user, deps.role);
          if (refused) throw new ApiFailure(refused.code, `approvalId: ${refused.message}`);
          const now = deps.clock.now().toISOString();
          const command = queueCommand(deps, 'approval.decide', { approvalId: approval.id, decision: args.decision, reason: args.reason }, { issuedBy: context.user, entityId: approval.id }, now);
          repos.approvals.decideHere(approval.id, args.decision, context.user, now, command.commandId);
          deps.changes.approvalChanged(approval.id);
          return command.commandId;
        });
      } catch (error) {
        deps.changes.discard();
        throw error;
      }
      deps.afterDecision();
      return { commandId };
    },
  } satisfies Handlers<ApprovalsApi>;
}
