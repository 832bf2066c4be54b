// impact.reroute: one order a stopped line holds up goes to another plant's line. The line stop's
// workflow decides and sends it (its reroute action, workflows/line-stop/reroute.ts) and waits for the
// ERP's answer; this handler finds the instance the exception belongs to.
import type { CallContext } from '../../shared/api';
import type { RerouteArgs } from '../../shared/api/impact';
import { ApiFailure } from '../../shared/api/result';
import type { Engine } from '../engine/engine';
import type { Repos } from '../store/repos';
import { lineStopped } from '../workflows/line-stop/line-stopped';
import { lineStopOf } from '../workflows/line-stop/record';
import { rerouteCommandId } from '../workflows/line-stop/worlds';
import type { CommitPath } from './commit-path';

export interface RerouteHandlerDeps {
  repos: Repos;
  engine: Engine;
  commit: CommitPath;
}

export function createRerouteHandler({ repos, engine, commit }: RerouteHandlerDeps) {
  return (args: RerouteArgs, context: CallContext): { commandId: string } =>
    commit('impact.reroute', () => {
      const stored = repos.exceptions.get(args.exceptionId);
      const detail = lineStopOf(stored);
      if (!stored || !detail) throw new ApiFailure('not-found', `exceptionId: no line stop ${args.exceptionId}`);
      const instance = repos.instances.get(stored.instanceId);
      // Its workflow ended (nothing held up was late, or the answer stands): no reroute any more.
      if (!instance || instance.status !== 'running') throw new ApiFailure('conflict', `exceptionId: ${args.exceptionId} is ${stored.row.status}, not waiting for a response`);
      engine.act(lineStopped.name, instance.correlationKey, 'reroute', args, context.user);
      return { commandId: rerouteCommandId(detail.stoppageId, args.productionOrderId) };
    });
}
