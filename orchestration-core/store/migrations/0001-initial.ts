// The first schema: master data, lots and holds, inbox, cursors, workflows, tasks, decisions,
// outbox, dead letters and the audit log.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE plants (id TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE items (id TEXT PRIMARY KEY, description TEXT NOT NULL, unit TEXT NOT NULL);

    CREATE TABLE lots (
      lot_id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL,
      plant TEXT NOT NULL,
      quantity REAL NOT NULL,
      unit TEXT NOT NULL,
      stock_type TEXT NOT NULL,
      supplier_id TEXT,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );

    -- A lot on hold after a failed inspection, with the workflow instance that handles it.
    CREATE TABLE lot_holds (
      lot_id TEXT PRIMARY KEY REFERENCES lots(lot_id),
      inspection_lot_id TEXT NOT NULL,
      defect_code TEXT NOT NULL,
      defect_text TEXT NOT NULL,
      hold_since TEXT NOT NULL,
      task_id TEXT NOT NULL,
      instance_id TEXT NOT NULL
    );

    CREATE TABLE inbox (
      event_id TEXT PRIMARY KEY,
      stream TEXT NOT NULL,
      seq INTEGER NOT NULL,
      type TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'dead-lettered')),
      received_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX inbox_stream_seq ON inbox(stream, seq);

    CREATE TABLE cursors (stream TEXT PRIMARY KEY, seq INTEGER NOT NULL, updated_at TEXT NOT NULL);

    CREATE TABLE workflow_instances (
      id TEXT PRIMARY KEY,
      workflow TEXT NOT NULL,
      version INTEGER NOT NULL,
      correlation_key TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled')),
      step TEXT,
      wait_kind TEXT,
      wait_key TEXT,
      state TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX workflow_instances_wait ON workflow_instances(wait_kind, wait_key) WHERE status = 'running';
    CREATE INDEX workflow_instances_correlation ON workflow_instances(workflow, correlation_key);

    CREATE TABLE workflow_history (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      instance_id TEXT NOT NULL REFERENCES workflow_instances(id),
      kind TEXT NOT NULL,
      detail TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX workflow_history_instance ON workflow_history(instance_id);

    CREATE TABLE human_tasks (
      id TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL REFERENCES workflow_instances(id),
      kind TEXT NOT NULL,
      role TEXT NOT NULL,
      subject TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
      requested_by TEXT,
      due_at TEXT,
      created_at TEXT NOT NULL,
      completed_by TEXT,
      completed_at TEXT
    );

    CREATE TABLE decisions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      task_id TEXT NOT NULL REFERENCES human_tasks(id),
      lot_id TEXT NOT NULL,
      decision TEXT NOT NULL,
      quantity REAL NOT NULL,
      reason TEXT NOT NULL,
      deviation_number TEXT,
      decided_by TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      command_id TEXT NOT NULL UNIQUE,
      based_on_version INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')),
      reply_reason TEXT
    );
    CREATE INDEX decisions_task ON decisions(task_id);

    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      command_id TEXT NOT NULL UNIQUE,
      connector TEXT NOT NULL,
      type TEXT NOT NULL,
      entity_id TEXT,
      envelope TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'duplicate', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_attempt_at TEXT,
      reply TEXT,
      created_at TEXT NOT NULL,
      replied_at TEXT
    );
    CREATE INDEX outbox_pending ON outbox(connector, seq) WHERE status = 'pending';

    CREATE TABLE dead_letters (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      connector TEXT NOT NULL,
      stream TEXT,
      seq INTEGER,
      event_id TEXT,
      reason TEXT NOT NULL,
      raw TEXT NOT NULL,
      received_at TEXT NOT NULL
    );

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT NOT NULL,
      detail TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
  `);
}
