// "Ask a supervisor, then send": the one gate every flow that needs an approval goes through (a
// substitution, a use-as-is under deviation, a transfer above the value threshold). It asks upstream
// and lists the request here; waits for the gateway's reply to the request and for the supervisor's
// decision, whichever comes first; once both stand, sends exactly what was approved, once, under an id
// derived from the approval; and hands back to the flow on a rejection or a refused request.
import type { CommandPayload } from '../../shared/commands';
import type { CanonicalEvent } from '../../shared/events';
import { commandIdFor } from '../engine/derived-ids';
import { waitForEvent, waitForReply, type ResumeKeys, type Signal, type StepFn, type StepOutcome, type Wait, type WorkflowContext } from '../engine/workflow';

/** A supervisor's decision on a request. */
export interface Verdict {
  decision: 'approve' | 'reject';
  decidedBy: string;
  reason: string;
}

/** What a flow keeps of its request while the gate is open. */
export interface GateState {
  approvalId: string;
  /** The approval.request command; absent in instances that asked before the gate waited for its reply. */
  requestCommandId?: string;
  /** The decision, when it came before the gateway's reply to the request. */
  verdict?: Verdict;
}

/** The options an approved command is emitted with. */
export interface ApprovedSend {
  commandId: string;
  onBehalfOf?: string;
}

export interface ApprovalGateSpec<S> {
  /** Names the gate's steps in the definition: `${name}Requested`, `${name}DecidedEarly`, `${name}Decided`. */
  name: string;
  /** What the approved command is for: its id is derived from the approval and this. */
  purpose: string;
  gateOf(state: S): GateState | undefined;
  withGate(state: S, gate: GateState): S;
  /**
   * Approved: queue exactly what was approved with `send` among its options (the id derived from the
   * approval, and the request it follows from, whose issuer the gateway gives it); returns the state
   * that waits for its reply.
   */
  sendApproved(state: S, verdict: Verdict, send: ApprovedSend, ctx: WorkflowContext): S;
  /** The flow's step that takes the approved command's reply. */
  approvedReplyStep: string;
  /** The supervisor rejected the request: nothing was sent upstream. */
  rejected(state: S, verdict: Verdict, ctx: WorkflowContext): StepOutcome<S>;
  /** The gateway refused the request itself (reason as the person reads it): no supervisor will see it. */
  refused(state: S, reason: string, ctx: WorkflowContext): StepOutcome<S>;
}

/** A definition waiting at a gate resumes on the decision of its own approval. */
export const approvalResumeKeys: ResumeKeys = { 'approval.decided': (event) => event.payload.approvalId };

export function approvalGate<S>(spec: ApprovalGateSpec<S>) {
  const requestedStep = `${spec.name}Requested`;
  const decidedEarlyStep = `${spec.name}DecidedEarly`;
  const decidedStep = `${spec.name}Decided`;

  function gateIn(state: S, step: string): GateState {
    const gate = spec.gateOf(state);
    if (!gate) throw new Error(`${step}: no approval was asked for`);
    return gate;
  }

  function settle(state: S, gate: GateState, verdict: Verdict, ctx: WorkflowContext): StepOutcome<S> {
    if (verdict.decision === 'reject') return spec.rejected(state, verdict, ctx);
    const commandId = commandIdFor(gate.approvalId, spec.purpose);
    const send = { commandId, ...(gate.requestCommandId ? { onBehalfOf: gate.requestCommandId } : {}) };
    return { state: spec.sendApproved(state, verdict, send, ctx), wait: waitForReply(commandId, spec.approvedReplyStep) };
  }

  function verdictOf(signal: Signal, step: string): Verdict {
    if (signal.kind !== 'event' || signal.event.type !== 'approval.decided') throw new Error(`${step}: expected approval.decided, got ${signal.kind}`);
    const { decision, decidedBy, reason } = (signal.event as Extract<CanonicalEvent, { type: 'approval.decided' }>).payload;
    return { decision, decidedBy, reason };
  }

  const steps: Record<string, StepFn<S>> = {
    [requestedStep](state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`${requestedStep}: expected a reply, got ${signal.kind}`);
      const gate = gateIn(state, requestedStep);
      if (signal.reply.status === 'rejected') return spec.refused(state, `The gateway refused the request for approval: ${signal.reply.reason ?? 'no reason given'}`, ctx);
      if (gate.verdict) return settle(state, gate, gate.verdict, ctx);
      // Decided before this workstation heard the reply (a lost reply, resent, after a snapshot): the approval's row has it.
      const stored = ctx.repos.approvals.get(gate.approvalId);
      if (stored && stored.status !== 'pending' && stored.decidedBy) {
        return settle(state, gate, { decision: stored.status === 'approved' ? 'approve' : 'reject', decidedBy: stored.decidedBy, reason: stored.decisionReason ?? '' }, ctx);
      }
      return { state, wait: waitForEvent('approval.decided', gate.approvalId, decidedStep) };
    },
    [decidedEarlyStep](state, signal) {
      const gate = gateIn(state, decidedEarlyStep);
      const verdict = verdictOf(signal, decidedEarlyStep);
      // Nothing goes upstream before the gateway took the request: its reply settles it.
      if (!gate.requestCommandId) throw new Error(`${decidedEarlyStep}: ${gate.approvalId} has no request to wait for`);
      return { state: spec.withGate(state, { ...gate, verdict }), wait: waitForReply(gate.requestCommandId, requestedStep) };
    },
    [decidedStep](state, signal, ctx) {
      return settle(state, gateIn(state, decidedStep), verdictOf(signal, decidedStep), ctx);
    },
  };

  return {
    steps,
    /**
     * Asks for the approval: the request goes upstream (in this transaction) and is listed here at once,
     * so the requester sees it waiting before the gateway echoes it. Returns the gate to keep in state.
     * `onBehalfOf`: asked after a reply (the planner's answer taken), the command it follows from.
     */
    ask(request: CommandPayload<'approval.request'>, issuedBy: string, ctx: WorkflowContext, onBehalfOf?: string): GateState {
      const requestCommandId = ctx.emit('approval.request', request, { issuedBy, entityId: request.approvalId, ...(onBehalfOf ? { onBehalfOf } : {}) });
      ctx.repos.approvals.request({
        id: request.approvalId,
        kind: request.kind,
        subject: request.subject,
        requestedBy: issuedBy,
        requestedAt: ctx.now,
        substitution: request.kind === 'substitution' ? request.substitution : null,
        deviation: request.kind === 'use-as-is' ? request.deviation : null,
        transfer: request.kind === 'transfer' ? request.transfer : null,
        adjustment: request.kind === 'adjustment' ? request.adjustment : null,
        exceptionId: request.kind === 'substitution' ? (request.exceptionId ?? null) : null,
        projected: request.kind === 'substitution' ? (request.projected ?? null) : null,
        baseline: request.kind === 'substitution' ? (request.baseline ?? null) : null,
      });
      ctx.changed('approval', request.approvalId);
      return { approvalId: request.approvalId, requestCommandId };
    },
    /** What an instance at the gate waits for: the gateway's reply to the request, and the decision. */
    waits(gate: GateState): Wait[] {
      const decided = waitForEvent('approval.decided', gate.approvalId, gate.requestCommandId ? decidedEarlyStep : decidedStep);
      return gate.requestCommandId ? [waitForReply(gate.requestCommandId, requestedStep), decided] : [decided];
    },
  };
}
