// Workflow instances, what each waits for, and their history, as rows.
import type Database from 'better-sqlite3';

export interface InstanceRow {
  id: string;
  workflow: string;
  version: number;
  correlationKey: string;
  status: 'running' | 'completed' | 'cancelled';
  /** The step that ran last (null before the first). */
  step: string | null;
  state: unknown;
}

export type WaitKind = 'event' | 'task' | 'reply' | 'timer' | 'retry' | 'incident';

/** One thing an instance waits for, and the step that runs when it happens. */
export interface WaitRow {
  kind: WaitKind;
  /** event: `${type}:${resume key}`; task: task id; reply: command id; null for what is due at a time. */
  key: string | null;
  step: string;
  /** timer and retry: when it falls due. */
  dueAt: string | null;
  /** retry and incident: the attempts made so far. */
  attempt: number | null;
  /** retry and incident: the signal the step runs with again (JSON). */
  signal: unknown;
  /** retry and incident: what the last attempt threw. */
  error: string | null;
}

export interface StoredWait extends WaitRow {
  id: number;
  instanceId: string;
}

interface RawInstance {
  id: string;
  workflow: string;
  version: number;
  correlation_key: string;
  status: InstanceRow['status'];
  step: string | null;
  state: string;
}

interface RawWait {
  id: number;
  instance_id: string;
  kind: WaitKind;
  key: string | null;
  step: string;
  due_at: string | null;
  attempt: number | null;
  signal: string | null;
  error: string | null;
}

export function createInstancesRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO workflow_instances (id, workflow, version, correlation_key, status, step, state, created_at, updated_at)
     VALUES (@id, @workflow, @version, @correlationKey, @status, @step, @state, @at, @at)`,
  );
  const update = db.prepare('UPDATE workflow_instances SET status = @status, step = @step, state = @state, updated_at = @at WHERE id = @id');
  const running = db.prepare<[string, string], RawInstance>(
    `SELECT * FROM workflow_instances WHERE status = 'running' AND workflow = ? AND correlation_key = ?`,
  );
  const get = db.prepare<[string], RawInstance>('SELECT * FROM workflow_instances WHERE id = ?');
  const insertWait = db.prepare(
    `INSERT INTO workflow_waits (instance_id, kind, key, step, due_at, attempt, signal, error, created_at)
     VALUES (@instanceId, @kind, @key, @step, @dueAt, @attempt, @signal, @error, @at)`,
  );
  const waitsByKey = db.prepare<[string, string], RawWait>(
    `SELECT w.* FROM workflow_waits w JOIN workflow_instances i ON i.id = w.instance_id
     WHERE w.kind = ? AND w.key = ? AND i.status = 'running' ORDER BY w.id`,
  );
  const waitsOf = db.prepare<[string], RawWait>('SELECT * FROM workflow_waits WHERE instance_id = ? ORDER BY id');
  const due = db.prepare<[string], RawWait>(
    `SELECT w.* FROM workflow_waits w JOIN workflow_instances i ON i.id = w.instance_id
     WHERE w.kind IN ('timer', 'retry') AND w.due_at <= ? AND i.status = 'running' ORDER BY w.due_at, w.id`,
  );
  const nextDue = db.prepare<[], string | null>(
    `SELECT min(w.due_at) FROM workflow_waits w JOIN workflow_instances i ON i.id = w.instance_id
     WHERE w.kind IN ('timer', 'retry') AND i.status = 'running'`,
  );
  const deleteWait = db.prepare<[number]>('DELETE FROM workflow_waits WHERE id = ?');
  const deleteWaitsOf = db.prepare<[string]>('DELETE FROM workflow_waits WHERE instance_id = ?');
  const anyWaiting = db.prepare<[string], number>(
    `SELECT EXISTS (SELECT 1 FROM workflow_waits w JOIN workflow_instances i ON i.id = w.instance_id WHERE w.kind = ? AND i.status = 'running')`,
  );
  const history = db.prepare('INSERT INTO workflow_history (instance_id, kind, detail, at) VALUES (?, ?, ?, ?)');
  const emittedSince = db.prepare<[string, number], string>(
    "SELECT json_extract(detail, '$.commandId') FROM workflow_history WHERE instance_id = ? AND kind = 'command-emitted' AND id > ? ORDER BY id",
  );
  const lastHistoryId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM workflow_history');

  const params = (instance: InstanceRow, at: string) => ({
    id: instance.id,
    workflow: instance.workflow,
    version: instance.version,
    correlationKey: instance.correlationKey,
    status: instance.status,
    step: instance.step,
    state: JSON.stringify(instance.state),
    at,
  });

  return {
    insert: (instance: InstanceRow, at: string) => insert.run(params(instance, at)),
    update: (instance: InstanceRow, at: string) => update.run(params(instance, at)),
    running: (workflow: string, correlationKey: string): InstanceRow | undefined => {
      const row = running.get(workflow, correlationKey);
      return row && toRow(row);
    },
    get: (id: string): InstanceRow | undefined => {
      const row = get.get(id);
      return row && toRow(row);
    },
    /** What the instance waits for now, replacing what it waited for before. */
    setWaits(instanceId: string, waits: readonly WaitRow[], at: string): void {
      deleteWaitsOf.run(instanceId);
      for (const wait of waits) {
        insertWait.run({ instanceId, ...wait, signal: wait.signal === null || wait.signal === undefined ? null : JSON.stringify(wait.signal), at });
      }
    },
    clearWaits: (instanceId: string) => deleteWaitsOf.run(instanceId),
    /** Takes one wait away; false when it was gone already (another signal won it). */
    takeWait: (waitId: number): boolean => deleteWait.run(waitId).changes === 1,
    /** Running instances' waits of this kind under this key, oldest first. */
    waitingFor: (kind: WaitKind, key: string): StoredWait[] => waitsByKey.all(kind, key).map(toWait),
    waitsOf: (instanceId: string): StoredWait[] => waitsOf.all(instanceId).map(toWait),
    /** Timers and retries due at or before `now`, earliest first. */
    due: (now: string): StoredWait[] => due.all(now).map(toWait),
    /** When the next timer or retry falls due; null when none is set. */
    nextDue: (): string | null => nextDue.pluck().get() ?? null,
    anyWaiting: (kind: WaitKind): boolean => anyWaiting.pluck().get(kind) === 1,
    appendHistory: (instanceId: string, kind: string, detail: Record<string, unknown>, at: string) =>
      history.run(instanceId, kind, JSON.stringify(detail), at),
    /** A position in the history, to ask later what was emitted after it. */
    historyMark: (): number => lastHistoryId.pluck().get() ?? 0,
    commandsEmittedSince: (instanceId: string, mark: number): string[] => emittedSince.pluck().all(instanceId, mark),
  };
}
export type InstancesRepo = ReturnType<typeof createInstancesRepo>;

function toRow(raw: RawInstance): InstanceRow {
  return {
    id: raw.id,
    workflow: raw.workflow,
    version: raw.version,
    correlationKey: raw.correlation_key,
    status: raw.status,
    step: raw.step,
    state: JSON.parse(raw.state) as unknown,
  };
}

function toWait(raw: RawWait): StoredWait {
  return {
    id: raw.id,
    instanceId: raw.instance_id,
    kind: raw.kind,
    key: raw.key,
    step: raw.step,
    dueAt: raw.due_at,
    attempt: raw.attempt,
    signal: raw.signal === null ? null : (JSON.parse(raw.signal) as unknown),
    error: raw.error,
  };
}
