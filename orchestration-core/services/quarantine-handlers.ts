// The Quarantine API: list lots on hold, record a quality engineer's usage decision.
import type { Handlers } from '../../shared/api';
import type { QuarantineApi } from '../../shared/api/quarantine';
import { ApiFailure } from '../../shared/api/result';
import type { Role } from '../../shared/domain';
import type { Engine } from '../engine/engine';
import type { Store } from '../store/open-store';
import type { Repos } from '../store/repos';
import type { QuarantineQueries } from './quarantine-queries';

const rolesThatDisposition: readonly Role[] = ['quality-engineer', 'supervisor'];

export interface QuarantineHandlerDeps {
  store: Store;
  repos: Repos;
  engine: Engine;
  queries: QuarantineQueries;
  role: Role;
  /** Called after a decision committed: push the changes, wake the outbox. */
  afterDecision(): void;
  discardChanges(): void;
}

export function createQuarantineHandlers(deps: QuarantineHandlerDeps) {
  const { store, repos, engine } = deps;
  return {
    'quarantine.list': () => deps.queries.list(),
    'quarantine.disposition': (args, context) => {
      if (!rolesThatDisposition.includes(deps.role)) {
        throw new ApiFailure('forbidden', `role: a ${deps.role} cannot post usage decisions`);
      }
      let commandId: string;
      try {
        commandId = store.durableTransaction(() => {
          const task = repos.tasks.get(args.taskId);
          if (!task || task.kind !== 'disposition-lot') throw new ApiFailure('not-found', `taskId: no disposition task ${args.taskId}`);
          if (task.status !== 'open') {
            throw new ApiFailure('conflict', `taskId: lot decision already made by ${task.completedBy ?? 'someone'}; it is waiting for upstream`);
          }
          engine.onTaskCompleted(task.id, args, context.user);
          const decision = repos.decisions.latestForTask(task.id);
          if (!decision) throw new Error(`task ${task.id} completed without a decision`);
          return decision.commandId;
        });
      } catch (error) {
        deps.discardChanges();
        throw error;
      }
      deps.afterDecision();
      return { commandId };
    },
  } satisfies Handlers<QuarantineApi>;
}
