// What Monitor reads: workflow instances a page at a time (incidents first asked for, running, or
// all, newest first), with what each waits for; one instance's history step by step; the commands
// still pending upstream with their attempts; the dead letters newest first.
import type Database from 'better-sqlite3';
import type { DeadLetterRow, InstanceCounts, InstanceHistoryEntry, InstanceShow, MonitorInstanceRow, PendingCommandRow } from '../../shared/api/monitor';

const rawShown = 4000;

interface RawInstance {
  id: string;
  workflow: string;
  version: number;
  correlationKey: string;
  status: MonitorInstanceRow['status'];
  step: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RawWait {
  instanceId: string;
  kind: string;
  key: string | null;
  step: string;
  dueAt: string | null;
  attempt: number | null;
  error: string | null;
  /** A task wait: the task's kind and the role that acts on it. */
  taskKind: string | null;
  taskRole: string | null;
}

const instanceColumns = `i.id, i.workflow, i.version, i.correlation_key AS correlationKey, i.status, i.step, i.created_at AS createdAt, i.updated_at AS updatedAt`;

/** A wait in words: "a quality engineer's disposition-lot task", "the reply to cmd-…", "approval.decided AP-…". */
function describeWait(wait: RawWait): string {
  switch (wait.kind) {
    case 'task':
      return wait.taskKind ? `${wait.taskKind} task (${wait.taskRole ?? 'someone'})` : `task ${wait.key ?? ''}`;
    case 'reply':
      return `reply to ${wait.key ?? 'a command'}`;
    case 'event': {
      const [type, ...key] = (wait.key ?? '').split(':');
      return `${type} for ${key.join(':')}`;
    }
    case 'retry':
      return `retry of ${wait.step}`;
    default:
      return wait.kind;
  }
}

export function createMonitorQueries(db: Database.Database) {
  const pages: Record<InstanceShow, Database.Statement<[number], RawInstance>> = {
    all: db.prepare(`SELECT ${instanceColumns} FROM workflow_instances i ORDER BY i.updated_at DESC, i.id DESC LIMIT ?`),
    running: db.prepare(`SELECT ${instanceColumns} FROM workflow_instances i WHERE i.status = 'running' ORDER BY i.updated_at DESC, i.id DESC LIMIT ?`),
    incidents: db.prepare(
      `SELECT ${instanceColumns} FROM workflow_waits w JOIN workflow_instances i ON i.id = w.instance_id
       WHERE w.kind = 'incident' ORDER BY i.updated_at DESC, i.id DESC LIMIT ?`,
    ),
  };
  const counts = db.prepare<[], InstanceCounts>(
    `SELECT (SELECT count(*) FROM workflow_instances) AS "all",
            (SELECT count(*) FROM workflow_instances WHERE status = 'running') AS running,
            (SELECT count(*) FROM workflow_waits WHERE kind = 'incident') AS incidents,
            (SELECT count(*) FROM escalations e JOIN approvals a ON a.id = e.subject_id WHERE a.status = 'pending')
              + (SELECT count(*) FROM escalations e JOIN lot_holds h ON h.inspection_lot_id = e.subject_id JOIN human_tasks t ON t.id = h.task_id
                 WHERE e.task_type = 'disposition' AND t.status = 'open') AS escalated`,
  );
  const history = db.prepare<[string], { kind: string; detail: string; at: string }>('SELECT kind, detail, at FROM workflow_history WHERE instance_id = ? ORDER BY id');
  const one = db.prepare<[string], RawInstance>(`SELECT ${instanceColumns} FROM workflow_instances i WHERE i.id = ?`);
  const pending = db.prepare<[number], { commandId: string; connector: string; type: string; entityId: string | null; attempts: number; lastAttemptAt: string | null; createdAt: string }>(
    `SELECT command_id AS commandId, connector, type, entity_id AS entityId, attempts, last_attempt_at AS lastAttemptAt, created_at AS createdAt
     FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?`,
  );
  const deadLetters = db.prepare<[number, number], DeadLetterRow>(
    `SELECT id, connector, stream, seq, event_id AS eventId, reason, substr(raw, 1, ${rawShown}) AS raw, received_at AS receivedAt,
       resolution, resolved_by AS resolvedBy, resolved_at AS resolvedAt, resolution_note AS resolutionNote
     FROM dead_letters WHERE (? = 0 OR resolution IS NULL) ORDER BY id DESC LIMIT ?`,
  );

  function waitsOf(ids: readonly string[]): Map<string, RawWait[]> {
    const byInstance = new Map<string, RawWait[]>();
    if (ids.length === 0) return byInstance;
    const rows = db
      .prepare<string[], RawWait>(
        `SELECT w.instance_id AS instanceId, w.kind, w.key, w.step, w.due_at AS dueAt, w.attempt, w.error, t.kind AS taskKind, t.role AS taskRole
         FROM workflow_waits w LEFT JOIN human_tasks t ON w.kind = 'task' AND t.id = w.key
         WHERE w.instance_id IN (${ids.map(() => '?').join(',')}) ORDER BY w.id`,
      )
      .all(...ids);
    for (const row of rows) byInstance.set(row.instanceId, [...(byInstance.get(row.instanceId) ?? []), row]);
    return byInstance;
  }

  function rowOf(raw: RawInstance, waits: readonly RawWait[]): MonitorInstanceRow {
    const incident = waits.find((wait) => wait.kind === 'incident');
    const due = waits.flatMap((wait) => (wait.dueAt ? [wait.dueAt] : [])).sort()[0] ?? null;
    return {
      ...raw,
      incident: incident ? { step: incident.step, attempts: incident.attempt ?? 1, error: incident.error ?? '' } : null,
      waitsFor: waits.filter((wait) => wait.kind !== 'incident').map(describeWait),
      nextDueAt: due,
    };
  }

  return {
    instances(show: InstanceShow, limit: number): { rows: MonitorInstanceRow[]; counts: InstanceCounts } {
      const raws = pages[show].all(limit);
      const waits = waitsOf(raws.map((raw) => raw.id));
      return { rows: raws.map((raw) => rowOf(raw, waits.get(raw.id) ?? [])), counts: counts.get()! };
    },
    instance(id: string): { row: MonitorInstanceRow; history: InstanceHistoryEntry[] } | undefined {
      const raw = one.get(id);
      if (!raw) return undefined;
      return { row: rowOf(raw, waitsOf([id]).get(id) ?? []), history: history.all(id).map((entry) => ({ kind: entry.kind, at: entry.at, detail: JSON.parse(entry.detail) as Record<string, unknown> })) };
    },
    pendingCommands: (limit: number): PendingCommandRow[] => pending.all(limit),
    deadLetters: (openOnly: boolean, limit: number): DeadLetterRow[] => deadLetters.all(openOnly ? 1 : 0, limit),
  };
}
export type MonitorQueries = ReturnType<typeof createMonitorQueries>;
