// A production line stopped: the orders it holds up move out by the expected stoppage if they wait.
// Against the present plan, find the production and customer orders that makes later; for each held-up
// order, the other plants' lines that can make it in its own window (a routing, free capacity every
// day) with the effect of moving it there. The planner reroutes orders one by one (impact.reroute) and
// then reschedules the rest to the restart, or accepts the delay. line.restarted notes the restart.
import { Refusal } from '../engine/refusal';
import { markWorseThanDoingNothing } from '../model/response-harm';
import { respondArgsSchema, waitsForTheLine, type ExceptionResponse, type HeldUpOrder, type LineStopDetail } from '../../shared/api/impact';
import type { ProductionOrder } from '../../shared/dataset';
import { ordersHeldUp, waitingForTheLine, type Stoppage } from '../analysis/line-stoppage';
import { summarize, type Impact } from '../model/impact';
import { derivedId } from '../engine/derived-ids';
import { defineWorkflow, waitForReply, waitForTask, type WorkflowContext } from '../engine/workflow';
import { answeredElsewhere, closeTask, refusalOf, sendAnswer, type SentAnswer } from './exception-answering';
import { ordersPerTurn, unweighed, weighOrders } from '../projections/line-stop-weighing';
import { rescheduleCommand } from '../projections/line-stop-worlds';

interface LineStoppedState {
  exceptionId: string;
  stoppageId: string;
  taskId: string;
  /** The answer sent to the gateway; the reschedules follow once it stands. */
  answer?: SentAnswer;
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

export const lineStopped = defineWorkflow<LineStoppedState, 'line.stopped'>({
  name: 'line-stopped',
  version: 1,
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
    ctx.exceptionChanged(exceptionId);
    const state = { exceptionId, stoppageId: p.stoppageId, taskId: taskId ?? '' };
    return taskId ? { state, wait: waitForTask(taskId, 'responded') } : { state, end: 'completed' };
  },

  steps: {
    responded(state, signal, ctx) {
      if (signal.kind !== 'task') throw new Error(`responded: expected a task signal, got ${signal.kind}`);
      const input = respondArgsSchema.parse(signal.input);
      const stored = ctx.repos.exceptions.get(state.exceptionId);
      if (!stored || !('stoppageId' in stored.detail)) throw new Error(`exception ${state.exceptionId} is not a line stop`);
      if (input.responseId !== 'reschedule' && input.responseId !== 'accept-delay') throw new Refusal('conflict', `responseId: a line stop offers reschedule or accept-delay, not ${input.responseId}`);
      ctx.repos.tasks.complete(signal.taskId, signal.user, ctx.now);
      const answer = sendAnswer(ctx, state.exceptionId, { responseId: input.responseId, by: signal.user, at: ctx.now, note: input.note ?? null });
      return { state: { ...state, answer }, wait: waitForReply(answer.commandId, 'answerReplied') };
    },

    answerReplied(state, signal, ctx) {
      if (signal.kind !== 'reply') throw new Error(`answerReplied: expected a reply, got ${signal.kind}`);
      const answer = state.answer;
      const stored = ctx.repos.exceptions.get(state.exceptionId);
      if (!answer || !stored || !('stoppageId' in stored.detail)) throw new Error(`answerReplied: ${state.exceptionId} sent no answer, or is not a line stop`);
      if (signal.reply.status === 'rejected') {
        // Another workstation answered first (its answer follows on the stream and closes this task), or the gateway says why not.
        const taskId = ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Your answer to the stop of ${stored.detail.plant}/${stored.detail.line} was refused upstream (${refusalOf(signal)}): choose again`, dueInHours: responseSlaHours });
        ctx.repos.exceptions.reopen(state.exceptionId, taskId);
        ctx.exceptionChanged(state.exceptionId);
        const { answer: _answer, ...rest } = state;
        return { state: { ...rest, taskId }, wait: waitForTask(taskId, 'responded') };
      }
      // The orders still on the line now: a reroute refused since the answer waits for the restart too.
      if (answer.responseId === 'reschedule') {
        for (const order of stored.detail.orders.filter(waitsForTheLine)) {
          const { payload, options } = rescheduleCommand(stored.detail, order, answer.choice.by);
          ctx.emit('production.reschedule', payload, options);
        }
      }
      ctx.audit(answer.choice.by, 'exception response', state.exceptionId, { response: answer.responseId, note: answer.choice.note });
      ctx.exceptionChanged(state.exceptionId);
      return { state, end: 'completed' };
    },

    answeredElsewhere(state, signal, ctx) {
      if (signal.kind !== 'event' || signal.event.type !== 'exception.answered') throw new Error(`answeredElsewhere: expected exception.answered, got ${signal.kind}`);
      closeTask(state.taskId, ctx);
      return { state, end: 'completed' };
    },
  },
});

