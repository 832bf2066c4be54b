// A planner accepted a rebalancing proposal: the stock transport order is requested upstream. Above
// the value threshold (the revenue the transfer protects) a supervisor approves it first, through the
// approval gate: approved, the transfer.request goes once under an id derived from the approval;
// rejected, or the request refused by the gateway, the proposal shows why and may be accepted again.
import type { RebalancingProposal } from '../../shared/api/rebalancing';
import { commandIdFor } from '../engine/derived-ids';
import { defineActionWorkflow, type StepOutcome, type WorkflowContext } from '../engine/workflow';
import { approvalGate, approvalResumeKeys, type GateState } from './approval-gate';

export interface TransferAcceptance {
  proposal: RebalancingProposal;
  transferId: string;
  /** Above the value threshold: the approval to ask for, as the supervisor reads it. */
  approval?: { approvalId: string; subject: string };
}

interface TransferAcceptedState {
  proposalId: string;
  transferId: string;
  gate?: GateState;
}

/** The stock transport order a proposal becomes. */
export function transferRequestOf(proposal: RebalancingProposal, transferId: string) {
  const { itemId, fromPlant, toPlant, quantity, shipDate, arrivalDate } = proposal;
  const reason = `Rebalancing ${itemId}: ${toPlant} below safety stock${proposal.needDate ? ` from ${proposal.needDate}` : ''}`;
  return { transferId, itemId, fromPlant, toPlant, quantity, shipDate, arrivalDate, reason };
}

function decisionOf(state: TransferAcceptedState, ctx: WorkflowContext) {
  const decision = ctx.repos.rebalancing.get(state.proposalId);
  if (!decision?.approvalId) throw new Error(`proposal ${state.proposalId} has no transfer waiting for approval`);
  return { ...decision, approvalId: decision.approvalId };
}

/** Done: the proposal's row says how it ended, and the Rebalancing and Approvals views hear of it. */
function settled(state: TransferAcceptedState, approvalId: string, ctx: WorkflowContext): StepOutcome<TransferAcceptedState> {
  ctx.changed('approval', approvalId);
  return { state, end: 'completed' };
}

const transferGate = approvalGate<TransferAcceptedState>({
  name: 'transfer',
  purpose: 'transfer',
  gateOf: (state) => state.gate,
  withGate: (state, gate) => ({ ...state, gate }),
  sendApproved(state, verdict, send, ctx) {
    const { commandId } = send;
    const decision = decisionOf(state, ctx);
    // Exactly what was approved.
    const payload = { ...transferRequestOf(decision.proposal, state.transferId), approvalId: decision.approvalId, approvedBy: verdict.decidedBy };
    ctx.emit('transfer.request', payload, { issuedBy: decision.decidedBy, entityId: state.transferId, ...send });
    ctx.repos.rebalancing.decide({ ...decision, decision: 'accepted', transferId: state.transferId, commandId });
    ctx.audit(decision.decidedBy, 'rebalancing accepted', state.proposalId, { transferId: state.transferId, commandId, approvalId: decision.approvalId, approvedBy: verdict.decidedBy });
    ctx.changed('approval', decision.approvalId);
    return state;
  },
  approvedReplyStep: 'transferReplied',
  rejected(state, verdict, ctx) {
    const decision = decisionOf(state, ctx);
    const reason = `${verdict.decidedBy} rejected the transfer: ${verdict.reason}`;
    // The row says who rejected it: the supervisor, not the planner who asked.
    ctx.repos.rebalancing.decide({ ...decision, decision: 'rejected', decidedBy: verdict.decidedBy, decidedAt: ctx.now, reason });
    ctx.audit(verdict.decidedBy, 'rebalancing rejected', state.proposalId, { approvalId: decision.approvalId, reason });
    return settled(state, decision.approvalId, ctx);
  },
  refused(state, reason, ctx) {
    const decision = decisionOf(state, ctx);
    ctx.repos.rebalancing.decide({ ...decision, decision: 'refused', reason });
    ctx.audit('gateway', 'rebalancing approval refused', state.proposalId, { approvalId: decision.approvalId, reason });
    return settled(state, decision.approvalId, ctx);
  },
});

export const transferAccepted = defineActionWorkflow<TransferAcceptedState, TransferAcceptance>({
  name: 'transfer-accepted',
  version: 1,
  resumeKeys: approvalResumeKeys,

  start({ proposal, transferId, approval }, user, ctx) {
    const state: TransferAcceptedState = { proposalId: proposal.id, transferId };
    const { itemId, fromPlant, toPlant, quantity, unit, shipDate, arrivalDate } = proposal;
    if (approval) {
      const { approvalId, subject } = approval;
      const transfer = { transferId, itemId, fromPlant, toPlant, quantity, unit, shipDate, arrivalDate, value: proposal.revenueProtected };
      const gate = transferGate.ask({ approvalId, kind: 'transfer', subject, transfer }, user, ctx);
      const commandId = gate.requestCommandId ?? null;
      ctx.repos.rebalancing.decide({ proposalId: proposal.id, decision: 'awaiting-approval', proposal, transferId, commandId, approvalId, decidedBy: user, decidedAt: ctx.now, reason: null });
      ctx.audit(user, 'rebalancing approval requested', proposal.id, { transferId, approvalId, commandId, quantity, value: proposal.revenueProtected });
      return { state: { ...state, gate }, wait: transferGate.waits(gate) };
    }
    const commandId = ctx.emit('transfer.request', transferRequestOf(proposal, transferId), { issuedBy: user, entityId: transferId, commandId: commandIdFor(transferId, 'request') });
    ctx.repos.rebalancing.decide({ proposalId: proposal.id, decision: 'accepted', proposal, transferId, commandId, approvalId: null, decidedBy: user, decidedAt: ctx.now, reason: null });
    ctx.audit(user, 'rebalancing accepted', proposal.id, { transferId, commandId, quantity, cost: proposal.cost });
    return { state, end: 'completed' };
  },

  steps: {
    ...transferGate.steps,
    // What follows the ERP's answer (in transit, or refused) the Rebalancing view reads from the outbox.
    transferReplied: (state) => ({ state, end: 'completed' }),
  },
});
