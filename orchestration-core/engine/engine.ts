// The durable workflow runtime. Every call runs inside the caller's SQLite transaction, so an
// instance's new state, its history, the commands it emits and the inbox record of the event that
// moved it commit together or not at all. Nothing lives only in memory: after a restart the waits
// in the store are the whole truth, and the next signal resumes the instance.
import type { CanonicalCommand, CommandReply, CommandType } from '../../shared/commands';
import type { CanonicalEvent } from '../../shared/events';
import { ApiFailure } from '../../shared/api/result';
import type { Clock } from '../core-ports';
import type { Repos } from '../store/repos';
import type { ChangeTracker } from './change-tracker';
import { queueCommand } from './queue-command';
import type { InstanceRow } from '../store/instances-repo';
import { defaultPolicy, type AnyWorkflow, type PlanAnalysis, type Policy, type Signal, type StepOutcome, type Wait, type WorkflowContext } from './workflow';

export interface EngineDeps {
  repos: Repos;
  definitions: readonly AnyWorkflow[];
  clock: Clock;
  newId: () => string;
  /** The connector that carries commands of this type upstream. */
  routeCommand: (type: CommandType) => string;
  changes: ChangeTracker;
  /** The running plan, when the core has one. */
  plan?: () => PlanAnalysis | null;
  policy?: Policy;
}

export function createEngine(deps: EngineDeps) {
  const { repos, clock, newId, changes } = deps;
  const definitionByVersion = new Map(deps.definitions.map((d) => [`${d.name}@${d.version}`, d]));
  const newest = new Map<string, AnyWorkflow>();
  for (const definition of deps.definitions) {
    const current = newest.get(definition.name);
    if (!current || current.version < definition.version) newest.set(definition.name, definition);
  }

  function contextFor(instanceId: string, now: string): WorkflowContext {
    return {
      instanceId,
      now,
      repos,
      emit(type, payload, options) {
        const command = queueCommand(deps, type, payload, options, now);
        repos.instances.appendHistory(instanceId, 'command-emitted', { commandId: command.commandId, type }, now);
        return command.commandId;
      },
      openTask(task) {
        const id = newId();
        const dueAt = task.dueAt ?? (task.dueInHours === undefined ? null : new Date(Date.parse(now) + task.dueInHours * 3_600_000).toISOString());
        repos.tasks.open({ id, instanceId, kind: task.kind, role: task.role, subject: task.subject, requestedBy: task.requestedBy ?? null, dueAt, createdAt: now });
        repos.instances.appendHistory(instanceId, 'task-opened', { taskId: id, kind: task.kind }, now);
        return id;
      },
      newId,
      record: (kind, detail) => repos.instances.appendHistory(instanceId, kind, detail, now),
      audit: (actor, action, subject, detail) => repos.audit.append({ at: now, actor, action, subject, detail }),
      lotChanged: (lotId) => changes.lotChanged(lotId),
      exceptionChanged: (exceptionId) => changes.exceptionChanged(exceptionId),
      approvalChanged: (approvalId) => changes.approvalChanged(approvalId),
      alertChanged: (alertId) => changes.alertChanged(alertId),
      policy: deps.policy ?? defaultPolicy,
      cancelInstance(otherId, reason) {
        const other = repos.instances.get(otherId);
        if (!other || other.status !== 'running') return;
        repos.instances.update({ ...other, status: 'cancelled' }, null, now);
        repos.instances.appendHistory(otherId, 'cancelled', { by: instanceId, reason }, now);
      },
      get plan() {
        return deps.plan?.() ?? null;
      },
    };
  }

  /**
   * Whether any instance may wait for an event: most events resume nobody, and asking the store for
   * each of a replay's thousands of events costs more than the rest of applying them.
   */
  let eventWaitsPossible: boolean | null = null;

  function persist(instance: InstanceRow, outcome: StepOutcome<unknown>, now: string): void {
    const wait: Wait | null = 'wait' in outcome ? outcome.wait : null;
    if (wait?.kind === 'event') eventWaitsPossible = true;
    repos.instances.update({ ...instance, state: outcome.state, status: 'end' in outcome ? outcome.end : 'running' }, wait, now);
    if ('end' in outcome) repos.instances.appendHistory(instance.id, outcome.end, {}, now);
  }

  function installed(instance: InstanceRow): AnyWorkflow {
    const definition = definitionByVersion.get(`${instance.workflow}@${instance.version}`);
    if (!definition) throw new Error(`workflow ${instance.workflow} version ${instance.version} is not installed`);
    return definition;
  }

  function runStep(instance: InstanceRow, stepName: string | null, signal: Signal): void {
    const step = stepName ? installed(instance).steps[stepName] : undefined;
    if (!step) throw new Error(`workflow ${instance.workflow}@${instance.version} has no step "${stepName}"`);
    const now = clock.now().toISOString();
    repos.instances.appendHistory(instance.id, 'step', { step: stepName, signal: describe(signal) }, now);
    persist(instance, step(instance.state, signal, contextFor(instance.id, now)), now);
  }

  /** Resumes every instance waiting for this signal; returns how many moved. */
  function resume(kind: Wait['kind'], key: string, signal: Signal): number {
    const waiting = repos.instances.waitingFor(kind, key);
    for (const instance of waiting) runStep(instance, instance.step, signal);
    return waiting.length;
  }

  /** Definitions (by name) that an event of this type may interrupt: few, so asked per event type once. */
  const interruptible = new Map<string, string[]>();
  function interruptedBy(type: CanonicalEvent['type']): string[] {
    let names = interruptible.get(type);
    if (!names) {
      names = [...new Set(deps.definitions.filter((d) => d.interrupts?.[type]).map((d) => d.name))];
      interruptible.set(type, names);
    }
    return names;
  }

  function interrupt(event: CanonicalEvent): void {
    for (const name of interruptedBy(event.type)) {
      const declared = newest.get(name)?.interrupts?.[event.type];
      const key = declared?.key(event as never, repos);
      const instance = key === undefined ? undefined : repos.instances.running(name, key);
      if (!instance) continue;
      // The instance's own version says what the event means to it.
      const own = installed(instance).interrupts?.[event.type];
      if (!own || (own.applies && !own.applies(instance.state, event as never))) continue;
      runStep(instance, own.step, { kind: 'event', event });
    }
  }

  return {
    /** Starts workflows this event triggers and resumes those waiting for it. */
    onEvent(event: CanonicalEvent): void {
      for (const definition of newest.values()) {
        if (definition.trigger !== event.type) continue;
        if (definition.startsWhen && !definition.startsWhen(event, { repos, plan: deps.plan?.() ?? null, policy: deps.policy ?? defaultPolicy })) continue;
        const correlationKey = definition.correlationKey(event);
        const now = clock.now().toISOString();
        const running = repos.instances.running(definition.name, correlationKey);
        if (running) {
          repos.instances.appendHistory(running.id, 'trigger-ignored', { eventId: event.id, reason: 'already running' }, now);
          continue;
        }
        const instance: InstanceRow = { id: newId(), workflow: definition.name, version: definition.version, correlationKey, status: 'running', step: null, state: null };
        // The row exists before the first step runs: the step's tasks and history refer to it.
        repos.instances.insert(instance, null, now);
        repos.instances.appendHistory(instance.id, 'started', { eventId: event.id, type: event.type }, now);
        persist(instance, definition.start(event, contextFor(instance.id, now)), now);
      }
      interrupt(event);
      eventWaitsPossible ??= repos.instances.anyWaiting('event');
      if (!eventWaitsPossible) return;
      const key = 'lotId' in event.payload ? event.payload.lotId : event.correlationId;
      resume('event', `${event.type}:${key}`, { kind: 'event', event });
    },

    /** Whether a running instance waits for the task's completion. */
    waitsForTask: (taskId: string): boolean => repos.instances.waitingFor('task', taskId).length > 0,

    /** A person completed a task; throws ApiFailure when no instance waits for it. */
    onTaskCompleted(taskId: string, input: unknown, user: string): void {
      const moved = resume('task', taskId, { kind: 'task', taskId, input, user });
      if (moved === 0) throw new ApiFailure('conflict', `task ${taskId} is not waiting for a decision`);
    },

    onReply(reply: CommandReply, command: CanonicalCommand): void {
      resume('reply', reply.commandId, { kind: 'reply', reply, command });
    },
  };
}
export type Engine = ReturnType<typeof createEngine>;

function describe(signal: Signal): Record<string, unknown> {
  switch (signal.kind) {
    case 'event':
      return { kind: 'event', eventId: signal.event.id, type: signal.event.type };
    case 'task':
      return { kind: 'task', taskId: signal.taskId, user: signal.user };
    case 'reply':
      return { kind: 'reply', commandId: signal.reply.commandId, status: signal.reply.status };
  }
}
