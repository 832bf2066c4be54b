// Partial usage decisions, genealogy and inspection lots. A decision now posts the lot in parts (its
// postings, JSON) and may block lots made from it; production orders' inputs and outputs give the
// genealogy that containment follows; a held lot's upstream changes are kept to show beside a conflict.
import type Database from 'better-sqlite3';

/** The usage decision code of a one-posting decision (shared/usage-decision.ts), in SQL. */
const codeOf = (decision: string): string =>
  `CASE ${decision} WHEN 'release' THEN 'A1' WHEN 'use-as-is' THEN 'A2' WHEN 'scrap' THEN 'R1' WHEN 'return-to-vendor' THEN 'R2' WHEN 'rework' THEN 'R3' ELSE 'R4' END`;

export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE decisions ADD COLUMN postings TEXT;
    ALTER TABLE decisions ADD COLUMN valuation TEXT CHECK (valuation IN ('accept', 'reject'));
    ALTER TABLE decisions ADD COLUMN code TEXT;
    ALTER TABLE decisions ADD COLUMN containment TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE decisions ADD COLUMN based_on_quantity REAL;
    ALTER TABLE decisions ADD COLUMN approval_id TEXT;
    -- Decisions before this migration posted the whole lot to one place; their valuation and code follow from it.
    UPDATE decisions SET postings = json_array(json_object('decision', decision, 'quantity', quantity)),
      based_on_quantity = quantity,
      valuation = CASE WHEN decision IN ('release', 'use-as-is') THEN 'accept' ELSE 'reject' END,
      code = ${codeOf('decision')};
    -- So do their commands, which may still be in the outbox or wait for a reply: the same shape as new ones.
    UPDATE outbox SET envelope = json_set(json_remove(envelope, '$.payload.decision', '$.payload.quantity'),
        '$.payload.postings', json_array(json_object('decision', json_extract(envelope, '$.payload.decision'), 'quantity', json_extract(envelope, '$.payload.quantity'))),
        '$.payload.valuation', CASE WHEN json_extract(envelope, '$.payload.decision') IN ('release', 'use-as-is') THEN 'accept' ELSE 'reject' END,
        '$.payload.code', ${codeOf("json_extract(envelope, '$.payload.decision')")})
      WHERE type = 'lot.disposition' AND json_extract(envelope, '$.payload.postings') IS NULL;

    -- What each production order took from each lot; a lot's consumers are what containment starts from.
    -- Goods issues add up (issued); a completion states the order's whole consumption (reported). Each may
    -- arrive first, on different streams: what the order took is the larger of the two.
    CREATE TABLE order_inputs (
      production_order_id TEXT NOT NULL,
      lot_id TEXT NOT NULL,
      issued REAL NOT NULL DEFAULT 0,
      reported REAL NOT NULL DEFAULT 0,
      unit TEXT,
      at TEXT NOT NULL,
      PRIMARY KEY (lot_id, production_order_id)
    ) WITHOUT ROWID;
    -- The lots each production order made.
    CREATE TABLE order_outputs (
      production_order_id TEXT NOT NULL,
      lot_id TEXT NOT NULL,
      item_id TEXT,
      quantity REAL NOT NULL,
      unit TEXT,
      at TEXT NOT NULL,
      PRIMARY KEY (production_order_id, lot_id)
    ) WITHOUT ROWID;

    -- Upstream changes to lots on hold, to show beside a decision the gateway refused as stale.
    CREATE TABLE lot_changes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      lot_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      type TEXT NOT NULL,
      summary TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX lot_changes_lot ON lot_changes(lot_id, version);

    CREATE TABLE inspection_lots (
      inspection_lot_id TEXT PRIMARY KEY,
      lot_id TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('goods-receipt', 'production')),
      status TEXT NOT NULL CHECK (status IN ('created', 'released', 'results-recorded', 'usage-decision-made')),
      updated_at TEXT NOT NULL
    );
    CREATE INDEX inspection_lots_lot ON inspection_lots(lot_id);
    CREATE TABLE approvals_next (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('substitution', 'use-as-is', 'transfer')),
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

    -- What the core raised on its own for people to see (a scrap spike), and who has seen it.
    CREATE TABLE alerts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('scrap-spike')),
      plant TEXT NOT NULL,
      item_id TEXT,
      subject TEXT NOT NULL,
      detail TEXT NOT NULL,
      created_at TEXT NOT NULL,
      acknowledged_by TEXT,
      acknowledged_at TEXT
    );
    CREATE INDEX alerts_created ON alerts(created_at);
    -- The yield below which an item's production alerts quality and maintenance (master data; null: the default).
    ALTER TABLE items ADD COLUMN minimum_yield REAL;

    -- A blocked lot and a stopped line are exceptions too.
    CREATE TABLE exceptions_next (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('supplier-delay', 'lot-block', 'line-stop')),
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

    -- The version at which a lot's quantity was last stated whole (a receipt, the gateway's lot news, an
    -- accepted usage decision): a consumption at or below it is already in the quantity.
    ALTER TABLE lots ADD COLUMN quantity_version INTEGER NOT NULL DEFAULT 0;
    UPDATE lots SET quantity_version = version;
    -- A consumption that arrived (on a plant stream) before the lot's receipt did (on the ERP's): taken off
    -- when the receipt comes, if it is newer than the receipt's version.
    CREATE TABLE early_consumptions (
      lot_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      quantity REAL NOT NULL,
      PRIMARY KEY (lot_id, version)
    ) WITHOUT ROWID;

    -- Planning data for line stoppages and rebalancing: lines with their daily capacity, the lines that
    -- can make each item, and the safety stock each plant keeps.
    CREATE TABLE plan_lines (plant TEXT NOT NULL, line TEXT NOT NULL, capacity_per_day REAL NOT NULL, PRIMARY KEY (plant, line)) WITHOUT ROWID;
    CREATE TABLE routings (item_id TEXT NOT NULL, plant TEXT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (item_id, plant, line)) WITHOUT ROWID;
    CREATE TABLE safety_stocks (item_id TEXT NOT NULL, plant TEXT NOT NULL, quantity REAL NOT NULL, PRIMARY KEY (item_id, plant)) WITHOUT ROWID;
    CREATE INDEX production_orders_line ON production_orders(plant, line, start_date);

    -- A decision finds its lot by the task.
    CREATE INDEX lot_holds_task ON lot_holds(task_id);
  `);
}
