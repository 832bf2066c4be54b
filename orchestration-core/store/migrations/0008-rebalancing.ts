// Rebalancing decisions: a planner's accept (with the stock transport order it sent) or reject of a
// proposed transfer, and the receipt that completes an accepted one.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE rebalancing_decisions (
      proposal_id TEXT PRIMARY KEY,
      -- awaiting-approval: above the value threshold, a supervisor's approval comes first (command_id is the
      -- approval.request until then); refused: the gateway refused that request, the proposal is open again.
      decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'awaiting-approval', 'refused')),
      item_id TEXT NOT NULL,
      from_plant TEXT NOT NULL,
      to_plant TEXT NOT NULL,
      quantity REAL NOT NULL,
      ship_date TEXT NOT NULL,
      arrival_date TEXT NOT NULL,
      unit_cost REAL NOT NULL,
      -- The proposal as it was decided (JSON): a rejection stands while the proposal stays the same.
      proposal TEXT NOT NULL,
      transfer_id TEXT,
      command_id TEXT,
      approval_id TEXT,
      decided_by TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      reason TEXT,
      received_at TEXT
    );
    CREATE INDEX rebalancing_decisions_transfer ON rebalancing_decisions(transfer_id) WHERE transfer_id IS NOT NULL;
  `);
}
