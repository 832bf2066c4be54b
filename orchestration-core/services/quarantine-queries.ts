// Reads the Quarantine view's rows: lots on hold with their task, inspection lot and latest usage
// decision; a refused decision comes with what changed upstream since the version it saw.
import type Database from 'better-sqlite3';
import type { QuarantineRow, TaskState } from '../../shared/api/quarantine';
import type { UsagePosting } from '../../shared/usage-decision';
import type { LotHistoryRepo } from '../store/lot-history-repo';

/** A row as SQLite returns it: JSON columns as text, the task state still to derive. */
type RawRow = Omit<QuarantineRow, 'taskState' | 'conflict' | 'postings' | 'containmentLotIds'> & {
  postings: string | null;
  containment: string | null;
  taskStatus: 'open' | 'done' | 'cancelled';
  decisionStatus: 'pending' | 'accepted' | 'rejected' | 'withdrawn' | null;
  replyReason: string | null;
  basedOnVersion: number | null;
  basedOnQuantity: number | null;
  decidedAt: string | null;
  approvalStatus: 'pending' | 'approved' | 'rejected' | null;
};

const select = `
  SELECT h.lot_id AS lotId, l.item_id AS itemId, coalesce(i.description, l.item_id) AS itemDescription,
    l.plant,
    -- A decided lot shows the quantity the decision covered: scrap takes the lot's quantity to zero.
    CASE WHEN d.status IN ('pending', 'accepted') THEN d.quantity ELSE l.quantity END AS quantity, l.unit, l.stock_type AS stockType, l.supplier_id AS supplierId,
    h.inspection_lot_id AS inspectionLotId, coalesce(il.status, 'results-recorded') AS inspectionLotStatus,
    h.defect_code AS defectCode, h.defect_text AS defectText,
    h.hold_since AS holdSince, h.task_id AS taskId, t.status AS taskStatus, l.version AS lotVersion,
    d.postings, d.valuation, d.code AS decisionCode, d.reason AS decisionReason, d.deviation_number AS deviationNumber,
    d.decided_by AS decidedBy, d.containment, d.status AS decisionStatus, d.reply_reason AS replyReason,
    d.based_on_version AS basedOnVersion, d.based_on_quantity AS basedOnQuantity, d.decided_at AS decidedAt, d.approval_id AS approvalId, ap.status AS approvalStatus,
    (SELECT coalesce(sum(max(issued, reported)), 0) FROM order_inputs WHERE lot_id = h.lot_id) AS consumedQuantity
  FROM lot_holds h
  JOIN lots l ON l.lot_id = h.lot_id
  JOIN human_tasks t ON t.id = h.task_id
  LEFT JOIN items i ON i.id = l.item_id
  LEFT JOIN inspection_lots il ON il.inspection_lot_id = h.inspection_lot_id
  -- The latest decision, unless it was withdrawn and the task opened again: then the lot has none yet.
  LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE task_id = h.task_id) AND NOT (d.status = 'withdrawn' AND t.status = 'open')
  LEFT JOIN approvals ap ON ap.id = d.approval_id`;

function taskStateOf(raw: RawRow): TaskState {
  switch (raw.decisionStatus) {
    case null:
      return 'awaiting-decision';
    case 'pending':
      return raw.approvalStatus === 'pending' ? 'awaiting-approval' : 'pending-upstream';
    case 'accepted':
      return 'accepted';
    case 'rejected':
      return 'conflict';
    case 'withdrawn':
      return 'withdrawn';
  }
}

export function createQuarantineQueries(db: Database.Database, history: LotHistoryRepo) {
  const all = db.prepare<[], RawRow>(`${select} ORDER BY h.hold_since DESC`);
  const one = db.prepare<[string], RawRow>(`${select} WHERE h.lot_id = ?`);

  function toRow(raw: RawRow): QuarantineRow {
    const { postings, containment, taskStatus: _taskStatus, decisionStatus, replyReason, basedOnVersion, basedOnQuantity, decidedAt, approvalStatus: _approvalStatus, ...rest } = raw;
    const taskState = taskStateOf(raw);
    const conflict =
      decisionStatus === 'rejected'
        ? { reason: replyReason ?? 'rejected upstream', sawVersion: basedOnVersion ?? 0, sawQuantity: basedOnQuantity ?? rest.quantity, changes: history.changesAfter(rest.lotId, basedOnVersion ?? 0, decidedAt ?? '') }
        : null;
    return {
      ...rest,
      taskState,
      postings: postings === null ? null : (JSON.parse(postings) as UsagePosting[]),
      containmentLotIds: containment === null ? [] : (JSON.parse(containment) as string[]),
      conflict,
    };
  }

  return {
    list: (): QuarantineRow[] => all.all().map(toRow),
    row: (lotId: string): QuarantineRow | undefined => {
      const raw = one.get(lotId);
      return raw && toRow(raw);
    },
  };
}
export type QuarantineQueries = ReturnType<typeof createQuarantineQueries>;
