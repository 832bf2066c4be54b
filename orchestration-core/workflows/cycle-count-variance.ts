// The plant's WMS counted a bin. Within its item class's tolerance (quantity and value, both), the book
// follows the count at once: `inventory.adjust`. Above it, picks from the bin pause (`wms.pickPause`)
// and a supervisor is asked to approve the adjustment, with the counter as its requester (who can never
// approve their own count); approved, the adjustment goes upstream naming the approval and the bin is
// released; rejected, the WMS counts the bin again (`wms.recount`) and it stays paused until that count
// settles. Every workstation that hears the count runs this alike: each command's id is derived from
// the count, so the gateway applies each once.
import { adjustmentApprovalId, varianceOf, type CycleCount, type Variance } from '../../shared/cycle-count';
import { commandIdFor } from '../engine/derived-ids';
import { defineWorkflow, waitForEvent, waitForReply, type WorkflowContext } from '../engine/workflow';
import { approvalResumeKeys } from './approval-gate';
import type { CycleCountStatus } from '../store/cycle-counts-repo';

interface CycleCountState {
  countId: string;
  plant: string;
  bin: string;
  itemId: string;
  lotId?: string;
  unit: string;
  difference: number;
  approvalId?: string;
}

const formatQuantity = (quantity: number, unit: string): string => `${quantity.toLocaleString('en-US', { maximumFractionDigits: 3 })} ${unit}`;

/** A reason as the commands take it (500 characters): a supervisor's may be longer. */
const clip = (text: string): string => (text.length <= 500 ? text : `${text.slice(0, 499)}…`);

function bin(state: CycleCountState, reason: string) {
  return { countId: state.countId, plant: state.plant, bin: state.bin, reason: clip(reason) };
}

/**
 * The book follows the count: the adjustment, under an id derived from the count, or once approved
 * from the approval (a workstation that judged the count within tolerance may have sent the other).
 */
function adjust(state: CycleCountState, reason: string, ctx: WorkflowContext, approved?: { approvalId: string; approvedBy: string }): string {
  return ctx.emit(
    'inventory.adjust',
    { countId: state.countId, plant: state.plant, bin: state.bin, itemId: state.itemId, ...(state.lotId ? { lotId: state.lotId } : {}), quantity: state.difference, unit: state.unit, reason: clip(reason), ...(approved ?? {}) },
    { issuedBy: 'system', about: state.lotId ?? state.countId, commandId: approved ? commandIdFor(approved.approvalId, 'adjust') : commandIdFor(state.countId, 'adjust') },
  );
}

/** The bin's picks go on: a recount settled the count that paused them, or a request for approval was refused. */
function release(state: CycleCountState, reason: string, ctx: WorkflowContext): void {
  ctx.emit('wms.pickRelease', bin(state, reason), { issuedBy: 'system', commandId: commandIdFor(state.countId, 'release') });
}

function settle(state: CycleCountState, status: CycleCountStatus, note: string | null, ctx: WorkflowContext): void {
  ctx.repos.cycleCounts.setStatus(state.countId, status, note);
  if (state.lotId) ctx.changed('lot', state.lotId);
}

/** "+12 EA", "−40 M". */
const signed = (difference: number, unit: string): string => `${difference > 0 ? '+' : difference < 0 ? '−' : ''}${formatQuantity(Math.abs(difference), unit)}`;

function describeVariance(count: CycleCount, variance: Variance): string {
  return `${formatQuantity(count.countedQuantity, count.unit)} counted against ${formatQuantity(count.bookQuantity, count.unit)} on the book (${signed(variance.difference, count.unit)}, ${variance.percent} %, worth ${variance.value.toFixed(2)})`;
}

export const cycleCountVariance = defineWorkflow<CycleCountState, 'cyclecount.variance'>({
  name: 'cycle-count-variance',
  version: 1,
  trigger: 'cyclecount.variance',
  correlationKey: (event) => event.payload.countId,
  resumeKeys: approvalResumeKeys,
  // A count heard again (a replay, a snapshot) is settled already, or on its way.
  startsWhen: (event, ctx) => ctx.repos.cycleCounts.get(event.payload.countId) === undefined,

  start(event, ctx) {
    const count = event.payload;
    const variance = varianceOf(count, ctx.policy.cycleCount);
    const state: CycleCountState = { countId: count.countId, plant: count.plant, bin: count.bin, itemId: count.itemId, unit: count.unit, difference: variance.difference, ...(count.lotId ? { lotId: count.lotId } : {}) };
    const what = describeVariance(count, variance);
    if (variance.withinTolerance) {
      // A recount that settles the disputed count it was taken for: the bin's picks go on.
      if (count.recountOf) release(state, `recount ${count.countId} of ${count.recountOf} within tolerance`, ctx);
      ctx.record('within tolerance', { difference: variance.difference, value: variance.value, itemClass: count.itemClass });
      if (state.lotId) ctx.changed('lot', state.lotId);
      if (variance.difference === 0) {
        ctx.repos.cycleCounts.record(count, variance, 'adjusted', null, 'the count matches the book; nothing to adjust');
        return { state, end: 'completed' };
      }
      ctx.repos.cycleCounts.record(count, variance, 'adjusting', null);
      const commandId = adjust(state, `within class ${count.itemClass} tolerance: ${what}`, ctx);
      return { state, wait: waitForReply(commandId, 'adjusted') };
    }
    const approvalId = adjustmentApprovalId(count.countId);
    ctx.repos.cycleCounts.record(count, variance, 'awaiting-approval', approvalId);
    ctx.emit('wms.pickPause', bin(state, `count ${count.countId} above tolerance: ${what}`), { issuedBy: 'system', commandId: commandIdFor(count.countId, 'pause') });
    const subject = `Adjust ${count.itemId} in bin ${count.bin} by ${signed(variance.difference, count.unit)} (cycle count ${count.countId})`;
    const requestId = ctx.emit(
      'approval.request',
      { approvalId, kind: 'adjustment', subject, adjustment: { ...count, difference: variance.difference, percent: variance.percent, value: variance.value, tolerance: ctx.policy.cycleCount.tolerance[count.itemClass] } },
      { issuedBy: 'system', entityId: approvalId, commandId: commandIdFor(count.countId, 'approval') },
    );
    ctx.record('above tolerance', { difference: variance.difference, percent: variance.percent, value: variance.value, itemClass: count.itemClass, approvalId });
    if (state.lotId) ctx.changed('lot', state.lotId);
    const withApproval = { ...state, approvalId };
    return { state: withApproval, wait: [waitForReply(requestId, 'requested'), waitForEvent('approval.decided', approvalId, 'decided')] };
  },

  steps: {
    adjusted(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`adjusted: expected a reply, got ${signal.kind}`);
      const { reply } = signal;
      if (reply.status === 'rejected') {
        settle(state, 'refused', reply.reason ?? 'refused upstream', ctx);
        ctx.audit('gateway', 'inventory adjustment refused', state.countId, { reason: reply.reason ?? null, bin: state.bin });
      } else settle(state, 'adjusted', null, ctx);
      return { state, end: 'completed' };
    },

    /** The gateway took the request (or another workstation's, the same), or refused it. */
    requested(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`requested: expected a reply, got ${signal.kind}`);
      const approvalId = state.approvalId ?? '';
      if (signal.reply.status === 'rejected') {
        // Nobody will decide it: the pause this count asked for is lifted again.
        release(state, `the request to approve count ${state.countId} was refused`, ctx);
        settle(state, 'refused', `The gateway refused the adjustment approval: ${signal.reply.reason ?? 'no reason given'}`, ctx);
        return { state, end: 'completed' };
      }
      // Decided before the reply came (a lost reply, resent): the approval's row has it.
      const stored = ctx.repos.approvals.get(approvalId);
      if (stored && stored.status !== 'pending' && stored.decidedBy) return decide(state, stored.status === 'approved', stored.decidedBy, stored.decisionReason ?? '', ctx);
      return { state, wait: waitForEvent('approval.decided', approvalId, 'decided') };
    },

    decided(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'approval.decided') throw new Error(`decided: expected approval.decided, got ${signal.kind}`);
      const { decision, decidedBy, reason } = signal.event.payload;
      return decide(state, decision === 'approve', decidedBy, reason, ctx);
    },
  },
});

function decide(state: CycleCountState, approved: boolean, decidedBy: string, reason: string, ctx: WorkflowContext) {
  if (!approved) {
    ctx.emit('wms.recount', bin(state, `${decidedBy} rejected the adjustment: ${reason}`), { issuedBy: 'system', commandId: commandIdFor(state.countId, 'recount') });
    settle(state, 'recount', `rejected by ${decidedBy}: ${reason}`, ctx);
    return { state, end: 'completed' as const };
  }
  const commandId = adjust(state, `approved by ${decidedBy}${reason ? `: ${reason}` : ''}`, ctx, { approvalId: state.approvalId ?? '', approvedBy: decidedBy });
  release(state, `adjustment of count ${state.countId} approved by ${decidedBy}`, ctx);
  settle(state, 'adjusting', null, ctx);
  return { state, wait: waitForReply(commandId, 'adjusted') };
}
