// An incoming inspection failed: block the lot upstream (unless it already is), put it on hold, and
// ask a quality engineer for a usage decision. The decision goes upstream based on the lot version
// the engineer saw; if the gateway rejects it as stale, the task reopens as a conflict to decide again.
import { z } from 'zod';
import { dispositionDecisionSchema } from '../../shared/domain';
import { commandIdFor } from '../engine/derived-ids';
import { defineWorkflow, waitForReply, waitForTask } from '../engine/workflow';

interface InspectionFailedState {
  lotId: string;
  inspectionLotId: string;
  taskId: string;
}

/** What the disposition task takes as input (already validated against the API contract). */
export const dispositionInputSchema = z.object({
  decision: dispositionDecisionSchema,
  reason: z.string(),
  deviationNumber: z.string().optional(),
});

/** Hours a quality engineer has to disposition a blocked lot before the task is overdue. */
const dispositionSlaHours = 24;

export const inspectionFailed = defineWorkflow<InspectionFailedState, 'inspection.failed'>({
  name: 'inspection-failed',
  version: 1,
  trigger: 'inspection.failed',
  correlationKey: (event) => event.payload.lotId,

  start(event, ctx) {
    const { lotId, inspectionLotId, defectCode, defectText } = event.payload;
    if (ctx.repos.lots.get(lotId)?.stockType !== 'blocked') {
      ctx.emit(
        'lot.setStatus',
        { lotId, stockType: 'blocked', reason: `Inspection lot ${inspectionLotId} failed: ${defectCode}` },
        // Named after the inspection lot: the same whether this workstation heard the failure or found it in a snapshot.
        { issuedBy: 'system', entityId: lotId, commandId: commandIdFor(inspectionLotId, 'block') },
      );
    }
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
      // The decision is based on the version upstream will have once our queued commands on this lot land.
      const basedOnVersion = lot.version + ctx.repos.outbox.pendingForEntity(lot.lotId);
      const commandId = ctx.emit(
        'lot.disposition',
        {
          lotId: lot.lotId,
          inspectionLotId: state.inspectionLotId,
          decision: input.decision,
          quantity: lot.quantity,
          reason: input.reason,
          ...(input.deviationNumber ? { deviationNumber: input.deviationNumber } : {}),
        },
        { issuedBy: signal.user, basedOn: { entity: 'lot', id: lot.lotId, version: basedOnVersion }, entityId: lot.lotId },
      );
      ctx.repos.decisions.insert({
        taskId: state.taskId,
        lotId: lot.lotId,
        decision: input.decision,
        quantity: lot.quantity,
        reason: input.reason,
        deviationNumber: input.deviationNumber ?? null,
        decidedBy: signal.user,
        decidedAt: ctx.now,
        commandId,
        basedOnVersion,
      });
      ctx.repos.tasks.complete(state.taskId, signal.user, ctx.now);
      ctx.audit(signal.user, 'usage decision', lot.lotId, { decision: input.decision, reason: input.reason, deviationNumber: input.deviationNumber ?? null, commandId, basedOnVersion });
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
      return { state, end: 'completed' };
    },
  },
});
