// The Approvals API: requests for a supervisor's decision, and the decision, which the request's
// approval-requested workflow sends upstream. Policy: only a supervisor decides (the role table, shared/api/roles.ts), and never on their
// own request. The gateway checks both again, from the decision's session token.
import type { Handlers } from '../../shared/api';
import { decideApprovalArgsSchema, type ApprovalRow, type ApprovalsApi } from '../../shared/api/approvals';
import { ApiFailure } from '../../shared/api/result';
import { roleRefusal } from '../../shared/api/roles';
import type { Role } from '../../shared/domain';
import type { Engine } from '../engine/engine';
import type { StoredApproval } from '../store/approvals-repo';
import type { Repos } from '../store/repos';
import type { DecisionHere } from '../workflows/approval-requested';
import type { CommitPath } from './commit-path';

export interface ApprovalHandlerDeps {
  repos: Repos;
  /** The request's approval-requested instance takes the decision. */
  engine: Pick<Engine, 'act'>;
  /** The signed-in person's role: whether the rows read as decidable here. */
  role(): Role | null;
  commit: CommitPath;
}

/** Why this supervisor may not decide the request now (their own, or overtaken), or null when they may. */
function refusal(approval: StoredApproval, user: string): { code: 'forbidden' | 'conflict'; message: string } | null {
  if (approval.requestedBy === user) return { code: 'forbidden', message: `You requested this ${approval.kind}; another supervisor must decide it.` };
  if (approval.status !== 'pending') return { code: 'conflict', message: `Already ${approval.status} by ${approval.decidedBy ?? 'a supervisor'}.` };
  if (approval.pendingDecision && approval.pendingCommandStatus !== 'rejected') {
    return { code: 'conflict', message: `${approval.pendingDecision.by} decided it here; waiting for upstream to confirm.` };
  }
  return null;
}

/** An approval as the person using this app sees it. */
export function approvalRow(approval: StoredApproval, user: string, role: Role | null): ApprovalRow {
  const cannotDecideReason = (role === null ? 'Sign in as a supervisor to decide.' : roleRefusal('approvals.decide', role)?.reason) ?? refusal(approval, user)?.message ?? null;
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
  const { repos } = deps;
  return {
    'approvals.list': (_args, context) => repos.approvals.list().map((approval) => approvalRow(approval, context.user, deps.role())),
    'approvals.decide': (rawArgs, context) => {
      const args = decideApprovalArgsSchema.parse(rawArgs);
      const commandId = deps.commit('approvals.decide', () => {
        const approval = repos.approvals.get(args.approvalId);
        if (!approval) throw new ApiFailure('not-found', `approvalId: no approval request ${args.approvalId}`);
        const refused = refusal(approval, context.user);
        if (refused) throw new ApiFailure(refused.code, `approvalId: ${refused.message}`);
        const decision: DecisionHere = { decision: args.decision, reason: args.reason };
        deps.engine.act('approval-requested', approval.id, 'decide', decision, context.user);
        const decided = repos.approvals.get(approval.id)?.pendingDecision;
        if (!decided) throw new Error(`approval ${approval.id}: the decision was not recorded`);
        return decided.commandId;
      });
      return { commandId };
    },
  } satisfies Handlers<ApprovalsApi>;
}
