// The Order Impact API: exceptions and, for one, the orders it hits with their dates and values
// (a line stop's reroutes: reroute-handler.ts).
import type { Handlers } from '../../shared/api';
import type { ExceptionDetail, ImpactApi, ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../shared/api/impact';
import { ApiFailure } from '../../shared/api/result';
import type { Engine } from '../engine/engine';
import type { Repos } from '../store/repos';
import type { CommitPath } from './commit-path';

export interface ImpactHandlerDeps {
  repos: Repos;
  engine: Engine;
  commit: CommitPath;
}

export function createImpactHandlers(deps: ImpactHandlerDeps) {
  const { repos, engine, commit } = deps;
  /** This workstation's answer, when the gateway refused it. */
  function refusedAnswerOf(commandId: string | null): ExceptionDetail['refusedAnswer'] {
    const sent = commandId === null ? undefined : repos.outbox.get(commandId);
    if (sent?.status !== 'rejected') return null;
    const payload = sent.command.payload as { responseLabel?: string; responseId?: string };
    return { label: payload.responseLabel ?? payload.responseId ?? 'the answer', reason: repos.outbox.refusal(sent.commandId) ?? 'refused upstream' };
  }

  /** A lot block's facts with the lot's usage decision, once the ERP posted it. */
  function withUsageDecision(detail: ExceptionDetail['detail']): ExceptionDetail['detail'] {
    if (!('inspectionLotId' in detail)) return detail;
    const decided = repos.usageDecisions.forInspectionLot(detail.inspectionLotId);
    if (!decided) return detail;
    const { code, decidedBy, decidedAt, postings } = decided;
    return { ...detail, usageDecision: { code, decidedBy, decidedAt, postings: postings.map(({ decision, quantity }) => ({ decision, quantity })) } };
  }

  return {
    'impact.exceptions': () => repos.exceptions.list(),
    'impact.exception': ({ id }, context) => {
      const stored = repos.exceptions.get(id);
      if (!stored) throw new ApiFailure('not-found', `id: no exception ${id}`);
      // Orders since removed upstream (shipped, cancelled) drop out of the detail.
      const productionOrders = stored.impact.productionOrders.flatMap((order): ImpactedProductionOrderRow[] => {
        const facts = repos.orderFacts.productionOrder(order.id);
        return facts ? [{ ...facts, daysLate: order.daysLate, addedDaysLate: order.addedDaysLate, unfulfilled: order.unfulfilled }] : [];
      });
      const customerOrders = stored.impact.customerOrders.flatMap((order): ImpactedCustomerOrderRow[] => {
        const facts = repos.orderFacts.customerOrder(order.id);
        return facts ? [{ ...facts, daysLate: order.daysLate, addedDaysLate: order.addedDaysLate, unfulfilled: order.unfulfilled, revenueAtRisk: order.revenueAtRisk }] : [];
      });
      const approval = repos.approvals.latestForException(id, context.user);
      return {
        exception: stored.row,
        detail: withUsageDecision(stored.detail),
        weighedAt: stored.weighedAt,
        productionOrders,
        customerOrders,
        responses: stored.responses,
        chosenResponse: stored.chosenResponse,
        choice: stored.choice,
        approval: approval
          ? {
              id: approval.id,
              responseId: 'substitute',
              status: approval.status,
              requestedBy: approval.requestedBy,
              decidedBy: approval.decidedBy,
              decisionReason: approval.decisionReason,
              refusedUpstream: approval.substitutionRefused,
            }
          : null,
        refusedAnswer: refusedAnswerOf(stored.answerCommandId),
      };
    },
    'impact.respond': (args, context) => {
      const commandIds = commit('impact.respond', () => {
        const stored = repos.exceptions.get(args.exceptionId);
        if (!stored) throw new ApiFailure('not-found', `exceptionId: no exception ${args.exceptionId}`);
        const task = stored.row.taskId ? repos.tasks.get(stored.row.taskId) : undefined;
        if (!task || task.status !== 'open') {
          const answered = stored.choice;
          const label = answered && stored.responses.find((candidate) => candidate.id === answered.responseId)?.label;
          if (answered) throw new ApiFailure('conflict', `exceptionId: ${args.exceptionId} was answered by ${answered.by} at ${answered.at}: ${label ?? answered.responseId}; it is ${stored.row.status}`);
          throw new ApiFailure('conflict', `exceptionId: ${args.exceptionId} is ${stored.row.status}, not waiting for a response`);
        }
        // A response that leaves things worse than doing nothing is applied only when the planner confirms it.
        const response = stored.responses.find((candidate) => candidate.id === args.responseId);
        const doingNothing = stored.responses.find((candidate) => candidate.id === 'accept-delay');
        if (response?.worseThanDoingNothing && args.confirmedWorse !== true && doingNothing) {
          throw new ApiFailure(
            'conflict',
            `confirmedWorse: "${response.label}" leaves things worse than doing nothing (${response.projected.ordersHit} orders hit instead of ${doingNothing.projected.ordersHit}); confirm to apply it anyway`,
          );
        }
        const mark = repos.instances.historyMark();
        engine.onTaskCompleted(task.id, args, context.user);
        return repos.instances.commandsEmittedSince(stored.instanceId, mark);
      });
      return { commandIds };
    },
  } satisfies Omit<Handlers<ImpactApi>, 'impact.reroute'>;
}
