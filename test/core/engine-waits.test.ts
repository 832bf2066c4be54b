// The engine's waits: several at once, durable timers, declared resume keys, retries with backoff.
// A workflow of the test's own drives the engine over a real SQLite file, closed and opened again.
import { randomUUID } from 'node:crypto';
import type { CanonicalEvent } from '../../shared/events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChangeTracker } from '../../orchestration-core/engine/change-tracker';
import { createEngine } from '../../orchestration-core/engine/engine';
import { defineActionWorkflow, defineWorkflow, waitForEvent, waitForTask, waitUntil, type AnyWorkflow, type RetryPolicy, type WorkflowContext } from '../../orchestration-core/engine/workflow';
import { createMonitorQueries } from '../../orchestration-core/store/monitor-queries';
import { openStore } from '../../orchestration-core/store/open-store';
import { createRepos } from '../../orchestration-core/store/repos';
import { createEventFactory } from '../helpers/event-factory';
import { fixedClock } from '../helpers/core-parts';
import { makeTempDir } from '../helpers/temp-dir';

interface WatchState {
  stoppageId: string;
  approvalId: string;
  taskId: string;
  /** How each step that ran was reached. */
  by: string[];
}

const hour = 3_600_000;

/** A line restart opens a task and waits for it, for a decision on an approval named after the stoppage, and for an hour to pass. */
function watchWorkflow(options: { failures?: { remaining: number }; retry?: RetryPolicy; declareKey?: boolean; emits?: boolean } = {}) {
  const after = (name: string) => (state: WatchState, _signal: unknown, ctx: Pick<WorkflowContext, 'audit' | 'emit'>) => {
    // Written before it may throw: a failed attempt must leave nothing of it behind.
    ctx.audit('system', `watch ${name}`, state.stoppageId, {});
    if (options.emits) ctx.emit('lot.setStatus', { lotId: `L-${state.stoppageId}`, stockType: 'blocked', reason: `watch ${name}` }, { issuedBy: 'system' });
    if (options.failures && options.failures.remaining > 0) {
      options.failures.remaining--;
      throw new Error(`${name}: the ERP's notification service is down`);
    }
    return { state: { ...state, by: [...state.by, name] }, end: 'completed' as const };
  };
  return defineWorkflow<WatchState, 'line.restarted'>({
    name: 'restart-watch',
    version: 1,
    trigger: 'line.restarted',
    correlationKey: (event) => event.payload.stoppageId,
    ...(options.declareKey === false ? {} : { resumeKeys: { 'approval.decided': (event) => event.payload.approvalId } }),
    ...(options.retry ? { retry: options.retry } : {}),
    start(event, ctx) {
      const taskId = ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Restart of ${event.payload.line}` });
      const state = { stoppageId: event.payload.stoppageId, approvalId: `AP-${event.payload.stoppageId}`, taskId, by: [] };
      const dueAt = new Date(Date.parse(ctx.now) + hour).toISOString();
      return { state, wait: [waitForTask(taskId, 'byTask'), waitForEvent('approval.decided', state.approvalId, 'byDecision'), waitUntil(dueAt, 'byTimer')] };
    },
    steps: { byTask: after('byTask'), byDecision: after('byDecision'), byTimer: after('byTimer') },
  });
}

describe('engine waits', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let clock: ReturnType<typeof fixedClock>;
  let event: ReturnType<typeof createEventFactory>;
  let opened: ReturnType<typeof openStore>[];
  beforeEach(() => {
    temp = makeTempDir();
    clock = fixedClock('2026-11-02T08:00:00Z');
    event = createEventFactory();
    opened = [];
  });
  afterEach(() => {
    for (const store of opened) if (store.db.open) store.close();
    temp.remove();
  });

  /** The core's store and engine on the test's file, as at a start of the app. */
  function start(definitions: readonly AnyWorkflow[]) {
    const store = openStore(temp.file('core.sqlite'));
    opened.push(store);
    const repos = createRepos(store.db);
    const engine = createEngine({ repos, definitions, clock, newId: randomUUID, routeCommand: () => 'erp', changes: createChangeTracker(), atomically: store.transaction });
    const apply = (...events: ReturnType<typeof event>[]) => store.transaction(() => events.forEach((e) => engine.onEvent(e as CanonicalEvent)));
    const instance = () => store.db.prepare("SELECT id, status, state FROM workflow_instances WHERE workflow = 'restart-watch'").all() as { id: string; status: string; state: string }[];
    const byOf = (stoppageId: string) => (JSON.parse(store.db.prepare("SELECT state FROM workflow_instances WHERE correlation_key = ?").pluck().get(stoppageId) as string) as WatchState).by;
    const waits = () => store.db.prepare('SELECT kind, step FROM workflow_waits ORDER BY id').all();
    const audits = (action: string) => store.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action);
    const history = (kind: string) => store.db.prepare('SELECT detail FROM workflow_history WHERE kind = ? ORDER BY id').pluck().all(kind).map((d) => JSON.parse(d as string) as Record<string, unknown>);
    return { store, repos, engine, apply, instance, byOf, waits, audits, history };
  }
  const restart = (stoppageId: string) => event('erp', 'line.restarted', { stoppageId, plant: 'P1', line: 'L1', on: '2026-11-02' });
  const decided = (approvalId: string, correlationId: string) =>
    event('erp', 'approval.decided', { approvalId, decision: 'approve', decidedBy: 'sv.ines', decidedAt: '2026-11-02T09:00:00.000Z', reason: 'ok' }, { correlationId });

  it('waits for several things at once: the first to happen wins, and the others are cancelled', () => {
    const core = start([watchWorkflow()]);
    core.apply(restart('LS-1'));
    expect(core.waits()).toEqual([{ kind: 'task', step: 'byTask' }, { kind: 'event', step: 'byDecision' }, { kind: 'timer', step: 'byTimer' }]);
    const taskId = (JSON.parse(core.instance()[0]!.state) as WatchState).taskId;

    core.apply(decided('AP-LS-1', 'AP-LS-1'));
    expect(core.byOf('LS-1')).toEqual(['byDecision']);
    expect(core.instance()[0]!.status).toBe('completed');
    expect(core.waits()).toEqual([]);
    expect(core.history('waits-cancelled')[0]).toMatchObject({ waits: [{ kind: 'task', step: 'byTask' }, { kind: 'timer', step: 'byTimer' }] });
    // The task and the timer were cancelled with it: neither moves the instance again.
    expect(() => core.store.transaction(() => core.engine.onTaskCompleted(taskId, {}, 'pl.omar'))).toThrow(`task ${taskId} is not waiting for a decision`);
    clock.advance(2 * hour);
    expect(core.store.transaction(() => core.engine.fireDue())).toBe(0);
    expect(core.byOf('LS-1')).toEqual(['byDecision']);
  });

  it('fires a timer that fell due while the core was stopped once, at the next start', () => {
    const first = start([watchWorkflow()]);
    first.apply(restart('LS-1'));
    expect(first.engine.nextDue()).toBe('2026-11-02T09:00:00.000Z');
    clock.advance(hour - 1);
    expect(first.store.transaction(() => first.engine.fireDue())).toBe(0);
    first.store.close();

    clock.advance(5 * hour);
    const second = start([watchWorkflow()]);
    expect(second.store.transaction(() => second.engine.fireDue())).toBe(1);
    expect(second.byOf('LS-1')).toEqual(['byTimer']);
    expect(second.store.transaction(() => second.engine.fireDue())).toBe(0);
    expect(second.engine.nextDue()).toBeNull();
    second.store.close();

    const third = start([watchWorkflow()]);
    expect(third.store.transaction(() => third.engine.fireDue())).toBe(0);
    expect(third.byOf('LS-1')).toEqual(['byTimer']);
    expect(third.audits('watch byTimer')).toBe(1);
  });

  it('resumes the instance its declared resume key names, whatever the event\'s correlationId says', () => {
    const core = start([watchWorkflow()]);
    core.apply(restart('LS-1'), restart('LS-2'));
    // Correlated with LS-1's approval by the sender, but it decides LS-2's.
    core.apply(decided('AP-LS-2', 'AP-LS-1'));
    expect(core.byOf('LS-2')).toEqual(['byDecision']);
    expect(core.byOf('LS-1')).toEqual([]);
    expect(core.waits()).toHaveLength(3);
  });

  it('refuses a definition that waits for an event it declares no resume key for, naming both', () => {
    const core = start([watchWorkflow({ declareKey: false })]);
    expect(() => core.apply(restart('LS-1'))).toThrow('workflow restart-watch@1 waits for approval.decided but declares no resume key for it');
    expect(core.instance()).toEqual([]);
  });

  it('retries a failing step with backoff as its definition says, leaving nothing of a failed attempt behind', () => {
    const failures = { remaining: 2 };
    const core = start([watchWorkflow({ failures, retry: { attempts: 3, backoffMs: 60_000 } })]);
    core.apply(restart('LS-1'));
    core.apply(decided('AP-LS-1', 'AP-LS-1'));
    // The event is applied; the step waits for its retry, a minute on.
    expect(core.waits()).toEqual([{ kind: 'retry', step: 'byDecision' }]);
    expect(core.history('step-failed')).toEqual([{ step: 'byDecision', attempt: 1, error: "byDecision: the ERP's notification service is down", retryAt: '2026-11-02T08:01:00.000Z' }]);
    expect(core.audits('watch byDecision')).toBe(0);

    clock.advance(59_999);
    expect(core.store.transaction(() => core.engine.fireDue())).toBe(0);
    clock.advance(1);
    expect(core.store.transaction(() => core.engine.fireDue())).toBe(1);
    // The second attempt failed too: the backoff doubles.
    expect(core.history('step-failed')[1]).toMatchObject({ attempt: 2, retryAt: '2026-11-02T08:03:00.000Z' });
    clock.advance(2 * 60_000);
    core.store.transaction(() => core.engine.fireDue());
    expect(core.byOf('LS-1')).toEqual(['byDecision']);
    expect(core.instance()[0]!.status).toBe('completed');
    expect(core.audits('watch byDecision')).toBe(1);
  });

  it('stops the instance as an incident once the attempts are spent; nothing fires it again', () => {
    const core = start([watchWorkflow({ failures: { remaining: 9 }, retry: { attempts: 2, backoffMs: 1_000 } })]);
    core.apply(restart('LS-1'));
    core.apply(decided('AP-LS-1', 'AP-LS-1'));
    clock.advance(1_000);
    core.store.transaction(() => core.engine.fireDue());
    expect(core.waits()).toEqual([{ kind: 'incident', step: 'byDecision' }]);
    expect(core.history('incident')).toEqual([{ step: 'byDecision', attempt: 2, error: "byDecision: the ERP's notification service is down" }]);
    expect(core.instance()[0]!.status).toBe('running');
    clock.advance(hour);
    expect(core.store.transaction(() => core.engine.fireDue())).toBe(0);
    expect(core.engine.nextDue()).toBeNull();
  });

  it('runs an incident\'s step again once its cause is fixed: once more, its writes and its command once', () => {
    const failures = { remaining: 3 };
    const core = start([watchWorkflow({ failures, retry: { attempts: 2, backoffMs: 1_000 }, emits: true })]);
    core.apply(restart('LS-1'));
    core.apply(decided('AP-LS-1', 'AP-LS-1'));
    clock.advance(1_000);
    core.store.transaction(() => core.engine.fireDue());
    expect(core.waits()).toEqual([{ kind: 'incident', step: 'byDecision' }]);
    const instanceId = core.instance()[0]!.id;
    // Monitor lists it among the incidents, with the step and what it threw.
    const monitor = createMonitorQueries(core.store.db);
    expect(monitor.instances('incidents', 50)).toMatchObject({ rows: [{ id: instanceId, correlationKey: 'LS-1', incident: { step: 'byDecision', attempts: 2, error: "byDecision: the ERP's notification service is down" } }], counts: { all: 1, running: 1, incidents: 1 } });
    // Retried before the fix: one more attempt, an incident again, nothing left behind.
    core.engine.retryIncident(instanceId, 'op.ines');
    expect(core.waits()).toEqual([{ kind: 'incident', step: 'byDecision' }]);
    expect(core.history('incident').map((entry) => entry['attempt'])).toEqual([2, 3]);
    const commands = () => core.store.db.prepare("SELECT count(*) FROM outbox WHERE type = 'lot.setStatus'").pluck().get();
    expect(commands()).toBe(0);
    expect(core.audits('watch byDecision')).toBe(0);
    // The cause fixed: retried, the step runs once, its audit entry and its command written once.
    expect(failures.remaining).toBe(0);
    core.engine.retryIncident(instanceId, 'op.ines');
    expect(core.instance()[0]!.status).toBe('completed');
    expect(core.byOf('LS-1')).toEqual(['byDecision']);
    expect(core.audits('watch byDecision')).toBe(1);
    expect(commands()).toBe(1);
    expect(core.history('incident-retried')).toEqual([
      { step: 'byDecision', by: 'op.ines', afterAttempt: 2 },
      { step: 'byDecision', by: 'op.ines', afterAttempt: 3 },
    ]);
    expect(() => core.engine.retryIncident(instanceId, 'op.ines')).toThrow(`instanceId: ${instanceId} has no incident to retry`);
    expect(monitor.instances('incidents', 50)).toMatchObject({ rows: [], counts: { running: 0, incidents: 0 } });
    expect(monitor.instance(instanceId)!.history.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['incident', 'incident-retried', 'completed']));
  });

  it('fails a person\'s task at once, even where the definition retries, and keeps every wait', () => {
    const core = start([watchWorkflow({ failures: { remaining: 1 }, retry: { attempts: 3, backoffMs: 1_000 } })]);
    core.apply(restart('LS-1'));
    const taskId = (JSON.parse(core.instance()[0]!.state) as WatchState).taskId;
    expect(() => core.store.transaction(() => core.engine.onTaskCompleted(taskId, {}, 'pl.omar'))).toThrow("byTask: the ERP's notification service is down");
    expect(core.waits()).toHaveLength(3);
    core.store.transaction(() => core.engine.onTaskCompleted(taskId, {}, 'pl.omar'));
    expect(core.byOf('LS-1')).toEqual(['byTask']);
  });

  it('without a retry policy a failing step fails the event that ran it, as before', () => {
    const core = start([watchWorkflow({ failures: { remaining: 1 } })]);
    core.apply(restart('LS-1'));
    expect(() => core.apply(decided('AP-LS-1', 'AP-LS-1'))).toThrow("byDecision: the ERP's notification service is down");
    expect(core.waits()).toHaveLength(3);
  });
  it('starts an instance on a person\'s action, and takes an action on a running one whatever it waits for', () => {
    const counting = defineActionWorkflow<{ count: number; taskId: string }, { from: number }>({
      name: 'count-watch',
      version: 1,
      start(input, user, ctx) {
        const taskId = ctx.openTask({ kind: 'respond-to-exception', role: 'planner', subject: `Counting, started by ${user}` });
        return { state: { count: input.from, taskId }, wait: waitForTask(taskId, 'done') };
      },
      actions: {
        add(state, signal) {
          if (signal.kind !== 'action') throw new Error('expected an action');
          const next = { ...state, count: state.count + (signal.input as { by: number }).by };
          return { state: next, wait: waitForTask(state.taskId, 'done') };
        },
      },
      steps: { done: (state) => ({ state, end: 'completed' }) },
    });
    const core = start([watchWorkflow(), counting]);
    const state = () => JSON.parse(core.store.db.prepare("SELECT state FROM workflow_instances WHERE workflow = 'count-watch'").pluck().get() as string) as { count: number; taskId: string };
    core.store.transaction(() => core.engine.startByAction('count-watch', 'C-1', { from: 2 }, 'pl.omar'));
    expect(() => core.store.transaction(() => core.engine.startByAction('count-watch', 'C-1', { from: 5 }, 'pl.omar'))).toThrow('count-watch C-1 is running already');
    core.store.transaction(() => core.engine.act('count-watch', 'C-1', 'add', { by: 3 }, 'pl.omar'));
    expect(state().count).toBe(5);
    expect(core.waits()).toEqual([{ kind: 'task', step: 'done' }]);
    expect(() => core.store.transaction(() => core.engine.act('count-watch', 'C-1', 'multiply', { by: 3 }, 'pl.omar'))).toThrow('count-watch C-1 takes no multiply');
    core.store.transaction(() => core.engine.onTaskCompleted(state().taskId, {}, 'pl.omar'));
    expect(() => core.store.transaction(() => core.engine.act('count-watch', 'C-1', 'add', { by: 1 }, 'pl.omar'))).toThrow('no count-watch is running for C-1');
    // An action-started definition never starts on an event.
    core.apply(restart('LS-1'));
    expect(core.store.db.prepare("SELECT count(*) FROM workflow_instances WHERE workflow = 'count-watch'").pluck().get()).toBe(1);
  });
});
