// A production line stopped: the orders it holds up move out by the expected stoppage if they wait.
// Against the present plan, find the production and customer orders that makes later; for each held-up
// order, the other plants' lines that can make it in its own window (a routing, free capacity every
// day) with the effect of moving it there. The planner reroutes orders one by one (impact.reroute) and
// then reschedules the rest to the restart, or accepts the delay. line.restarted notes the restart.
import { Refusal } from '../../engine/refusal';
import { markWorseThanDoingNothing } from '../../model/response-harm';
import { respondArgsSchema, waitsForTheLine, type ExceptionResponse, type HeldUpOrder, type LineStopDetail } from '../../../shared/api/impact';
import type { ProductionOrder } from '../../../shared/dataset';
import { ordersHeldUp, waitingForTheLine, type Stoppage } from '../../analysis/line-stoppage';
import { summarize, type Impact } from '../../model/impact';
import { derivedId } from '../../engine/derived-ids';
import { defineWorkflow, waitForReply, waitForTask, type StepOutcome, type Wait, type WorkflowContext } from '../../engine/workflow';
import { answeredElsewhere, closeTask, refusalOf, sendAnswer, type SentAnswer } from '../exception-answering';
import { lineStopOf } from './record';
import { rerouteOrder } from './reroute';
import { recordRerouteReply } from './reroute-reply';
import { ordersPerTurn, unweighed, weighOrders } from './weighing';
import { rescheduleCommand } from './worlds';

interface LineStoppedState {
  exceptionId: string;
  stoppageId: string;
  taskId: string;
  /** The answer sent to the gateway; the reschedules follow once it stands. */
  answer?: SentAnswer;
  /** The answer stands (accepted upstream, or given on another workstation): no task to wait for any more. */
  answered?: true;
  /** The reroutes sent whose reply has not come yet, by commandId: each reply is waited for, whatever else is. */
  reroutes?: string[];
}

/** Hours a planner has to answer before the exception is overdue: a line stop is urgent. */
const responseSlaHours = 4;

const noImpact: Impact = { productionOrders: [], customerOrders: [], totalRevenueAtRisk: 0 };

/** The held-up orders with their full records (components included) from the store. */
function heldUpOrders(stoppage: Stoppage, ctx: WorkflowContext): ProductionOrder[] {
  return ordersHeldUp(ctx.repos.planning.productionOrdersOn(stoppage.plant, stoppage.line), stoppage).flatMap((order) => {
    const full = ctx.repos.planning.productionOrder(order.id);
    return full ? [full] : [];
  });
}

/** A held-up order before weighing: its dates, and its dates if it waits for the line. */
function heldUp(order: ProductionOrder, stoppage: Stoppage): HeldUpOrder {
  const waiting = waitingForTheLine(order, stoppage);
  return {
    productionOrderId: order.id,
    itemId: order.itemId,
    quantity: order.quantity,
    startDate: order.startDate,
    dueDate: order.dueDate,
    waitingStartDate: waiting.startDate,
    waitingDueDate: waiting.dueDate,
    alternates: [],
    alternatesEvaluated: false,
    rerouted: null,
  };
}

/**
 * The reroutes still waiting for the ERP's answer: those the record shows pending that this workstation
 * sent (another workstation's, heard in its answer, are that one's to wait for). A reroute the previous
 * version sent, before reroutes were the workflow's, is adopted here; one whose reply came while nobody
 * waited for it is recorded now.
 */
function pendingReroutes(state: LineStoppedState, ctx: WorkflowContext): string[] {
  const detail = lineStopOf(ctx.repos.exceptions.get(state.exceptionId));
  const pending: string[] = [];
  for (const order of detail?.orders ?? []) {
    if (order.rerouted?.upstream.state !== 'pending') continue;
    const commandId = order.rerouted.commandId;
    const sent = ctx.sentCommand(commandId);
    if (!sent) continue;
    if (sent.status === 'pending') pending.push(commandId);
    else recordRerouteReply(state.exceptionId, sent.command, { commandId, status: sent.status, reason: sent.reason }, ctx);
  }
  return pending;
}

/**
 * Everything the instance still waits for, from its state: the planner's answer (the task, or the
 * gateway's reply to the answer sent) until it stands, and the reply to every reroute sent. The first
 * to happen cancels the others, so every step ends here and asks for all of them again.
 */
function waitsOf(state: LineStoppedState, ctx: WorkflowContext): StepOutcome<LineStoppedState> {
  const reroutes = pendingReroutes(state, ctx);
  const next: LineStoppedState = { ...state, reroutes };
  const waits: Wait[] = reroutes.map((commandId) => waitForReply(commandId, 'rerouteReplied'));
  if (!state.answered) waits.unshift(state.answer ? waitForReply(state.answer.commandId, 'answerReplied') : waitForTask(state.taskId, 'responded'));
  return waits.length > 0 ? { state: next, wait: waits } : { state: next, end: 'completed' };
}

export const lineStopped = defineWorkflow<LineStoppedState, 'line.stopped'>({
  name: 'line-stopped',
  // Version 2 reroutes through the instance (its action and the replies it waits for).
  version: 2,
  trigger: 'line.stopped',
  correlationKey: (event) => event.payload.stoppageId,
  startsWhen: (_event, ctx) => ctx.plan !== null,
  interrupts: { 'exception.answered': answeredElsewhere<LineStoppedState>('answeredElsewhere') },

  start(event, ctx) {
    const p = event.payload;
    const stoppage: Stoppage = { plant: p.plant, line: p.line, from: p.from, expectedDays: p.expectedDays };
    const held = ctx.plan ? heldUpOrders(stoppage, ctx) : [];
    const unweighedDetail: LineStopDetail = { stoppageId: p.stoppageId, plant: p.plant, line: p.line, from: p.from, expectedDays: p.expectedDays, reason: p.reason, restartedOn: null, orders: held.map((order) => heldUp(order, stoppage)) };
    // The earliest orders are weighed now; the line-stop weigher weighs the rest in later turns.
    const first = new Set(unweighed(unweighedDetail).slice(0, ordersPerTurn).map((o) => o.productionOrderId));
    const { impact, orders } = ctx.plan && held.length > 0 ? weighOrders(unweighedDetail, first, ctx.repos, ctx.plan) : { impact: noImpact, orders: unweighedDetail.orders };
    const hit = impact.productionOrders.length + impact.customerOrders.length > 0;
    const exceptionId = derivedId('EX-', p.stoppageId);
    const detail: LineStopDetail = { ...unweighedDetail, orders };
    const responses: ExceptionResponse[] = hit
      ? markWorseThanDoingNothing([
          {
            id: 'reschedule',
            label: 'Reschedule to the restart',
            // The plan already has them waiting for the line: what this adds is dates the ERP and the customers can trust.
            description: `Move the held-up orders not rerouted to start when line ${p.line} runs again (${p.expectedDays} days), so the ERP's dates say when they will run; the orders late are the same as leaving them.`,
            needsApproval: false,
            projected: summarize(impact),
            commandCount: held.length,
          },
          { id: 'accept-delay', label: 'Leave the orders as they are', description: 'The ERP keeps dates the stopped line cannot meet; the line catches up after the restart.', needsApproval: false, projected: summarize(impact), commandCount: 0 },
        ])
      : [];
    const taskId = hit ? ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Line ${p.plant}/${p.line} stopped: ${impact.customerOrders.length} customer orders later`, dueInHours: responseSlaHours }) : null;
    ctx.repos.exceptions.insert({
      id: exceptionId,
      type: 'line-stop',
      // The line, not one of the items it makes: the same on every workstation, whatever it holds up.
      itemId: `${p.plant}/${p.line}`,
      plant: p.plant,
      sourceDocument: `${p.plant}/${p.line} (${p.stoppageId})`,
      detectedAt: event.occurredAt,
      status: hit ? 'open' : 'no-impact',
      detail,
      impact,
      responses,
      instanceId: ctx.instanceId,
      taskId,
    });
    // Weighed now, against the plan this workstation holds (it may hear of the disruption late).
    ctx.repos.exceptions.weighed(exceptionId, ctx.now);
    ctx.changed('exception', exceptionId);
    const state = { exceptionId, stoppageId: p.stoppageId, taskId: taskId ?? '' };
    return taskId ? waitsOf(state, ctx) : { state, end: 'completed' };
  },

  steps: {
    responded(state, signal, ctx) {
      if (signal.kind !== 'task') throw new Error(`responded: expected a task signal, got ${signal.kind}`);
      const input = respondArgsSchema.parse(signal.input);
      if (!lineStopOf(ctx.repos.exceptions.get(state.exceptionId))) throw new Error(`exception ${state.exceptionId} is not a line stop`);
      if (input.responseId !== 'reschedule' && input.responseId !== 'accept-delay') throw new Refusal('conflict', `responseId: a line stop offers reschedule or accept-delay, not ${input.responseId}`);
      ctx.repos.tasks.complete(signal.taskId, signal.user, ctx.now);
      const answer = sendAnswer(ctx, state.exceptionId, { responseId: input.responseId, by: signal.user, at: ctx.now, note: input.note ?? null });
      return waitsOf({ ...state, answer }, ctx);
    },

    answerReplied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`answerReplied: expected a reply, got ${signal.kind}`);
      const answer = state.answer;
      const detail = lineStopOf(ctx.repos.exceptions.get(state.exceptionId));
      if (!answer || !detail) throw new Error(`answerReplied: ${state.exceptionId} sent no answer, or is not a line stop`);
      if (signal.reply.status === 'rejected') {
        // Another workstation answered first (its answer follows on the stream and closes this task), or the gateway says why not.
        const taskId = ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Your answer to the stop of ${detail.plant}/${detail.line} was refused upstream (${refusalOf(signal)}): choose again`, dueInHours: responseSlaHours });
        ctx.repos.exceptions.reopen(state.exceptionId, taskId);
        ctx.changed('exception', state.exceptionId);
        const { answer: _answer, ...rest } = state;
        return waitsOf({ ...rest, taskId }, ctx);
      }
      // The orders still on the line now: a reroute refused since the answer waits for the restart too.
      if (answer.responseId === 'reschedule') {
        for (const order of detail.orders.filter(waitsForTheLine)) {
          const { payload, options } = rescheduleCommand(detail, order, answer.choice.by);
          ctx.emit('production.reschedule', payload, { ...options, onBehalfOf: answer.commandId });
        }
      }
      ctx.audit(answer.choice.by, 'exception response', state.exceptionId, { response: answer.responseId, note: answer.choice.note });
      ctx.changed('exception', state.exceptionId);
      return waitsOf({ ...state, answered: true }, ctx);
    },

    rerouteReplied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`rerouteReplied: expected a reply, got ${signal.kind}`);
      recordRerouteReply(state.exceptionId, signal.command, signal.reply, ctx);
      return waitsOf(state, ctx);
    },

    answeredElsewhere(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'exception.answered') throw new Error(`answeredElsewhere: expected exception.answered, got ${signal.kind}`);
      closeTask(state.taskId, ctx);
      return waitsOf({ ...state, answered: true }, ctx);
    },
  },

  actions: {
    reroute(state, signal, ctx) {
      if (signal.kind !== 'action') throw new Error(`reroute: expected an action, got ${signal.kind}`);
      rerouteOrder(state.exceptionId, signal.input, signal.user, ctx);
      return waitsOf(state, ctx);
    },
  },
});

/**
 * Instances started by version 1 wait for their task alone and keep no reroutes in their state: they
 * run on version 2's steps, which find the reroutes they sent in the line stop's record.
 */
export const lineStoppedV1 = { ...lineStopped, version: 1 };

