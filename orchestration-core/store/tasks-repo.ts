// Human tasks: typed work items for a role, with the requester and an SLA due time.
import type Database from 'better-sqlite3';
import type { Role } from '../../shared/domain';

export type TaskKind = 'disposition-lot' | 'respond-to-exception' | 'approve-substitution' | 'approve-deviation' | 'approve-transfer' | 'approve-adjustment';
export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface HumanTask {
  id: string;
  instanceId: string;
  kind: TaskKind;
  role: Role;
  subject: string;
  status: TaskStatus;
  requestedBy: string | null;
  dueAt: string | null;
  createdAt: string;
  completedBy: string | null;
  completedAt: string | null;
}

const taskColumns = `id, instance_id AS instanceId, kind, role, subject, status, requested_by AS requestedBy,
  due_at AS dueAt, created_at AS createdAt, completed_by AS completedBy, completed_at AS completedAt`;

export function createTasksRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO human_tasks (id, instance_id, kind, role, subject, status, requested_by, due_at, created_at)
     VALUES (@id, @instanceId, @kind, @role, @subject, 'open', @requestedBy, @dueAt, @createdAt)`,
  );
  const get = db.prepare<[string], HumanTask>(`SELECT ${taskColumns} FROM human_tasks WHERE id = ?`);
  const setStatus = db.prepare(
    'UPDATE human_tasks SET status = ?, completed_by = ?, completed_at = ? WHERE id = ?',
  );
  return {
    open(task: Omit<HumanTask, 'status' | 'completedBy' | 'completedAt'>): void {
      insert.run(task);
    },
    get: (id: string): HumanTask | undefined => get.get(id),
    complete(id: string, user: string, at: string): void {
      setStatus.run('done', user, at, id);
    },
    /** Someone elsewhere took the work over (e.g. another workstation's planner answered the exception). */
    cancel(id: string, at: string): void {
      setStatus.run('cancelled', null, at, id);
    },
    reopen(id: string): void {
      setStatus.run('open', null, null, id);
    },
  };
}
export type TasksRepo = ReturnType<typeof createTasksRepo>;
