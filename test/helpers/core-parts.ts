// The core's parts without any socket: the store, the engine and the ingest, wired as host.ts wires them.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import { createEventIngest } from '../../orchestration-core/connectors/event-ingest';
import { createReplyHandler } from '../../orchestration-core/connectors/reply-handler';
import type { Clock, Logger } from '../../orchestration-core/core-ports';
import { createChangeTracker } from '../../orchestration-core/engine/change-tracker';
import { createEngine } from '../../orchestration-core/engine/engine';
import { createCommitPath } from '../../orchestration-core/services/commit-path';
import { createQuarantineHandlers } from '../../orchestration-core/services/quarantine-handlers';
import { createPlanningService } from '../../orchestration-core/services/planning-service';
import { createQuarantineQueries } from '../../orchestration-core/store/quarantine-queries';
import { openStore } from '../../orchestration-core/store/open-store';
import type { PlanningDataset } from '../../orchestration-core/store/planning-repo';
import { createRepos } from '../../orchestration-core/store/repos';
import { workflowDefinitions } from '../../orchestration-core/workflows';
import { createLineStopRecords } from '../../orchestration-core/workflows/line-stop/heard';
import { makeTempDir } from './temp-dir';
import { defaultDeviationNumberPattern } from '../../shared/usage-decision';
import type { Role } from '../../shared/domain';

export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function fixedClock(start = '2026-11-02T08:00:00Z'): Clock & { advance(ms: number): void } {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

/** planning: a dataset the core plans with, as if a planning snapshot had brought it. */
export function createCoreParts(databasePath: string, clock: Clock = fixedClock(), options: { planning?: PlanningDataset } = {}) {
  const store = openStore(databasePath);
  const repos = createRepos(store.db);
  const changes = createChangeTracker();
  if (options.planning) repos.planning.replaceDataset(options.planning, clock.now().toISOString());
  const planning = options.planning ? createPlanningService(repos, quietLogger) : null;
  if (planning) changes.attachPlan(planning.target);
  const engine = createEngine({ repos, definitions: workflowDefinitions, clock, newId: randomUUID, routeCommand: () => 'erp', changes, atomically: store.transaction, ...(planning ? { plan: () => planning.index() } : {}) });
  const plan = () => planning?.index() ?? null;
  const ingest = createEventIngest({ connectorId: 'plant-P1', store, repos, engine, changes, clock, logger: quietLogger, plan, lineStops: createLineStopRecords(repos, changes) });
  const handleReplies = createReplyHandler({ store, repos, engine, changes, clock });
  const handleReply = (connectorId: string, commandId: string, raw: unknown) => handleReplies(connectorId, [{ commandId, raw }])[0]!;
  const queries = createQuarantineQueries(store.db, repos.lotHistory);
  /** The API's write path as host.ts wires it, for a workstation signed in as `role`. */
  const commitAs = (role: Role, afterCommit: () => void = () => {}) => createCommitPath({ store, changes, caller: () => ({ user: 'test-user', role, expiredAt: null }), afterCommit });
  const quarantine = createQuarantineHandlers({ repos, engine, queries, deviationNumberPattern: defaultDeviationNumberPattern, changes, clock, commit: commitAs('quality-engineer') });
  /** The gateway's reply to the answer this workstation sent for the exception: its response's commands follow an accepted one. */
  const answerReplied = (exceptionId: string, reply: { status: 'accepted' | 'rejected'; reason?: string } = { status: 'accepted' }) => {
    const commandId = repos.exceptions.get(exceptionId)?.answerCommandId;
    if (!commandId) throw new Error(`exception ${exceptionId} sent no answer`);
    return handleReply('erp', commandId, { commandId, ...reply });
  };
  return { store, repos, changes, engine, ingest, handleReply, answerReplied, queries, quarantine, plan, commitAs };
}
export type CoreParts = ReturnType<typeof createCoreParts>;

/** Gives each test of the calling describe block fresh core parts on a SQLite file of its own. */
export function useCoreParts(receive: (parts: CoreParts) => void): void {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let parts: CoreParts | undefined;
  beforeEach(() => {
    temp = makeTempDir();
    parts = createCoreParts(temp.file('core.sqlite'));
    receive(parts);
  });
  afterEach(() => {
    parts?.store.close();
    temp?.remove();
  });
}
