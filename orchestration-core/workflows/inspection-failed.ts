// An incoming inspection failed: block the lot upstream (unless it already is), move it to the hold
// area, open a case with the supplier (procurement is told), put it on hold, and ask a quality engineer
// for a usage decision. The decision posts the lot in parts, may block lots made from it (containment),
// and goes upstream based on the lot version the engineer saw; if the gateway rejects it as stale, the
// task reopens as a conflict to decide again or withdraw. A withdrawn task can be opened again.
// The decision is due `sla.disposition.dueHours` after the failure: a durable timer that, undecided,
// escalates the inspection lot upstream once (the gateway applies the SLA's auto-action, if any).
import { z } from 'zod';
import { idSchema } from '../../shared/domain';
import { followUpActions, splitLot, usageDecisionCode, usagePostingsSchema, usageValuation } from '../../shared/usage-decision';
import { slaDueAt } from '../../shared/sla';
import { commandIdFor, derivedId } from '../engine/derived-ids';
import { defineWorkflow, waitForReply, waitForTask, waitUntil, type StepOutcome, type Wait, type WorkflowContext } from '../engine/workflow';
import { approvalGate, approvalResumeKeys, type GateState } from './approval-gate';

interface InspectionFailedState {
  lotId: string;
  inspectionLotId: string;
  taskId: string;
  /** When the usage decision falls due (absent in instances started before version 3: they never escalate). */
  dueAt?: string;
  /** A decision with use-as-is, waiting for a supervisor before it goes upstream. */
  awaiting?: GateState & { requestCommandId: string; basedOnVersion: number };
}

/** What the disposition task takes as input (already validated against the API contract). */
export const dispositionInputSchema = z.union([
  z.object({
    postings: usagePostingsSchema,
    reason: z.string(),
    deviationNumber: z.string().optional(),
    containmentLotIds: z.array(idSchema).default([]),
  }),
  z.object({ withdraw: z.literal(true), reason: z.string() }),
]);

/** Where failed stock waits for its usage decision. */
export const holdLocation = 'QM-HOLD';

/**
 * The block of a lot made from the failed one, named after the inspection lot: one block per lot
 * however many decisions (a re-decision after a conflict, another workstation) ask for it.
 */
export const containmentCommandId = (inspectionLotId: string, lotId: string): string => commandIdFor(inspectionLotId, `contain-${lotId}`);

function containLots(ctx: WorkflowContext, lotIds: readonly string[], failedLotId: string, inspectionLotId: string, user: string): void {
  for (const lotId of lotIds) {
    ctx.emit(
      'lot.setStatus',
      { lotId, stockType: 'blocked', reason: `Containment: made from failed lot ${failedLotId}`, containedBy: { lotId: failedLotId, inspectionLotId } },
      { issuedBy: user, entityId: lotId, commandId: containmentCommandId(inspectionLotId, lotId) },
    );
  }
}

type Awaiting = NonNullable<InspectionFailedState['awaiting']>;

/** The state with no decision waiting for a supervisor: the lot is the engineer's, or on its way upstream. */
const engineers = (state: InspectionFailedState): InspectionFailedState => ({ lotId: state.lotId, inspectionLotId: state.inspectionLotId, taskId: state.taskId, ...(state.dueAt ? { dueAt: state.dueAt } : {}) });

/** Until the engineer decides, or until the decision falls due while nobody has escalated it yet. */
function untilDecided(state: InspectionFailedState, ctx: WorkflowContext): Wait | Wait[] {
  const decided = waitForTask(state.taskId, 'decided');
  if (!state.dueAt || ctx.repos.escalations.get(state.inspectionLotId)) return decided;
  return [decided, waitUntil(state.dueAt, 'overdue')];
}

/** A use-as-is waits for a supervisor: approved, its lot.disposition goes upstream; rejected or refused, the lot is the engineer's again. */
const deviationGate = approvalGate<InspectionFailedState>({
  name: 'deviation',
  purpose: 'use-as-is',
  gateOf: (state) => state.awaiting,
  withGate: (state, gate) => ({ ...state, awaiting: { ...(state.awaiting as Awaiting), ...gate } }),
  sendApproved(state, verdict, send, ctx) {
    const { commandId } = send;
    const { awaiting, decision } = awaitingDecision(state, ctx);
    ctx.changed('lot', state.lotId);
    // Exactly what was approved, based on the version the engineer saw.
    ctx.emit(
      'lot.disposition',
      {
        lotId: state.lotId,
        inspectionLotId: state.inspectionLotId,
        valuation: decision.valuation,
        code: decision.code,
        postings: decision.postings,
        reason: decision.reason,
        ...(decision.deviationNumber ? { deviationNumber: decision.deviationNumber } : {}),
        approvalId: awaiting.approvalId,
        approvedBy: verdict.decidedBy,
      },
      { issuedBy: decision.decidedBy, basedOn: { entity: 'lot', id: state.lotId, version: awaiting.basedOnVersion }, entityId: state.lotId, ...send },
    );
    ctx.repos.decisions.sentAs(decision.commandId, commandId);
    return engineers(state);
  },
  approvedReplyStep: 'replied',
  rejected(state, verdict, ctx) {
    const { decision } = awaitingDecision(state, ctx);
    ctx.repos.decisions.setStatus(decision.commandId, 'rejected', `${verdict.decidedBy} rejected the use-as-is: ${verdict.reason}`);
    return backToEngineer(state, ctx);
  },
  refused(state, reason, ctx) {
    const { decision } = awaitingDecision(state, ctx);
    ctx.repos.decisions.setStatus(decision.commandId, 'rejected', reason);
    return backToEngineer(state, ctx);
  },
});

function awaitingDecision(state: InspectionFailedState, ctx: WorkflowContext) {
  const awaiting = state.awaiting;
  const decision = ctx.repos.decisions.byCommand(awaiting?.requestCommandId ?? '');
  if (!awaiting || !decision) throw new Error(`lot ${state.lotId} has no decision waiting for approval`);
  return { awaiting, decision };
}

function backToEngineer(state: InspectionFailedState, ctx: WorkflowContext): StepOutcome<InspectionFailedState> {
  ctx.repos.tasks.reopen(state.taskId);
  ctx.changed('lot', state.lotId);
  return { state: engineers(state), wait: untilDecided(engineers(state), ctx) };
}

export const inspectionFailed = defineWorkflow<InspectionFailedState, 'inspection.failed'>({
  name: 'inspection-failed',
  version: 3,
  trigger: 'inspection.failed',
  correlationKey: (event) => event.payload.lotId,
  resumeKeys: approvalResumeKeys,
  // A failure heard again (a replay, a snapshot, a late plant stream) has nothing new to ask when the
  // lot is held here for that inspection lot already, or its usage decision was made.
  startsWhen: (event, ctx) =>
    ctx.repos.lots.hold(event.payload.lotId)?.inspectionLotId !== event.payload.inspectionLotId && ctx.repos.usageDecisions.forInspectionLot(event.payload.inspectionLotId) === undefined,
  // Whatever this workstation waits for, the ERP's usage decision on the inspection lot ends it.
  interrupts: {
    'usageDecision.made': {
      key: (event) => event.payload.lotId,
      applies: (state, event) => event.payload.inspectionLotId === state.inspectionLotId,
      step: 'decidedUpstream',
    },
    // The inspection lot passed after all (results recorded again): nothing is left to decide either.
    'inspection.passed': {
      key: (event) => event.payload.lotId,
      applies: (state, event) => event.payload.inspectionLotId === state.inspectionLotId,
      step: 'passedUpstream',
    },
  },

  start(event, ctx) {
    const { lotId, inspectionLotId, defectCode, defectText, plant, supplierId, itemId, quantity, unit, containedBy } = event.payload;
    // Every command here is named after the inspection lot: the same whether this workstation heard
    // the failure or found it in a snapshot, so the gateway applies each once.
    // A failure that says the lot's stock type (blocked for containment, or as its usage decision left it
    // when a snapshot brings a failure decided since) needs no block from here: the ERP's word stands.
    if (event.payload.stockType === undefined && ctx.repos.lots.get(lotId)?.stockType !== 'blocked') {
      ctx.emit(
        'lot.setStatus',
        { lotId, stockType: 'blocked', reason: `Inspection lot ${inspectionLotId} failed: ${defectCode}` },
        { issuedBy: 'system', entityId: lotId, commandId: commandIdFor(inspectionLotId, 'block') },
      );
    }
    ctx.emit(
      'wms.moveTask',
      { moveTaskId: derivedId('WT-', inspectionLotId), lotId, plant, toLocation: holdLocation, reason: `Inspection lot ${inspectionLotId} failed: ${defectCode}` },
      { issuedBy: 'system', about: lotId, commandId: commandIdFor(inspectionLotId, 'hold-move') },
    );
    if (supplierId) {
      ctx.emit(
        'supplierCase.open',
        {
          caseId: derivedId('SC-', inspectionLotId),
          supplierId,
          lotId,
          inspectionLotId,
          itemId,
          quantity,
          unit,
          defectCode,
          defectText,
          evidence: [`Inspection lot ${inspectionLotId} failed on ${event.occurredAt}: ${defectCode} ${defectText}`, `Lot ${lotId}: ${quantity} ${unit} of ${itemId} received at ${plant}`],
          notify: ['procurement'],
        },
        { issuedBy: 'system', about: lotId, commandId: commandIdFor(inspectionLotId, 'supplier-case') },
      );
    }
    ctx.repos.inspectionLots.advance(inspectionLotId, lotId, 'goods-receipt', 'results-recorded', ctx.now);
    // Counted from the failure, not from when this workstation heard of it: every workstation falls due together.
    const dueAt = slaDueAt(ctx.policy.sla, 'disposition', event.occurredAt);
    const taskId = ctx.openTask({ kind: 'disposition-lot', role: 'quality-engineer', subject: `Usage decision for lot ${lotId} (${defectCode})`, dueAt });
    ctx.repos.lots.placeHold({ lotId, inspectionLotId, defectCode, defectText, holdSince: event.occurredAt, taskId, instanceId: ctx.instanceId, containedBy: containedBy ?? null });
    ctx.changed('lot', lotId);
    const state = { lotId, inspectionLotId, taskId, dueAt };
    return { state, wait: untilDecided(state, ctx) };
  },

  steps: {
    ...deviationGate.steps,

    /**
     * Nobody decided in time: the inspection lot is escalated upstream under an id every workstation
     * derives alike, so the gateway takes it once whichever timer fired first; the SLA's auto-action
     * (keep blocked) goes with it, and the gateway applies it with the escalation.
     */
    overdue(state, signal, ctx) {
      if (signal.kind !== 'timer') throw new Error(`overdue: expected a timer, got ${signal.kind}`);
      const task = ctx.repos.tasks.get(state.taskId);
      if (task?.status === 'open' && !ctx.repos.escalations.get(state.inspectionLotId)) {
        const { autoAction } = ctx.policy.sla.disposition;
        const lot = ctx.repos.lots.get(state.lotId);
        ctx.emit(
          'escalation.raise',
          { subjectId: state.inspectionLotId, taskType: 'disposition', subject: task.subject, dueAt: signal.dueAt, ...(lot ? { plant: lot.plant } : {}), ...(autoAction ? { autoAction } : {}) },
          { issuedBy: 'system', about: state.lotId, commandId: commandIdFor(state.inspectionLotId, 'escalation') },
        );
        ctx.record('escalation raised', { dueAt: signal.dueAt, taskType: 'disposition', ...(autoAction ? { autoAction } : {}) });
      }
      return { state, wait: waitForTask(state.taskId, 'decided') };
    },

    decided(state, signal, ctx) {
      if (signal.kind !== 'task') throw new Error(`decided: expected a task signal, got ${signal.kind}`);
      const input = dispositionInputSchema.parse(signal.input);
      const lot = ctx.repos.lots.get(state.lotId);
      if (!lot) throw new Error(`lot ${state.lotId} is not in the local cache`);
      if ('withdraw' in input) {
        // The engineer lets upstream's state stand: the refused decision stays on record as withdrawn.
        const refused = ctx.repos.decisions.latestForTask(state.taskId);
        if (refused?.status === 'rejected') ctx.repos.decisions.setStatus(refused.commandId, 'withdrawn', refused.replyReason);
        ctx.repos.tasks.complete(state.taskId, signal.user, ctx.now);
        ctx.audit(signal.user, 'usage decision withdrawn', lot.lotId, { commandId: refused?.commandId ?? null, reason: input.reason });
        ctx.changed('lot', lot.lotId);
        // The lot stays on hold: an engineer may open the task again (quarantine.reopen) and decide anew.
        return { state, wait: untilDecided(state, ctx) };
      }
      // The decision is based on the version upstream will have once our queued commands on this lot land.
      const basedOnVersion = lot.version + ctx.pendingUpstream(lot.lotId);
      const valuation = usageValuation(input.postings);
      const code = usageDecisionCode(input.postings).code;
      const useAsIs = input.postings.find((p) => p.decision === 'use-as-is');
      const payload = {
        lotId: lot.lotId,
        inspectionLotId: state.inspectionLotId,
        valuation,
        code,
        postings: input.postings,
        reason: input.reason,
        ...(input.deviationNumber ? { deviationNumber: input.deviationNumber } : {}),
      };
      let commandId: string;
      let awaiting: InspectionFailedState['awaiting'];
      if (useAsIs) {
        // Policy: a supervisor approves use-as-is first; the decision waits, its lot.disposition is sent once approved.
        // Unique: two workstations' engineers may each ask about the same lot.
        const approvalId = `AP-${ctx.newId()}`;
        const deviation = {
          lotId: lot.lotId,
          inspectionLotId: state.inspectionLotId,
          itemId: lot.itemId,
          plant: lot.plant,
          quantity: useAsIs.quantity,
          unit: lot.unit,
          deviationNumber: input.deviationNumber ?? '',
          defectCode: ctx.repos.lots.hold(lot.lotId)?.defectCode ?? 'unknown',
          reason: input.reason,
          // The rest of the decision travels with it: every workstation shows what waits for approval.
          postings: input.postings,
        };
        const subject = `Use ${useAsIs.quantity.toLocaleString('en-US', { maximumFractionDigits: 3 })} ${lot.unit} of lot ${lot.lotId} as is under deviation ${deviation.deviationNumber}`;
        const gate = deviationGate.ask({ approvalId, kind: 'use-as-is', subject, deviation }, signal.user, ctx);
        commandId = gate.requestCommandId ?? '';
        awaiting = { ...gate, requestCommandId: commandId, basedOnVersion };
      } else {
        commandId = ctx.emit('lot.disposition', payload, { issuedBy: signal.user, basedOn: { entity: 'lot', id: lot.lotId, version: basedOnVersion }, entityId: lot.lotId });
      }
      containLots(ctx, input.containmentLotIds, lot.lotId, state.inspectionLotId, signal.user);
      ctx.repos.decisions.insert({
        taskId: state.taskId,
        lotId: lot.lotId,
        postings: input.postings,
        valuation,
        code,
        quantity: lot.quantity,
        reason: input.reason,
        deviationNumber: input.deviationNumber ?? null,
        containment: input.containmentLotIds,
        decidedBy: signal.user,
        decidedAt: ctx.now,
        commandId,
        basedOnVersion,
        basedOnQuantity: lot.quantity,
        approvalId: awaiting?.approvalId ?? null,
      });
      ctx.repos.tasks.complete(state.taskId, signal.user, ctx.now);
      ctx.audit(signal.user, 'usage decision', lot.lotId, {
        valuation,
        code,
        postings: input.postings,
        followUps: followUpActions(input.postings),
        reason: input.reason,
        deviationNumber: input.deviationNumber ?? null,
        containment: input.containmentLotIds,
        commandId,
        basedOnVersion,
        approvalId: awaiting?.approvalId ?? null,
      });
      ctx.changed('lot', lot.lotId);
      // A request the gateway refuses comes back as its reply; one it takes waits for a supervisor.
      if (awaiting) return { state: { ...state, awaiting }, wait: deviationGate.waits(awaiting) };
      return { state, wait: waitForReply(commandId, 'replied') };
    },

    replied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`replied: expected a reply signal, got ${signal.kind}`);
      const { reply } = signal;
      ctx.changed('lot', state.lotId);
      if (reply.status === 'rejected') {
        ctx.repos.decisions.setStatus(reply.commandId, 'rejected', reply.reason ?? 'rejected upstream');
        ctx.repos.tasks.reopen(state.taskId);
        ctx.audit('gateway', 'usage decision rejected', state.lotId, { commandId: reply.commandId, reason: reply.reason ?? null });
        return { state, wait: untilDecided(state, ctx) };
      }
      ctx.repos.decisions.setStatus(reply.commandId, 'accepted', null);
      ctx.repos.inspectionLots.advance(state.inspectionLotId, state.lotId, 'goods-receipt', 'usage-decision-made', ctx.now);
      // What the ERP made of it, by the rule it splits lots with; its usageDecision.made says the same when it comes.
      const decision = ctx.repos.decisions.byCommand(reply.commandId);
      const lot = ctx.repos.lots.get(state.lotId);
      if (decision && lot && !ctx.repos.usageDecisions.forInspectionLot(state.inspectionLotId)) {
        ctx.repos.usageDecisions.record({
          lotId: state.lotId,
          inspectionLotId: state.inspectionLotId,
          commandId: reply.commandId,
          decidedBy: decision.decidedBy,
          decidedAt: decision.decidedAt,
          valuation: decision.valuation,
          code: decision.code,
          postings: decision.postings,
          reason: decision.reason,
          ...(decision.deviationNumber ? { deviationNumber: decision.deviationNumber } : {}),
          unit: lot.unit,
          parts: splitLot(state.lotId, decision.basedOnVersion, decision.postings).parts,
        });
      }
      return { state, end: 'completed' };
    },

    passedUpstream(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'inspection.passed') throw new Error(`passedUpstream: expected inspection.passed, got ${signal.kind}`);
      if (ctx.repos.tasks.get(state.taskId)?.status === 'open') ctx.repos.tasks.cancel(state.taskId, ctx.now);
      ctx.audit('gateway', 'inspection passed upstream', state.lotId, { inspectionLotId: state.inspectionLotId });
      ctx.changed('lot', state.lotId);
      return { state, end: 'completed' };
    },

    decidedUpstream(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'usageDecision.made') throw new Error(`decidedUpstream: expected usageDecision.made, got ${signal.kind}`);
      const made = signal.event.payload;
      const latest = ctx.repos.decisions.latestForTask(state.taskId);
      ctx.changed('lot', state.lotId);
      if (latest?.commandId === made.commandId) {
        // Our own decision, heard from the stream before (or instead of) its reply.
        if (latest.status === 'pending') ctx.repos.decisions.setStatus(latest.commandId, 'accepted', null);
        return { state, end: 'completed' };
      }
      // Decided on another workstation: nothing is left to decide here. A decision of ours still on its
      // way is refused upstream, and the lot shows whose decision stands.
      if (ctx.repos.tasks.get(state.taskId)?.status === 'open') ctx.repos.tasks.cancel(state.taskId, ctx.now);
      ctx.audit(made.decidedBy, 'usage decision made upstream', state.lotId, {
        inspectionLotId: made.inspectionLotId,
        code: made.code,
        postings: made.postings,
        commandId: made.commandId,
        decidedAt: made.decidedAt,
        // A use-as-is under a supervisor's approval: filed under the approval, as on the station that asked.
        ...(made.approvalId ? { approvalId: made.approvalId } : {}),
        overtakes: latest ? { commandId: latest.commandId, decidedBy: latest.decidedBy, status: latest.status } : null,
      });
      return { state, end: 'completed' };
    },
  },
});

/**
 * Instances started by version 1 (one destination per lot) or 2 (a fixed due time, no timer) run on
 * version 3's steps: the step names are the same, a decision made now is a usage decision in parts
 * either way, and their state has no due time, so they never wait for one.
 */
export const inspectionFailedV1 = { ...inspectionFailed, version: 1 };
export const inspectionFailedV2 = { ...inspectionFailed, version: 2 };
