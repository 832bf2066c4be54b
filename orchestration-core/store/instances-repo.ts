// Workflow instances and their history, as rows.
import type Database from 'better-sqlite3';

/** What an instance waits for, as the engine stores it (kind and key), and the step that runs when it is over. */
export interface WaitRow {
  kind: string;
  key: string;
  step: string;
}

export interface InstanceRow {
  id: string;
  workflow: string;
  version: number;
  correlationKey: string;
  status: 'running' | 'completed' | 'cancelled';
  step: string | null;
  state: unknown;
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

export function createInstancesRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO workflow_instances (id, workflow, version, correlation_key, status, step, wait_kind, wait_key, state, created_at, updated_at)
     VALUES (@id, @workflow, @version, @correlationKey, @status, @step, @waitKind, @waitKey, @state, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE workflow_instances SET status = @status, step = @step, wait_kind = @waitKind, wait_key = @waitKey,
       state = @state, updated_at = @at WHERE id = @id`,
  );
  const waiting = db.prepare<[string, string], RawInstance>(
    `SELECT * FROM workflow_instances WHERE status = 'running' AND wait_kind = ? AND wait_key = ?`,
  );
  const running = db.prepare<[string, string], RawInstance>(
    `SELECT * FROM workflow_instances WHERE status = 'running' AND workflow = ? AND correlation_key = ?`,
  );
  const get = db.prepare<[string], RawInstance>('SELECT * FROM workflow_instances WHERE id = ?');
  const history = db.prepare('INSERT INTO workflow_history (instance_id, kind, detail, at) VALUES (?, ?, ?, ?)');
  const emittedSince = db.prepare<[string, number], string>(
    "SELECT json_extract(detail, '$.commandId') FROM workflow_history WHERE instance_id = ? AND kind = 'command-emitted' AND id > ? ORDER BY id",
  );
  const anyWaiting = db.prepare<[string], number>("SELECT EXISTS (SELECT 1 FROM workflow_instances WHERE status = 'running' AND wait_kind = ?)");
  const lastHistoryId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM workflow_history');

  function params(instance: InstanceRow, wait: WaitRow | null, at: string) {
    return {
      id: instance.id,
      workflow: instance.workflow,
      version: instance.version,
      correlationKey: instance.correlationKey,
      status: instance.status,
      step: wait?.step ?? null,
      waitKind: wait?.kind ?? null,
      waitKey: wait?.key ?? null,
      state: JSON.stringify(instance.state),
      at,
    };
  }

  return {
    insert: (instance: InstanceRow, wait: WaitRow | null, at: string) => insert.run(params(instance, wait, at)),
    update: (instance: InstanceRow, wait: WaitRow | null, at: string) => update.run(params(instance, wait, at)),
    waitingFor: (kind: string, key: string): InstanceRow[] => waiting.all(kind, key).map(toRow),
    anyWaiting: (kind: string): boolean => anyWaiting.pluck().get(kind) === 1,
    running: (workflow: string, correlationKey: string): InstanceRow | undefined => {
      const row = running.get(workflow, correlationKey);
      return row && toRow(row);
    },
    get: (id: string): InstanceRow | undefined => {
      const row = get.get(id);
      return row && toRow(row);
    },
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
