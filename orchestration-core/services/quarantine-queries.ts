// Reads the Quarantine view's rows: lots on hold with their task and latest usage decision.
import type Database from 'better-sqlite3';
import type { QuarantineRow, TaskState } from '../../shared/api/quarantine';

/** A row as SQLite returns it: the task state and conflict reason are derived from the decision's status. */
type RawRow = Omit<QuarantineRow, 'taskState' | 'conflictReason'> & {
  decisionStatus: 'pending' | 'accepted' | 'rejected' | 'withdrawn' | null;
  replyReason: string | null;
};

const select = `
  SELECT h.lot_id AS lotId, l.item_id AS itemId, coalesce(i.description, l.item_id) AS itemDescription,
    l.plant,
    -- A decided lot shows the quantity the decision covered: scrap takes the lot's quantity to zero.
    CASE WHEN d.status IN ('pending', 'accepted') THEN d.quantity ELSE l.quantity END AS quantity, l.unit, l.stock_type AS stockType, l.supplier_id AS supplierId,
    h.inspection_lot_id AS inspectionLotId, h.defect_code AS defectCode, h.defect_text AS defectText,
    h.hold_since AS holdSince, h.task_id AS taskId, l.version AS lotVersion,
    d.decision, d.reason AS decisionReason, d.deviation_number AS deviationNumber, d.decided_by AS decidedBy,
    d.status AS decisionStatus, d.reply_reason AS replyReason
  FROM lot_holds h
  JOIN lots l ON l.lot_id = h.lot_id
  LEFT JOIN items i ON i.id = l.item_id
  LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE task_id = h.task_id)`;

function taskStateOf(status: RawRow['decisionStatus']): TaskState {
  switch (status) {
    case null:
    case 'withdrawn':
      return 'awaiting-decision';
    case 'pending':
      return 'pending-upstream';
    case 'accepted':
      return 'accepted';
    case 'rejected':
      return 'conflict';
  }
}

function toRow(raw: RawRow): QuarantineRow {
  const { decisionStatus, replyReason, ...rest } = raw;
  return { ...rest, taskState: taskStateOf(decisionStatus), conflictReason: decisionStatus === 'rejected' ? replyReason : null };
}

export function createQuarantineQueries(db: Database.Database) {
  const all = db.prepare<[], RawRow>(`${select} ORDER BY h.hold_since DESC`);
  const one = db.prepare<[string], RawRow>(`${select} WHERE h.lot_id = ?`);
  return {
    list: (): QuarantineRow[] => all.all().map(toRow),
    row: (lotId: string): QuarantineRow | undefined => {
      const raw = one.get(lotId);
      return raw && toRow(raw);
    },
  };
}
export type QuarantineQueries = ReturnType<typeof createQuarantineQueries>;
