// An instance may wait for several things at once (an event, a human task, a command's reply, a
// timer), each with the step it runs; a failed step waits for its retry, or stops as an incident.
// The one wait a running instance had moves here; the step column now names the step that ran last.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE workflow_waits (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      instance_id TEXT NOT NULL REFERENCES workflow_instances(id),
      kind TEXT NOT NULL CHECK (kind IN ('event', 'task', 'reply', 'timer', 'retry', 'incident')),
      key TEXT,
      step TEXT NOT NULL,
      due_at TEXT,
      attempt INTEGER,
      signal TEXT,
      error TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX workflow_waits_key ON workflow_waits(kind, key);
    CREATE INDEX workflow_waits_due ON workflow_waits(due_at) WHERE due_at IS NOT NULL;
    CREATE INDEX workflow_waits_instance ON workflow_waits(instance_id);
    INSERT INTO workflow_waits (instance_id, kind, key, step, created_at)
      SELECT id, wait_kind, wait_key, step, updated_at FROM workflow_instances
      WHERE status = 'running' AND wait_kind IS NOT NULL AND step IS NOT NULL;
    DROP INDEX workflow_instances_wait;
    ALTER TABLE workflow_instances DROP COLUMN wait_kind;
    ALTER TABLE workflow_instances DROP COLUMN wait_key;
  `);
}
