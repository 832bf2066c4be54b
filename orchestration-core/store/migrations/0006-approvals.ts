// Approvals: requests for a supervisor's decision, as every workstation hears of them through the
// gateway, with a decision made here while upstream has not confirmed it. Exceptions may now wait
// for an approval: SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE approvals (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('substitution')),
      subject TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      plant TEXT NOT NULL,
      -- The substitution asked for and the projected effect the requester saw (JSON).
      request TEXT NOT NULL,
      exception_id TEXT,
      task_id TEXT,
      decided_by TEXT,
      decided_at TEXT,
      decision_reason TEXT,
      -- A decision made on this workstation, queued in the outbox until the gateway publishes it.
      pending_decision TEXT CHECK (pending_decision IN ('approve', 'reject')),
      pending_by TEXT,
      pending_at TEXT,
      pending_command_id TEXT,
      -- Why the ERP refused the substitution sent under this approval, when it did.
      substitution_refused TEXT
    );
    CREATE INDEX approvals_exception ON approvals(exception_id, requested_at);
    CREATE INDEX approvals_pending_command ON approvals(pending_command_id) WHERE pending_command_id IS NOT NULL;

    CREATE TABLE exceptions_next (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('supplier-delay')),
      item_id TEXT NOT NULL,
      plant TEXT NOT NULL,
      source_document TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      orders_hit INTEGER NOT NULL,
      revenue_at_risk REAL NOT NULL,
      worst_days_late INTEGER,
      unfulfilled INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'no-impact', 'awaiting-approval', 'accepted', 'resolved')),
      detail TEXT NOT NULL,
      impact TEXT NOT NULL,
      responses TEXT NOT NULL DEFAULT '[]',
      chosen_response TEXT,
      instance_id TEXT NOT NULL,
      task_id TEXT
    );
    INSERT INTO exceptions_next SELECT id, type, item_id, plant, source_document, detected_at, orders_hit, revenue_at_risk,
      worst_days_late, unfulfilled, status, detail, impact, responses, chosen_response, instance_id, task_id FROM exceptions;
    DROP TABLE exceptions;
    ALTER TABLE exceptions_next RENAME TO exceptions;
    CREATE INDEX exceptions_detected ON exceptions(detected_at);
  `);
}
