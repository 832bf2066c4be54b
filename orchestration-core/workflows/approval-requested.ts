// Someone asked for a supervisor's approval (a substitution, a use-as-is under a deviation, or a transfer above the threshold). Every workstation hears the
// request from the gateway: it lists it for supervisors with an SLA, and closes it when the gateway
// publishes the decision, whichever workstation made it. A supervisor here decides through the
// instance's `decide` action: the decision goes upstream as approval.decide and waits for the gateway's
// reply or the published decision (a refused one may be decided again); the requester's own is refused
// by the Approvals API and upstream.
// When the request answers an exception that is still open here (a planner on another workstation
// chose the substitution), this workstation's planner task steps aside until the decision: approved,
// the exception is resolved here too; rejected, the task is open again.
import { approvalSlaType, slaDueAt } from '../../shared/sla';
import { commandIdFor } from '../engine/derived-ids';
import { defineWorkflow, waitForEvent, waitForReply, waitUntil, type Wait, type WorkflowContext } from '../engine/workflow';

interface ApprovalState {
  approvalId: string;
  taskId: string;
  /** This workstation's open exception the request answers, and its planner task set aside meanwhile. */
  setAside?: { exceptionId: string; taskId: string; instanceId: string };
}

/** What a supervisor decides here (validated by the Approvals API). */
export interface DecisionHere {
  decision: 'approve' | 'reject';
  reason: string;
}

/** Until the gateway publishes the decision: whichever workstation makes it, this instance hears it. */
const untilDecided = (approvalId: string): Wait => waitForEvent('approval.decided', approvalId, 'decided');

/** Until decided, or until the SLA passes: then supervisors everywhere are told, once. */
const untilDecidedOrDue = (approvalId: string, dueAt: string): Wait[] => [untilDecided(approvalId), waitUntil(dueAt, 'overdue')];

export const approvalRequested = defineWorkflow<ApprovalState, 'approval.requested'>({
  name: 'approval-requested',
  version: 1,
  trigger: 'approval.requested',
  correlationKey: (event) => event.payload.approvalId,
  resumeKeys: { 'approval.decided': (event) => event.payload.approvalId },

  start(event, ctx) {
    const p = event.payload;
    ctx.repos.approvals.request({
      id: p.approvalId,
      kind: p.kind,
      subject: p.subject,
      requestedBy: p.requestedBy,
      requestedAt: p.requestedAt,
      substitution: p.kind === 'substitution' ? p.substitution : null,
      deviation: p.kind === 'use-as-is' ? p.deviation : null,
      transfer: p.kind === 'transfer' ? p.transfer : null,
      adjustment: p.kind === 'adjustment' ? p.adjustment : null,
      exceptionId: p.kind === 'substitution' ? (p.exceptionId ?? null) : null,
      projected: p.kind === 'substitution' ? (p.projected ?? null) : null,
      baseline: p.kind === 'substitution' ? (p.baseline ?? null) : null,
    });
    // Counted from the request, not from when this workstation heard of it: workstations with the same
    // settings fall due together, and the gateway escalates nothing not due by its own clock.
    const dueAt = slaDueAt(ctx.policy.sla, approvalSlaType[p.kind], p.requestedAt);
    const taskKinds = { substitution: 'approve-substitution', 'use-as-is': 'approve-deviation', transfer: 'approve-transfer', adjustment: 'approve-adjustment' } as const;
    const taskId = ctx.openTask({ kind: taskKinds[p.kind], role: 'supervisor', subject: p.subject, requestedBy: p.requestedBy, dueAt });
    ctx.repos.approvals.attachTask(p.approvalId, taskId);
    ctx.changed('approval', p.approvalId);
    // Every workstation's Quarantine shows the lot awaiting the supervisor, not awaiting a decision.
    if (p.kind === 'use-as-is') ctx.changed('lot', p.deviation.lotId);
    const setAside = p.kind !== 'substitution' || p.exceptionId === undefined ? undefined : setAsideLocalException(p.exceptionId, { by: p.requestedBy, at: p.requestedAt }, ctx);
    return { state: { approvalId: p.approvalId, taskId, ...(setAside ? { setAside } : {}) }, wait: untilDecidedOrDue(p.approvalId, dueAt) };
  },

  actions: {
    /** A supervisor here decided: upstream decides whose decision stands (the first, and never the requester's). */
    decide(state, signal, ctx) {
      if (signal.kind !== 'action') throw new Error(`decide: expected an action, got ${signal.kind}`);
      const { decision, reason } = signal.input as DecisionHere;
      const commandId = ctx.emit('approval.decide', { approvalId: state.approvalId, decision, reason }, { issuedBy: signal.user, entityId: state.approvalId });
      ctx.repos.approvals.decideHere(state.approvalId, decision, signal.user, ctx.now, commandId);
      ctx.changed('approval', state.approvalId);
      return { state, wait: [untilDecided(state.approvalId), waitForReply(commandId, 'decisionReplied')] };
    },
  },

  steps: {
    /**
     * Nobody decided within the SLA: escalated upstream under an id every workstation derives alike, so
     * the gateway takes it once whichever workstation's timer fired first (while the app was closed, at
     * its next start). The row shows it escalated once the gateway's event comes back.
     */
    overdue(state, signal, ctx) {
      if (signal.kind !== 'timer') throw new Error(`overdue: expected a timer, got ${signal.kind}`);
      const approval = ctx.repos.approvals.get(state.approvalId);
      if (approval && approval.status === 'pending' && !ctx.repos.escalations.get(state.approvalId)) {
        const taskType = approvalSlaType[approval.kind];
        ctx.emit(
          'escalation.raise',
          { subjectId: approval.id, taskType, subject: approval.subject, plant: approval.plant, dueAt: signal.dueAt },
          { issuedBy: 'system', about: approval.id, commandId: commandIdFor(approval.id, 'escalation') },
        );
        ctx.record('escalation raised', { dueAt: signal.dueAt, taskType });
      }
      return { state, wait: untilDecided(state.approvalId) };
    },

    /** Accepted, the published decision follows; refused (decided elsewhere first, say), the row shows why and a supervisor may decide again. */
    decisionReplied(state, _signal, ctx) {
      ctx.changed('approval', state.approvalId);
      // Refused (decided elsewhere first, say) and still undecided here: its SLA runs on.
      const approval = ctx.repos.approvals.get(state.approvalId);
      const dueAt = approval?.status === 'pending' && !ctx.repos.escalations.get(state.approvalId) ? approval.dueAt : null;
      return { state, wait: dueAt ? untilDecidedOrDue(state.approvalId, dueAt) : untilDecided(state.approvalId) };
    },

    decided(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'approval.decided') throw new Error(`decided: expected approval.decided, got ${signal.kind}`);
      const p = signal.event.payload;
      ctx.repos.approvals.decided(state.approvalId, p.decision, p.decidedBy, p.decidedAt, p.reason);
      ctx.repos.tasks.complete(state.taskId, p.decidedBy, p.decidedAt);
      ctx.audit(p.decidedBy, p.decision === 'approve' ? 'approval approved' : 'approval rejected', state.approvalId, { reason: p.reason });
      ctx.changed('approval', state.approvalId);
      const deviation = ctx.repos.approvals.get(state.approvalId)?.deviation;
      if (deviation) ctx.changed('lot', deviation.lotId);
      if (state.setAside) {
        const { exceptionId, taskId, instanceId } = state.setAside;
        if (p.decision === 'approve') {
          // Answered on another workstation: this one's supplier-delay instance has nothing left to do.
          const requestedBy = ctx.repos.approvals.get(state.approvalId)?.requestedBy ?? p.decidedBy;
          ctx.repos.exceptions.chooseResponse(exceptionId, { responseId: 'substitute', by: requestedBy, at: p.decidedAt, note: null });
          ctx.cancelInstance(instanceId, `substitution approved on ${state.approvalId}, requested elsewhere`);
        } else {
          ctx.repos.tasks.reopen(taskId);
          ctx.repos.exceptions.reopen(exceptionId, taskId);
        }
        ctx.changed('exception', exceptionId);
      }
      return { state, end: 'completed' };
    },
  },
});

/** Another workstation's planner answered an exception still open here: no second answer meanwhile. */
function setAsideLocalException(exceptionId: string, requested: { by: string; at: string }, ctx: WorkflowContext): ApprovalState['setAside'] {
  const local = ctx.repos.exceptions.get(exceptionId);
  const taskId = local?.row.taskId;
  if (!local || local.row.status !== 'open' || !taskId || ctx.repos.tasks.get(taskId)?.status !== 'open') return undefined;
  ctx.repos.tasks.cancel(taskId, ctx.now);
  ctx.repos.exceptions.chooseResponse(exceptionId, { responseId: 'substitute', by: requested.by, at: requested.at, note: null }, true);
  ctx.changed('exception', exceptionId);
  return { exceptionId, taskId, instanceId: local.instanceId };
}
