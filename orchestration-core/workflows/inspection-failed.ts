// An incoming inspection failed: block the lot upstream (unless it already is), move it to the hold
// area, open a case with the supplier (procurement is told), put it on hold, and ask a quality engineer
// for a usage decision. The decision posts the lot in parts, may block lots made from it (containment),
// and goes upstream based on the lot version the engineer saw; if the gateway rejects it as stale, the
// task reopens as a conflict to decide again or withdraw.
import { z } from 'zod';
import { idSchema } from '../../shared/domain';
import { followUpActions, usageDecisionCode, usagePostingsSchema, usageValuation } from '../../shared/usage-decision';
import { commandIdFor, derivedId } from '../engine/derived-ids';
import { defineWorkflow, waitForReply, waitForTask, type WorkflowContext } from '../engine/workflow';

interface InspectionFailedState {
  lotId: string;
  inspectionLotId: string;
  taskId: string;
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

/** Hours a quality engineer has to disposition a blocked lot before the task is overdue. */
const dispositionSlaHours = 24;

/** Where failed stock waits for its usage decision. */
export const holdLocation = 'QM-HOLD';

/** The block of a lot made from the failed one, named after the decision that asked for it. */
export const containmentCommandId = (decisionCommandId: string, lotId: string): string => commandIdFor(decisionCommandId, `contain-${lotId}`);

function containLots(ctx: WorkflowContext, lotIds: readonly string[], failedLotId: string, decisionCommandId: string, user: string): void {
  for (const lotId of lotIds) {
    ctx.emit(
      'lot.setStatus',
      { lotId, stockType: 'blocked', reason: `Containment: made from failed lot ${failedLotId}` },
      { issuedBy: user, entityId: lotId, commandId: containmentCommandId(decisionCommandId, lotId) },
    );
  }
}

export const inspectionFailed = defineWorkflow<InspectionFailedState, 'inspection.failed'>({
  name: 'inspection-failed',
  version: 2,
  trigger: 'inspection.failed',
  correlationKey: (event) => event.payload.lotId,

  start(event, ctx) {
    const { lotId, inspectionLotId, defectCode, defectText, plant, supplierId, itemId, quantity, unit } = event.payload;
    // Every command here is named after the inspection lot: the same whether this workstation heard
    // the failure or found it in a snapshot, so the gateway applies each once.
    if (ctx.repos.lots.get(lotId)?.stockType !== 'blocked') {
      ctx.emit(
        'lot.setStatus',
        { lotId, stockType: 'blocked', reason: `Inspection lot ${inspectionLotId} failed: ${defectCode}` },
        { issuedBy: 'system', entityId: lotId, commandId: commandIdFor(inspectionLotId, 'block') },
      );
    }
    ctx.emit(
      'wms.moveTask',
      { moveTaskId: derivedId('WT-', inspectionLotId), lotId, plant, toLocation: holdLocation, reason: `Inspection lot ${inspectionLotId} failed: ${defectCode}` },
      { issuedBy: 'system', commandId: commandIdFor(inspectionLotId, 'hold-move') },
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
        { issuedBy: 'system', commandId: commandIdFor(inspectionLotId, 'supplier-case') },
      );
    }
    ctx.repos.inspectionLots.advance(inspectionLotId, lotId, 'goods-receipt', 'results-recorded', ctx.now);
    const taskId = ctx.openTask({
      kind: 'disposition-lot',
      role: 'quality-engineer',
      subject: `Usage decision for lot ${lotId} (${defectCode})`,
      dueInHours: dispositionSlaHours,
    });
    ctx.repos.lots.placeHold({ lotId, inspectionLotId, defectCode, defectText, holdSince: event.occurredAt, taskId, instanceId: ctx.instanceId });
    ctx.lotChanged(lotId);
    return { state: { lotId, inspectionLotId, taskId }, wait: waitForTask(taskId, 'decided') };
  },

  steps: {
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
        ctx.lotChanged(lot.lotId);
        return { state, end: 'completed' };
      }
      // The decision is based on the version upstream will have once our queued commands on this lot land.
      const basedOnVersion = lot.version + ctx.repos.outbox.pendingForEntity(lot.lotId);
      const valuation = usageValuation(input.postings);
      const code = usageDecisionCode(input.postings).code;
      const commandId = ctx.emit(
        'lot.disposition',
        {
          lotId: lot.lotId,
          inspectionLotId: state.inspectionLotId,
          valuation,
          code,
          postings: input.postings,
          reason: input.reason,
          ...(input.deviationNumber ? { deviationNumber: input.deviationNumber } : {}),
        },
        { issuedBy: signal.user, basedOn: { entity: 'lot', id: lot.lotId, version: basedOnVersion }, entityId: lot.lotId },
      );
      containLots(ctx, input.containmentLotIds, lot.lotId, commandId, signal.user);
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
      });
      ctx.lotChanged(lot.lotId);
      return { state, wait: waitForReply(commandId, 'replied') };
    },

    replied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`replied: expected a reply signal, got ${signal.kind}`);
      const { reply } = signal;
      ctx.lotChanged(state.lotId);
      if (reply.status === 'rejected') {
        ctx.repos.decisions.setStatus(reply.commandId, 'rejected', reply.reason ?? 'rejected upstream');
        ctx.repos.tasks.reopen(state.taskId);
        ctx.audit('gateway', 'usage decision rejected', state.lotId, { commandId: reply.commandId, reason: reply.reason ?? null });
        return { state, wait: waitForTask(state.taskId, 'decided') };
      }
      ctx.repos.decisions.setStatus(reply.commandId, 'accepted', null);
      ctx.repos.inspectionLots.advance(state.inspectionLotId, state.lotId, 'goods-receipt', 'usage-decision-made', ctx.now);
      return { state, end: 'completed' };
    },
  },
});

/** Instances started before partial decisions keep their state and steps; the new steps carry them on. */
export const inspectionFailedV1 = { ...inspectionFailed, version: 1 };
