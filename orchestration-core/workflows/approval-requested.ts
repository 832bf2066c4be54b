// Someone asked for a supervisor's approval (a substitution for now). Every workstation hears the
// request from the gateway: it lists it for supervisors with an SLA, and closes it when the gateway
// publishes the decision, whichever workstation made it. The decision itself is a command
// (approval.decide) that the Approvals API queues; the requester's own is refused here and upstream.
import { defineWorkflow, waitForEvent } from '../engine/workflow';

interface ApprovalState {
  approvalId: string;
  taskId: string;
}

/** Hours a supervisor has to decide before the request is overdue. */
const decisionSlaHours = 4;

export const approvalRequested = defineWorkflow<ApprovalState, 'approval.requested'>({
  name: 'approval-requested',
  version: 1,
  trigger: 'approval.requested',
  correlationKey: (event) => event.payload.approvalId,

  start(event, ctx) {
    const p = event.payload;
    ctx.repos.approvals.request({
      id: p.approvalId,
      kind: p.kind,
      subject: p.subject,
      requestedBy: p.requestedBy,
      requestedAt: p.requestedAt,
      substitution: p.substitution,
      exceptionId: p.exceptionId ?? null,
      projected: p.projected ?? null,
    });
    const taskId = ctx.openTask({ kind: 'approve-substitution', role: 'supervisor', subject: p.subject, requestedBy: p.requestedBy, dueInHours: decisionSlaHours });
    ctx.repos.approvals.attachTask(p.approvalId, taskId);
    ctx.approvalChanged(p.approvalId);
    return { state: { approvalId: p.approvalId, taskId }, wait: waitForEvent('approval.decided', p.approvalId, 'decided') };
  },

  steps: {
    decided(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'approval.decided') throw new Error(`decided: expected approval.decided, got ${signal.kind}`);
      const p = signal.event.payload;
      ctx.repos.approvals.decided(state.approvalId, p.decision, p.decidedBy, p.decidedAt, p.reason);
      ctx.repos.tasks.complete(state.taskId, p.decidedBy, p.decidedAt);
      ctx.audit(p.decidedBy, p.decision === 'approve' ? 'approval approved' : 'approval rejected', state.approvalId, { reason: p.reason });
      ctx.approvalChanged(state.approvalId);
      return { state, end: 'completed' };
    },
  },
});
