// Cycle counts the plant's WMS reported, as this workstation settles them (a held lot's row shows its
// variance), and approvals of kind adjustment: the approvals table is rebuilt for the wider CHECK.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE cycle_counts (
      count_id TEXT PRIMARY KEY,
      plant TEXT NOT NULL,
      bin TEXT NOT NULL,
      item_id TEXT NOT NULL,
      lot_id TEXT,
      counted_quantity REAL NOT NULL,
      book_quantity REAL NOT NULL,
      unit TEXT NOT NULL,
      difference REAL NOT NULL,
      value REAL NOT NULL,
      within_tolerance INTEGER NOT NULL CHECK (within_tolerance IN (0, 1)),
      counted_by TEXT NOT NULL,
      counted_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('adjusting', 'awaiting-approval', 'adjusted', 'recount', 'refused')),
      approval_id TEXT,
      note TEXT
    );
    CREATE INDEX cycle_counts_lot ON cycle_counts(lot_id, counted_at) WHERE lot_id IS NOT NULL;

    CREATE TABLE approvals_next (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('substitution', 'use-as-is', 'transfer', 'adjustment')),
      subject TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      plant TEXT NOT NULL,
      request TEXT NOT NULL,
      exception_id TEXT,
      task_id TEXT,
      decided_by TEXT,
      decided_at TEXT,
      decision_reason TEXT,
      pending_decision TEXT CHECK (pending_decision IN ('approve', 'reject')),
      pending_by TEXT,
      pending_at TEXT,
      pending_command_id TEXT,
      substitution_refused TEXT
    );
    INSERT INTO approvals_next SELECT id, kind, subject, status, requested_by, requested_at, plant, request, exception_id, task_id,
      decided_by, decided_at, decision_reason, pending_decision, pending_by, pending_at, pending_command_id, substitution_refused FROM approvals;
    DROP TABLE approvals;
    ALTER TABLE approvals_next RENAME TO approvals;
    CREATE INDEX approvals_exception ON approvals(exception_id, requested_at);
    CREATE INDEX approvals_pending_command ON approvals(pending_command_id) WHERE pending_command_id IS NOT NULL;
  `);
}
