// The durable workflow runtime. Every call runs inside the caller's SQLite transaction, so an
// instance's new state, its history, the commands it emits and the inbox record of the event that
// moved it commit together or not at all. Nothing lives only in memory: after a restart the waits
// in the store (events, tasks, replies, timers, retries) are the whole truth.
import { Refusal } from './refusal';
import type { CanonicalCommand, CommandReply, CommandType } from '../../shared/commands';
import type { CanonicalEvent, EventType } from '../../shared/events';
import type { Clock, Logger } from '../core-ports';
import type { Repos } from '../store/repos';
import type { ChangeTracker } from './change-tracker';
import { queueCommand } from './queue-command';
import type { InstanceRow, StoredWait, WaitRow } from '../store/instances-repo';
import { defaultPolicy, noRetry, startedByAction, startedByEvent, type AnyWorkflow, type PlanAnalysis, type Policy, type Signal, type StepOutcome, type Wait, type WorkflowContext } from './workflow';

export interface EngineDeps {
  repos: Repos;
  definitions: readonly AnyWorkflow[];
  clock: Clock;
  newId: () => string;
  /** The connector that carries commands of this type upstream. */
  routeCommand: (type: CommandType) => string;
  /** The signed-in person's session token, attached to the commands they decide. */
  sessionToken?: (user: string, at: Date) => string | undefined;
  changes: ChangeTracker;
  /** The running plan, when the core has one. */
  plan?: () => PlanAnalysis | null;
  policy?: Policy;
  /**
   * Runs fn as one unit inside the caller's transaction (a savepoint): a step that throws leaves no
   * write behind, whatever else the transaction holds.
   */
  atomically: <T>(fn: () => T) => T;
  logger?: Logger;
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
      pendingUpstream: (entityId) => repos.outbox.pendingForEntity(entityId),
      sentCommand(commandId) {
        const sent = repos.outbox.get(commandId);
        if (!sent) return undefined;
        return { command: sent.command, status: sent.status, reason: repos.outbox.refusal(commandId) ?? undefined };
      },
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
      changed: (topic, id) => changes.changed(topic, id),
      policy: deps.policy ?? defaultPolicy,
      cancelInstance(otherId, reason) {
        const other = repos.instances.get(otherId);
        if (!other || other.status !== 'running') return;
        repos.instances.update({ ...other, status: 'cancelled' }, now);
        repos.instances.clearWaits(otherId);
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

  function persist(instance: InstanceRow, step: string | null, outcome: StepOutcome<unknown>, now: string): void {
    const waits = 'wait' in outcome ? listOf(outcome.wait) : [];
    for (const wait of waits) {
      if (wait.kind !== 'event') continue;
      if (!installed(instance).resumeKeys?.[wait.type]) throw new Error(`workflow ${instance.workflow}@${instance.version} waits for ${wait.type} but declares no resume key for it`);
      eventWaitsPossible = true;
    }
    repos.instances.update({ ...instance, step, state: outcome.state, status: 'end' in outcome ? outcome.end : 'running' }, now);
    repos.instances.setWaits(instance.id, waits.map(waitRow), now);
    if ('end' in outcome) repos.instances.appendHistory(instance.id, outcome.end, {}, now);
  }

  function installed(instance: InstanceRow): AnyWorkflow {
    const definition = definitionByVersion.get(`${instance.workflow}@${instance.version}`);
    if (!definition) throw new Error(`workflow ${instance.workflow} version ${instance.version} is not installed`);
    return definition;
  }

  /**
   * Runs one step as a unit. What it throws fails the signal that ran it, unless the definition retries:
   * then the step's writes are undone, and it runs again with the same signal after the backoff; once
   * the attempts are spent the instance stops there as an incident. A person's task fails at once, so
   * they see why.
   */
  function runStep(instance: InstanceRow, stepName: string, signal: Signal, attempt = 1): void {
    const step = installed(instance).steps[stepName];
    if (!step) throw new Error(`workflow ${instance.workflow}@${instance.version} has no step "${stepName}"`);
    const now = clock.now().toISOString();
    const policy = installed(instance).retry ?? noRetry;
    try {
      deps.atomically(() => {
        repos.instances.appendHistory(instance.id, 'step', { step: stepName, signal: describe(signal), ...(attempt > 1 ? { attempt } : {}) }, now);
        persist(instance, stepName, step(instance.state, signal, contextFor(instance.id, now)), now);
      });
      deps.logger?.info(`workflow ${instance.workflow} step ${stepName}`, { instanceId: instance.id, correlationId: instance.correlationKey, signal: signal.kind, ...(attempt > 1 ? { attempt } : {}) });
    } catch (error) {
      if (signal.kind === 'task' || signal.kind === 'action' || (attempt === 1 && policy.attempts <= 1)) throw error;
      changes.partRolledBack();
      const message = error instanceof Error ? error.message : String(error);
      const again = attempt < policy.attempts;
      const dueAt = again ? new Date(Date.parse(now) + policy.backoffMs * 2 ** (attempt - 1)).toISOString() : null;
      repos.instances.setWaits(instance.id, [{ kind: again ? 'retry' : 'incident', key: null, step: stepName, dueAt, attempt, signal, error: message }], now);
      repos.instances.appendHistory(instance.id, again ? 'step-failed' : 'incident', { step: stepName, attempt, error: message, ...(dueAt ? { retryAt: dueAt } : {}) }, now);
      deps.logger?.error(`workflow ${instance.workflow} step ${stepName} failed`, { instanceId: instance.id, correlationId: instance.correlationKey, attempt, error: message, retryAt: dueAt, incident: !again });
    }
  }

  function runAction(instance: InstanceRow, action: string, signal: Signal): void {
    const step = installed(instance).actions?.[action];
    if (!step) throw new Error(`workflow ${instance.workflow}@${instance.version} has no action "${action}"`);
    const now = clock.now().toISOString();
    deps.atomically(() => {
      repos.instances.appendHistory(instance.id, 'action', { action, signal: describe(signal) }, now);
      persist(instance, action, step(instance.state, signal, contextFor(instance.id, now)), now);
    });
  }

  /**
   * The signal ends this wait: the instance's other waits are cancelled with it and the wait's step runs.
   * False when the wait was gone already (a signal earlier in the same turn won the instance).
   */
  function fire(wait: StoredWait, signal: Signal, attempt = 1): boolean {
    // One unit with the step: a step that fails its signal leaves the waits as they were.
    return deps.atomically(() => {
      if (!repos.instances.takeWait(wait.id)) return false;
      const instance = repos.instances.get(wait.instanceId);
      if (!instance || instance.status !== 'running') return false;
      const others = repos.instances.waitsOf(instance.id);
      repos.instances.clearWaits(instance.id);
      if (others.length > 0) {
        repos.instances.appendHistory(instance.id, 'waits-cancelled', { by: describe(signal), waits: others.map((other) => ({ kind: other.kind, key: other.key, step: other.step, dueAt: other.dueAt })) }, clock.now().toISOString());
      }
      runStep(instance, wait.step, signal, attempt);
      return true;
    });
  }

  /** Resumes every instance waiting for this signal; returns how many moved. */
  function resume(kind: 'task' | 'reply', key: string, signal: Signal): number {
    let moved = 0;
    for (const wait of repos.instances.waitingFor(kind, key)) if (fire(wait, signal)) moved++;
    return moved;
  }

  /** For each event type: the definitions that wait for it, with how each names the instance it resumes. */
  const resumers = new Map<EventType, { workflow: string; key: (event: CanonicalEvent) => string }[]>();
  for (const definition of deps.definitions) {
    for (const [type, key] of Object.entries(definition.resumeKeys ?? {}) as [EventType, (event: CanonicalEvent) => string][]) {
      const list = resumers.get(type) ?? [];
      if (!list.some((r) => r.workflow === definition.name && r.key === key)) list.push({ workflow: definition.name, key });
      resumers.set(type, list);
    }
  }

  function resumeByEvent(event: CanonicalEvent): void {
    const seen = new Set<number>();
    for (const resumer of resumers.get(event.type) ?? []) {
      for (const wait of repos.instances.waitingFor('event', `${event.type}:${resumer.key(event)}`)) {
        if (seen.has(wait.id) || repos.instances.get(wait.instanceId)?.workflow !== resumer.workflow) continue;
        seen.add(wait.id);
        fire(wait, { kind: 'event', event });
      }
    }
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

  function interrupted(name: string, target: NonNullable<AnyWorkflow['interrupts']>[EventType], event: CanonicalEvent): InstanceRow | undefined {
    if (!target) return undefined;
    if ('key' in target) {
      const key = target.key(event as never, repos);
      return key === undefined ? undefined : repos.instances.running(name, key);
    }
    const id = target.instanceId(event as never, repos);
    const instance = id === undefined ? undefined : repos.instances.get(id);
    return instance?.workflow === name && instance.status === 'running' ? instance : undefined;
  }

  function interrupt(event: CanonicalEvent): void {
    for (const name of interruptedBy(event.type)) {
      const declared = newest.get(name)?.interrupts?.[event.type];
      if (!declared) continue;
      const instance = interrupted(name, declared, event);
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
        if (!startedByEvent(definition) || definition.trigger !== event.type) continue;
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
        repos.instances.insert(instance, now);
        repos.instances.appendHistory(instance.id, 'started', { eventId: event.id, type: event.type }, now);
        persist(instance, null, definition.start(event, contextFor(instance.id, now)), now);
        deps.logger?.info(`workflow ${definition.name} started`, { instanceId: instance.id, correlationId: correlationKey, eventId: event.id, type: event.type });
      }
      interrupt(event);
      eventWaitsPossible ??= repos.instances.anyWaiting('event');
      if (eventWaitsPossible) resumeByEvent(event);
    },

    /**
     * A person's action starts an instance of this definition under the key (in the caller's
     * transaction); a Refusal when one runs under it already. Returns the new instance's id.
     */
    startByAction(workflow: string, correlationKey: string, input: unknown, user: string): string {
      const definition = newest.get(workflow);
      if (!definition || !startedByAction(definition)) throw new Error(`workflow ${workflow} is not started by a person's action`);
      if (repos.instances.running(workflow, correlationKey)) throw new Refusal('conflict', `${workflow} ${correlationKey} is running already`);
      const now = clock.now().toISOString();
      const instance: InstanceRow = { id: newId(), workflow, version: definition.version, correlationKey, status: 'running', step: null, state: null };
      repos.instances.insert(instance, now);
      repos.instances.appendHistory(instance.id, 'started', { action: workflow, user }, now);
      persist(instance, null, definition.start(input, user, contextFor(instance.id, now)), now);
      deps.logger?.info(`workflow ${workflow} started`, { instanceId: instance.id, correlationId: correlationKey, by: user });
      return instance.id;
    },

    /**
     * A person acts on the instance running under the key, whatever it waits for: the definition's
     * action runs as a step. A Refusal when none runs, or its definition has no such action.
     */
    act(workflow: string, correlationKey: string, action: string, input: unknown, user: string): void {
      const instance = repos.instances.running(workflow, correlationKey);
      if (!instance) throw new Refusal('conflict', `no ${workflow} is running for ${correlationKey}`);
      if (!installed(instance).actions?.[action]) throw new Refusal('conflict', `${workflow} ${correlationKey} takes no ${action}`);
      runAction(instance, action, { kind: 'action', action, input, user });
    },

    /** Whether a running instance waits for the task's completion. */
    waitsForTask: (taskId: string): boolean => repos.instances.waitingFor('task', taskId).length > 0,

    /** A person completed a task; throws a Refusal when no instance waits for it. */
    onTaskCompleted(taskId: string, input: unknown, user: string): void {
      const moved = resume('task', taskId, { kind: 'task', taskId, input, user });
      if (moved === 0) throw new Refusal('conflict', `task ${taskId} is not waiting for a decision`);
    },

    onReply(reply: CommandReply, command: CanonicalCommand): void {
      resume('reply', reply.commandId, { kind: 'reply', reply, command });
    },

    /**
     * Fires every timer and retry due by now, each once: its wait leaves the store in the transaction
     * its step runs in. A timer that fell due while the core was stopped fires at the first call after
     * start. Returns how many fired.
     */
    fireDue(): number {
      let fired = 0;
      for (const wait of repos.instances.due(clock.now().toISOString())) {
        const retry = wait.kind === 'retry';
        const signal: Signal = retry ? (wait.signal as Signal) : { kind: 'timer', dueAt: wait.dueAt ?? '' };
        if (fire(wait, signal, retry ? (wait.attempt ?? 1) + 1 : 1)) fired++;
      }
      return fired;
    },

    /**
     * Runs an incident's step again, with the signal it failed on, once its cause is fixed: one more
     * attempt (failing again, it is an incident again). The failed attempts left nothing behind, so
     * what the step writes and the commands it queues happen once. Throws a Refusal when the instance
     * has no incident.
     */
    retryIncident(instanceId: string, user: string): void {
      const incident = repos.instances.waitsOf(instanceId).find((wait) => wait.kind === 'incident');
      if (!incident) throw new Refusal('conflict', `instanceId: ${instanceId} has no incident to retry`);
      deps.atomically(() => {
        repos.instances.appendHistory(instanceId, 'incident-retried', { step: incident.step, by: user, afterAttempt: incident.attempt ?? 1 }, clock.now().toISOString());
        const instance = repos.instances.get(instanceId);
        deps.logger?.info(`workflow ${instance?.workflow ?? ''} incident retried`, { instanceId, correlationId: instance?.correlationKey, step: incident.step, by: user });
        fire(incident, incident.signal as Signal, (incident.attempt ?? 1) + 1);
      });
    },

    /** When the next timer or retry falls due (ISO), or null when none is set. */
    nextDue: (): string | null => repos.instances.nextDue(),
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
    case 'timer':
      return { kind: 'timer', dueAt: signal.dueAt };
    case 'action':
      return { kind: 'action', action: signal.action, user: signal.user };
  }
}

const listOf = (wait: Wait | readonly Wait[]): readonly Wait[] => ('kind' in wait ? [wait as Wait] : wait);

function waitRow(wait: Wait): WaitRow {
  const none = { dueAt: null, attempt: null, signal: null, error: null };
  switch (wait.kind) {
    case 'event':
      return { ...none, kind: 'event', key: `${wait.type}:${wait.key}`, step: wait.step };
    case 'task':
      return { ...none, kind: 'task', key: wait.taskId, step: wait.step };
    case 'reply':
      return { ...none, kind: 'reply', key: wait.commandId, step: wait.step };
    case 'timer':
      return { ...none, kind: 'timer', key: null, step: wait.step, dueAt: wait.dueAt };
  }
}
