// The Quarantine API: lots on hold, a quality engineer's usage decisions (and withdrawals of refused
// ones), containment through the genealogy, and what a scanned lot id is.
import type { Handlers } from '../../shared/api';
import type { QuarantineApi } from '../../shared/api/quarantine';
import { ApiFailure } from '../../shared/api/result';
import { checkDeviationNumber, checkPostings } from '../../shared/usage-decision';
import type { Clock } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Engine } from '../engine/engine';
import { containmentCommandId } from '../workflows/inspection-failed';
import type { Repos } from '../store/repos';
import type { HumanTask } from '../store/tasks-repo';
import type { CommitPath } from './commit-path';
import { containmentReport } from './containment-report';
import type { QuarantineQueries } from '../store/quarantine-queries';

export interface QuarantineHandlerDeps {
  repos: Repos;
  engine: Engine;
  queries: QuarantineQueries;
  /** What a deviation number must look like (settings' quality policy). */
  deviationNumberPattern: string;
  changes: ChangeTracker;
  clock: Clock;
  commit: CommitPath;
}

export function createQuarantineHandlers(deps: QuarantineHandlerDeps) {
  const { repos, engine, commit } = deps;

  /** Refuses work on a lot the ERP has decided already, saying who decided it and when. */
  function refuseDecided(inspectionLotId: string, lotId: string): void {
    const made = repos.usageDecisions.forInspectionLot(inspectionLotId);
    if (made) throw new ApiFailure('conflict', `taskId: lot ${lotId} was decided already: ${made.code} by ${made.decidedBy} at ${made.decidedAt}; one usage decision per inspection lot`);
  }

  function openTask(taskId: string): HumanTask {
    const task = repos.tasks.get(taskId);
    if (!task || task.kind !== 'disposition-lot') throw new ApiFailure('not-found', `taskId: no disposition task ${taskId}`);
    const hold = repos.lots.holdForTask(task.id);
    if (hold) refuseDecided(hold.inspectionLotId, hold.lotId);
    if (task.status !== 'open') {
      const withdrawn = repos.decisions.latestForTask(task.id)?.status === 'withdrawn';
      throw new ApiFailure('conflict', withdrawn ? `taskId: the decision was withdrawn by ${task.completedBy ?? 'someone'}; decide again (quarantine.reopen) first` : `taskId: lot decision already made by ${task.completedBy ?? 'someone'}; it is waiting for upstream`);
    }
    return task;
  }

  return {
    'quarantine.list': () => deps.queries.list(),
    'quarantine.disposition': (args, context) =>
      commit('quarantine.disposition', () => {
        const task = openTask(args.taskId);
        const hold = repos.lots.holdForTask(task.id);
        const lot = hold && repos.lots.get(hold.lotId);
        if (!lot) throw new ApiFailure('not-found', `taskId: task ${task.id} has no lot on hold`);
        const addUp = checkPostings(args.postings, lot, repos.master.decimalsOf(lot.unit));
        if (addUp) throw new ApiFailure('invalid-args', addUp);
        const misnumbered = args.deviationNumber !== undefined && args.postings.some((p) => p.decision === 'use-as-is') ? checkDeviationNumber(args.deviationNumber, deps.deviationNumberPattern) : null;
        if (misnumbered) throw new ApiFailure('invalid-args', misnumbered);
        // Another engineer's use-as-is waits for a supervisor: one usage decision per inspection lot.
        const asked = repos.approvals.pendingUseAsIs(lot.lotId, hold.inspectionLotId);
        if (asked) {
          throw new ApiFailure('conflict', `taskId: lot ${lot.lotId} awaits a supervisor's approval of the use-as-is ${asked.requestedBy} asked for (${asked.id}); it can be decided here if the supervisor rejects it`);
        }
        const containmentLotIds = args.containmentLotIds ?? [];
        const madeFromLot = new Set(containmentLotIds.length === 0 ? [] : repos.genealogy.descendantsOf(lot.lotId).map((step) => step.lotId));
        const stranger = containmentLotIds.find((lotId) => !madeFromLot.has(lotId));
        if (stranger) throw new ApiFailure('invalid-args', `containmentLotIds: lot ${stranger} was not made from lot ${lot.lotId}`);
        engine.onTaskCompleted(task.id, { ...args, containmentLotIds }, context.user);
        const decision = repos.decisions.latestForTask(task.id);
        if (!decision) throw new Error(`task ${task.id} completed without a decision`);
        const containmentCommandIds = containmentLotIds.map((lotId) => containmentCommandId(hold.inspectionLotId, lotId));
        return { commandId: decision.commandId, containmentCommandIds };
      }),
    'quarantine.withdraw': (args, context) =>
      commit('quarantine.withdraw', () => {
        const task = openTask(args.taskId);
        const latest = repos.decisions.latestForTask(task.id);
        if (latest?.status !== 'rejected') throw new ApiFailure('conflict', `taskId: lot has no refused decision to withdraw; post a usage decision instead`);
        engine.onTaskCompleted(task.id, { withdraw: true, reason: args.reason }, context.user);
        return {};
      }),
    'quarantine.reopen': (args, context) =>
      commit('quarantine.reopen', () => {
        const task = repos.tasks.get(args.taskId);
        if (!task || task.kind !== 'disposition-lot') throw new ApiFailure('not-found', `taskId: no disposition task ${args.taskId}`);
        const hold = repos.lots.holdForTask(task.id);
        if (!hold) throw new ApiFailure('not-found', `taskId: task ${task.id} has no lot on hold`);
        if (task.status === 'open') throw new ApiFailure('conflict', `taskId: lot ${hold.lotId} is waiting for a decision already`);
        if (repos.decisions.latestForTask(task.id)?.status !== 'withdrawn') throw new ApiFailure('conflict', `taskId: lot ${hold.lotId} has a decision that was not withdrawn; only a withdrawn one can be decided again`);
        // Upstream may have decided meanwhile (another workstation, a passed re-inspection): one usage decision per inspection lot.
        refuseDecided(hold.inspectionLotId, hold.lotId);
        if (repos.inspectionLots.status(hold.inspectionLotId) === 'usage-decision-made') throw new ApiFailure('conflict', `taskId: inspection lot ${hold.inspectionLotId} of lot ${hold.lotId} has its usage decision already`);
        // Withdrawn by a version that ended the workflow there: nothing would hear a new decision.
        if (!engine.waitsForTask(task.id)) throw new ApiFailure('conflict', `taskId: lot ${hold.lotId} was withdrawn by an older version that closed its workflow; it cannot be decided again here`);
        const lot = repos.lots.get(hold.lotId);
        if (lot && lot.stockType !== 'blocked' && lot.stockType !== 'quality-inspection') throw new ApiFailure('conflict', `taskId: lot ${hold.lotId} is ${lot.stockType} upstream now; it is no longer on hold there`);
        repos.tasks.reopen(task.id);
        repos.audit.append({ at: deps.clock.now().toISOString(), actor: context.user, action: 'usage decision task reopened', subject: hold.lotId, detail: { taskId: task.id } });
        deps.changes.changed('lot', hold.lotId);
        return {};
      }),
    'quarantine.containment': ({ lotId }) => {
      const lot = repos.lots.get(lotId);
      if (!lot) throw new ApiFailure('not-found', `lotId: no lot ${lotId} in the local cache`);
      return containmentReport(lot, repos);
    },
    'quarantine.lookup': ({ lotId }) => {
      const lot = repos.lots.get(lotId);
      const item = lot && repos.lots.item(lot.itemId);
      const decided = repos.usageDecisions.concerning(lotId);
      return {
        lotId,
        onHold: repos.lots.hasHold(lotId) && repos.lots.hold(lotId) !== undefined,
        lot: lot ? { itemId: lot.itemId, itemDescription: item?.description ?? lot.itemId, plant: lot.plant, quantity: lot.quantity, unit: lot.unit, stockType: lot.stockType } : null,
        decision: decided
          ? { decidedBy: decided.decision.decidedBy, decidedAt: decided.decision.decidedAt, code: decided.decision.code, inspectionLotId: decided.decision.inspectionLotId, parentLotId: decided.parentLotId }
          : null,
      };
    },
  } satisfies Handlers<QuarantineApi>;
}
