// Usage decisions as the ERP posted them, from whichever workstation: one per inspection lot, with who
// decided, when, and the lot and sub-lots it left in stock. Decisions this workstation made and the
// ERP accepted before this version are filled in from its own records.
import type Database from 'better-sqlite3';
import { splitLot, type UsagePosting } from '../../../shared/usage-decision';

interface AcceptedDecision {
  inspectionLotId: string;
  lotId: string;
  commandId: string;
  decidedBy: string;
  decidedAt: string;
  valuation: string;
  code: string;
  postings: string;
  reason: string;
  deviationNumber: string | null;
  basedOnVersion: number;
  unit: string;
}

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE usage_decisions (
      inspection_lot_id TEXT PRIMARY KEY,
      lot_id TEXT NOT NULL,
      command_id TEXT NOT NULL,
      decided_by TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      valuation TEXT NOT NULL CHECK (valuation IN ('accept', 'reject')),
      code TEXT NOT NULL,
      postings TEXT NOT NULL,
      reason TEXT NOT NULL,
      deviation_number TEXT,
      approved_by TEXT,
      unit TEXT NOT NULL,
      -- JSON: the lot itself first, then each sub-lot, as the decision left them.
      parts TEXT NOT NULL
    );
    CREATE INDEX usage_decisions_lot ON usage_decisions(lot_id);
    -- A sub-lot a usage decision split off, to find the decision when the sub-lot is scanned.
    CREATE TABLE sub_lots (
      lot_id TEXT PRIMARY KEY,
      parent_lot_id TEXT NOT NULL,
      inspection_lot_id TEXT NOT NULL
    );
  `);
  const accepted = db
    .prepare<[], AcceptedDecision>(
      `SELECT h.inspection_lot_id AS inspectionLotId, d.lot_id AS lotId, d.command_id AS commandId, d.decided_by AS decidedBy,
         d.decided_at AS decidedAt, d.valuation, d.code, d.postings, d.reason, d.deviation_number AS deviationNumber,
         d.based_on_version AS basedOnVersion, coalesce(l.unit, 'EA') AS unit
       FROM decisions d JOIN lot_holds h ON h.task_id = d.task_id LEFT JOIN lots l ON l.lot_id = d.lot_id
       WHERE d.status = 'accepted'`,
    )
    .all();
  const insert = db.prepare(
    `INSERT OR IGNORE INTO usage_decisions (inspection_lot_id, lot_id, command_id, decided_by, decided_at, valuation, code, postings, reason, deviation_number, unit, parts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const subLot = db.prepare('INSERT OR IGNORE INTO sub_lots (lot_id, parent_lot_id, inspection_lot_id) VALUES (?, ?, ?)');
  for (const d of accepted) {
    const { parts } = splitLot(d.lotId, d.basedOnVersion, JSON.parse(d.postings) as UsagePosting[]);
    insert.run(d.inspectionLotId, d.lotId, d.commandId, d.decidedBy, d.decidedAt, d.valuation, d.code, d.postings, d.reason, d.deviationNumber, d.unit, JSON.stringify(parts));
    for (const part of parts.slice(1)) subLot.run(part.lotId, d.lotId, d.inspectionLotId);
  }
}
