// What a workflow definition is: a trigger, steps, and the waits between them (events, human tasks,
// commands' replies, timers). The engine persists the state between steps, so a definition is plain code.
import type { CanonicalCommand, CommandPayload, CommandReply, CommandType } from '../../shared/commands';
import type { Role } from '../../shared/domain';
import { defaultDeviationNumberPattern } from '../../shared/usage-decision';
import { defaultSla, type SlaSettings } from '../../shared/sla';
import { defaultCycleCountSettings, type CycleCountSettings } from '../../shared/cycle-count';
import type { CanonicalEvent, EventType } from '../../shared/events';
import type { Impact } from '../model/impact';
import type { PlanChange } from '../model/plan-changes';
import type { Repos } from '../store/repos';
import type { ChangeTopic } from './change-tracker';
import type { CommandOptions } from './queue-command';
import type { TaskKind } from '../store/tasks-repo';

export type Signal =
  | { kind: 'event'; event: CanonicalEvent }
  | { kind: 'task'; taskId: string; input: unknown; user: string }
  | { kind: 'reply'; reply: CommandReply; command: CanonicalCommand }
  | { kind: 'timer'; dueAt: string }
  /** A person's action on the instance through the API (a reroute of one order of a line stop), or the one that started it. */
  | { kind: 'action'; action: string; input: unknown; user: string };

/**
 * One thing an instance waits for, and the step that runs when it happens. An instance may wait for
 * several at once: the first to happen wins, and the others are cancelled with it.
 */
export type Wait =
  /** An event whose resume key (declared by the definition for the event's type) is `key`. */
  | { kind: 'event'; type: EventType; key: string; step: string }
  | { kind: 'task'; taskId: string; step: string }
  | { kind: 'reply'; commandId: string; step: string }
  /** A durable timer: fired once at `dueAt`, or at the first start after it. */
  | { kind: 'timer'; dueAt: string; step: string };

export type StepOutcome<S> = { state: S; wait: Wait | readonly Wait[] } | { state: S; end: 'completed' | 'cancelled' };

export interface WorkflowContext {
  readonly instanceId: string;
  /** ISO time of this step, from the injected clock. */
  readonly now: string;
  /** The domain's tables; the engine's own (outbox, inbox, audit, instances) only through the methods below. */
  readonly repos: WorkflowRepos;
  /** Commands about this entity still queued upstream: what its version will have moved by once they land. */
  pendingUpstream(entityId: string): number;
  /** A command this workstation queued, as it stands: pending, or answered (with the refusal's reason). */
  sentCommand(commandId: string): SentCommand | undefined;
  /** Queues a command in the outbox (same transaction) and returns its commandId. */
  emit<T extends CommandType>(
    type: T,
    payload: CommandPayload<T>,
    options: CommandOptions,
  ): string;
  /** dueInHours counts from now; dueAt, when given, is the due time itself (an SLA counted from a request). */
  openTask(task: { kind: TaskKind; role: Role; subject: string; requestedBy?: string; dueInHours?: number; dueAt?: string }): string;
  /** A new unique id, for what the workflow names itself (an approval request). */
  newId(): string;
  /** Appends to the instance's history. */
  record(kind: string, detail: Record<string, unknown>): void;
  /** Appends to the tamper-evident audit log. */
  audit(actor: string, action: string, subject: string, detail: Record<string, unknown>): void;
  /** Tells the renderer that what it shows of this lot, exception, approval or alert changed (sent after commit). */
  changed(topic: ChangeTopic, id: string): void;
  /** The thresholds policy sets (settings). */
  readonly policy: Policy;
  /** Ends another running instance whose work was done elsewhere (e.g. on another workstation). */
  cancelInstance(instanceId: string, reason: string): void;
  /** The plan: null before any planning data arrived. */
  readonly plan: PlanAnalysis | null;
}

/** Thresholds from settings that workflows decide by. */
export interface Policy {
  /** Good share of a production order's output below which quality and maintenance are alerted, unless the item sets its own. */
  minimumYield: number;
  /** Value (revenue protected) above which a rebalancing transfer needs a supervisor's approval. */
  transferApprovalValue: number;
  /** What a use-as-is deviation number must look like (a regular expression). */
  deviationNumberPattern: string;
  /** Due times per human task type, and the auto-actions when one passes. */
  sla: SlaSettings;
  /** The tolerance per item class a cycle count's variance is adjusted within without approval. */
  cycleCount: CycleCountSettings;
}

export const defaultPolicy: Policy = { minimumYield: 0.95, transferApprovalValue: 10_000, deviationNumberPattern: defaultDeviationNumberPattern, sla: defaultSla, cycleCount: defaultCycleCountSettings };

/** What workflows ask of the plan. */
export interface PlanAnalysis {
  /** The orders the present plan makes later than the baseline the changes describe. */
  impactSince(baseline: readonly PlanChange[]): Impact;
  /** The impact of one what-if world against another, both as changes to the present plan. */
  compare(from: readonly PlanChange[], to: readonly PlanChange[]): Impact;
  /** The base's impact, and each variant's on top of the base, against the present plan: the base is planned once. */
  whatIfEach(base: readonly PlanChange[], variants: readonly (readonly PlanChange[])[]): { base: Impact; variants: Impact[] };
  /** What can leave the plant's stock of the item today and still leave its own needs and safety stock covered. */
  freeQuantity(itemId: string, plant: string, safetyStock: number): number;
}

export type StepFn<S> = (state: S, signal: Signal, ctx: WorkflowContext) => StepOutcome<S>;

/**
 * An event that moves a running instance whatever it waits for (news that makes its wait moot, such as
 * the lot decided on another workstation): the instance its target names, if it is running.
 */
export type Interrupt<S, T extends EventType> = InterruptTarget<T> & {
  /** Whether the event concerns this instance's state; absent: always. Otherwise the instance keeps its wait. */
  applies?(state: S, event: Extract<CanonicalEvent, { type: T }>): boolean;
  step: string;
};

/** Which instance an interrupt concerns: by its correlation key, or by its id as the store knows it; undefined: none here. */
type InterruptTarget<T extends EventType> =
  | { key(event: Extract<CanonicalEvent, { type: T }>, repos: WorkflowRepos): string | undefined }
  | { instanceId(event: Extract<CanonicalEvent, { type: T }>, repos: WorkflowRepos): string | undefined };

/**
 * What a workflow reads and writes directly: the domain's tables. Commands go out through `emit`, the
 * audit through `audit`, history through `record`: the engine's own tables are not a workflow's.
 */
/** A queued command and where its answer stands. */
export interface SentCommand {
  command: CanonicalCommand;
  status: 'pending' | 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
}

export type WorkflowRepos = Omit<Repos, 'inbox' | 'outbox' | 'audit' | 'instances' | 'deadLetters'>;

/** How a step that throws (not a refusal) is tried again: `attempts` in all, waiting `backoffMs`, doubled after each. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

/** Without a policy a step runs once, and what it throws fails the signal that ran it. */
export const noRetry: RetryPolicy = { attempts: 1, backoffMs: 0 };

/** For each event type an instance may wait for: the key that names the instance it resumes. */
export type ResumeKeys = { [E in EventType]?: (event: Extract<CanonicalEvent, { type: E }>) => string };

/** What every definition has, however its instances start. */
interface WorkflowBase<S> {
  name: string;
  version: number;
  steps: Record<string, StepFn<S>>;
  /** Every event type the definition waits for, with the key its waits name: the engine never guesses one. */
  resumeKeys?: ResumeKeys;
  interrupts?: { [E in EventType]?: Interrupt<S, E> };
  /**
   * What a person may do to a running instance whatever it waits for, by name: each runs as a step
   * with an `action` signal and says what the instance waits for next.
   */
  actions?: Record<string, StepFn<S>>;
  retry?: RetryPolicy;
}

/** A definition whose instances an event starts. */
export interface WorkflowDefinition<S, T extends EventType = EventType> extends WorkflowBase<S> {
  trigger: T;
  correlationKey(event: Extract<CanonicalEvent, { type: T }>): string;
  /**
   * Whether this event starts an instance at all; absent: every one does. For triggers that are
   * mostly nothing to do (a completion within its yield): no instance row, no history, for those.
   */
  startsWhen?(event: Extract<CanonicalEvent, { type: T }>, ctx: Pick<WorkflowContext, 'repos' | 'plan' | 'policy'>): boolean;
  /** Runs in the transaction that applies the trigger event. */
  start(event: Extract<CanonicalEvent, { type: T }>, ctx: WorkflowContext): StepOutcome<S>;
}

/** A definition whose instances a person's action starts (a planner accepts a transfer), in the API call's transaction. */
export interface ActionWorkflowDefinition<S, I> extends WorkflowBase<S> {
  startedBy: 'action';
  start(input: I, user: string, ctx: WorkflowContext): StepOutcome<S>;
}

// The engine handles definitions of any state shape; each definition stays typed where it is written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWorkflow = WorkflowDefinition<any, any> | ActionWorkflowDefinition<any, any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const startedByEvent = (definition: AnyWorkflow): definition is WorkflowDefinition<any, any> => !('startedBy' in definition);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const startedByAction = (definition: AnyWorkflow): definition is ActionWorkflowDefinition<any, any> => 'startedBy' in definition;

export function defineWorkflow<S, T extends EventType>(definition: WorkflowDefinition<S, T>): WorkflowDefinition<S, T> {
  return definition;
}

export function defineActionWorkflow<S, I>(definition: Omit<ActionWorkflowDefinition<S, I>, 'startedBy'>): ActionWorkflowDefinition<S, I> {
  return { ...definition, startedBy: 'action' };
}

export const waitForTask = (taskId: string, step: string): Wait => ({ kind: 'task', taskId, step });
export const waitForReply = (commandId: string, step: string): Wait => ({ kind: 'reply', commandId, step });
/** Waits for an event of this type whose resume key (as the definition declares it) is `key`. */
export const waitForEvent = (type: EventType, key: string, step: string): Wait => ({ kind: 'event', type, key, step });
export const waitUntil = (dueAt: string, step: string): Wait => ({ kind: 'timer', dueAt, step });
