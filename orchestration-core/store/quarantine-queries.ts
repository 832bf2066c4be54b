// Reads the Quarantine view's rows: lots on hold with their task, inspection lot and usage decision (the
// ERP's, whoever made it, else this workstation's latest); a refused decision comes with what changed
// upstream since the version it saw.
import type Database from 'better-sqlite3';
import type { DecidedPart, LotCycleCount, QuarantineRow, RefusalKind, TaskState } from '../../shared/api/quarantine';
import { authorityRefusalOf } from '../../shared/auth/authority-refusal';
import type { UsagePosting } from '../../shared/usage-decision';
import type { LotHistoryRepo } from './lot-history-repo';

/** A row as SQLite returns it: JSON columns as text, the task state still to derive. */
type RawRow = Omit<QuarantineRow, 'taskState' | 'conflict' | 'postings' | 'containmentLotIds' | 'parts' | 'decidedHere' | 'overtaken' | 'cycleCount'> & {
  cycleCount: string | null;
  postings: string | null;
  containment: string | null;
  parts: string | null;
  taskStatus: 'open' | 'done' | 'cancelled';
  decisionStatus: 'pending' | 'accepted' | 'rejected' | 'withdrawn' | null;
  localCommandId: string | null;
  localDecidedBy: string | null;
  localDecidedAt: string | null;
  localCode: string | null;
  upstreamCommandId: string | null;
  replyReason: string | null;
  basedOnVersion: number | null;
  basedOnQuantity: number | null;
  approvalStatus: 'pending' | 'approved' | 'rejected' | null;
  askedApprovalId: string | null;
  askedBy: string | null;
  askedAt: string | null;
  askedDeviation: string | null;
  askedReason: string | null;
  askedPostings: string | null;
};

const select = `
  SELECT h.lot_id AS lotId, l.item_id AS itemId, coalesce(i.description, l.item_id) AS itemDescription,
    l.plant, l.quantity, l.unit, l.stock_type AS stockType, l.supplier_id AS supplierId,
    h.inspection_lot_id AS inspectionLotId, coalesce(il.status, 'results-recorded') AS inspectionLotStatus,
    h.defect_code AS defectCode, h.defect_text AS defectText, h.contained_by AS containedBy,
    h.hold_since AS holdSince, h.task_id AS taskId, t.status AS taskStatus, l.version AS lotVersion,
    -- Only holds whose workflow keeps the SLA's timer (version 3 on) have a due time the gateway escalates at.
    CASE WHEN wi.version >= 3 THEN t.due_at END AS dueAt, esc.raised_at AS escalatedAt, esc.auto_action AS autoAction,
    -- The ERP's usage decision stands once there is one; before, this workstation's own.
    coalesce(ud.postings, d.postings) AS postings, coalesce(ud.valuation, d.valuation) AS valuation,
    coalesce(ud.code, d.code) AS decisionCode, coalesce(ud.reason, d.reason) AS decisionReason,
    CASE WHEN ud.inspection_lot_id IS NULL THEN d.deviation_number ELSE ud.deviation_number END AS deviationNumber,
    coalesce(ud.decided_by, d.decided_by) AS decidedBy, coalesce(ud.decided_at, d.decided_at) AS decidedAt,
    ud.command_id AS upstreamCommandId, d.command_id AS localCommandId, d.decided_by AS localDecidedBy,
    d.decided_at AS localDecidedAt, d.code AS localCode,
    d.containment, d.status AS decisionStatus, d.reply_reason AS replyReason,
    d.based_on_version AS basedOnVersion, d.based_on_quantity AS basedOnQuantity, coalesce(d.approval_id, ua.id) AS approvalId, ap.status AS approvalStatus,
    -- Approved here, or (decided on another workstation) the approval every workstation heard of.
    coalesce(CASE WHEN ap.status = 'approved' THEN ap.decided_by END, ud.approved_by, ua.decided_by) AS approvedBy,
    coalesce(CASE WHEN ap.status = 'approved' THEN ap.decided_at END, ua.decided_at) AS approvedAt,
    -- Without a decision here: a use-as-is another workstation's engineer asked a supervisor for.
    oa.id AS askedApprovalId, oa.requested_by AS askedBy, oa.requested_at AS askedAt,
    json_extract(oa.request, '$.deviation.deviationNumber') AS askedDeviation, json_extract(oa.request, '$.deviation.reason') AS askedReason,
    json_extract(oa.request, '$.deviation.postings') AS askedPostings,
    -- Each part as the cache has it now: a sub-lot consumed or moved since shows where it is.
    (SELECT json_group_array(json_object('lotId', p.value ->> 'lotId', 'decision', p.value ->> 'decision',
        'quantity', coalesce(pl.quantity, p.value ->> 'quantity'), 'stockType', coalesce(pl.stock_type, p.value ->> 'stockType')) ORDER BY p.key)
      FROM json_each(ud.parts) p LEFT JOIN lots pl ON pl.lot_id = p.value ->> 'lotId') AS parts,
    (SELECT coalesce(sum(max(issued, reported)), 0) FROM order_inputs WHERE lot_id = h.lot_id) AS consumedQuantity,
    (SELECT json_object('countId', c.count_id, 'bin', c.bin, 'countedQuantity', c.counted_quantity, 'bookQuantity', c.book_quantity,
        'difference', c.difference, 'value', c.value, 'withinTolerance', json(CASE c.within_tolerance WHEN 1 THEN 'true' ELSE 'false' END),
        'countedBy', c.counted_by, 'countedAt', c.counted_at, 'status', c.status, 'approvalId', c.approval_id, 'note', c.note)
      FROM cycle_counts c WHERE c.lot_id = h.lot_id ORDER BY c.counted_at DESC, c.count_id DESC LIMIT 1) AS cycleCount
  FROM lot_holds h
  JOIN lots l ON l.lot_id = h.lot_id
  JOIN human_tasks t ON t.id = h.task_id
  LEFT JOIN items i ON i.id = l.item_id
  LEFT JOIN inspection_lots il ON il.inspection_lot_id = h.inspection_lot_id
  LEFT JOIN usage_decisions ud ON ud.inspection_lot_id = h.inspection_lot_id
  LEFT JOIN escalations esc ON esc.subject_id = h.inspection_lot_id AND esc.task_type = 'disposition'
  LEFT JOIN workflow_instances wi ON wi.id = h.instance_id
  -- The latest decision, unless it was withdrawn and the task opened again: then the lot has none yet.
  LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE task_id = h.task_id) AND NOT (d.status = 'withdrawn' AND t.status = 'open')
  LEFT JOIN approvals ap ON ap.id = d.approval_id
  LEFT JOIN approvals ua ON d.id IS NULL AND ud.approved_by IS NOT NULL AND ua.id = (
    SELECT a.id FROM approvals a WHERE a.kind = 'use-as-is' AND a.status = 'approved'
      AND json_extract(a.request, '$.deviation.inspectionLotId') = h.inspection_lot_id
    ORDER BY a.decided_at DESC LIMIT 1)
  LEFT JOIN approvals oa ON d.id IS NULL AND ud.inspection_lot_id IS NULL AND oa.id = (
    SELECT a.id FROM approvals a WHERE a.kind = 'use-as-is' AND a.status = 'pending'
      AND json_extract(a.request, '$.deviation.lotId') = h.lot_id AND json_extract(a.request, '$.deviation.inspectionLotId') = h.inspection_lot_id
      AND NOT EXISTS (SELECT 1 FROM decisions od WHERE od.approval_id = a.id)
    ORDER BY a.requested_at DESC LIMIT 1)`;

/** A use-as-is asked for on another workstation, as this one shows it until the supervisor decides. */
function askedElsewhere(raw: RawRow): RawRow {
  if (raw.askedApprovalId === null) return raw;
  const postings = raw.askedPostings ?? JSON.stringify([{ decision: 'use-as-is', quantity: raw.quantity }]);
  return {
    ...raw,
    decisionStatus: 'pending',
    approvalStatus: 'pending',
    approvalId: raw.askedApprovalId,
    decidedBy: raw.askedBy,
    decidedAt: raw.askedAt,
    deviationNumber: raw.askedDeviation,
    decisionReason: raw.askedReason,
    postings,
  };
}

function refusalKind(approvalStatus: string | null, reason: string | null): RefusalKind {
  if (approvalStatus === 'rejected') return 'approval-rejected';
  return (reason !== null ? authorityRefusalOf(reason) : null) ?? 'stale';
}

function taskStateOf(raw: RawRow): TaskState {
  // Decided upstream: a usage decision posted, or the inspection lot passed (QM's usage decision made without one here).
  if (raw.upstreamCommandId !== null || (raw.inspectionLotStatus === 'usage-decision-made' && raw.decisionStatus !== 'pending')) return 'decided';
  switch (raw.decisionStatus) {
    case null:
      return 'awaiting-decision';
    case 'pending':
      return raw.approvalStatus === 'pending' ? 'awaiting-approval' : 'pending-upstream';
    // Accepted before the ERP's statement of it was recorded (a store from an older version).
    case 'accepted':
      return 'decided';
    case 'rejected':
      return 'conflict';
    case 'withdrawn':
      return 'withdrawn';
  }
}

export function createQuarantineQueries(db: Database.Database, history: LotHistoryRepo) {
  const all = db.prepare<[], RawRow>(`${select} ORDER BY h.hold_since DESC`);
  const one = db.prepare<[string], RawRow>(`${select} WHERE h.lot_id = ?`);

  function toRow(stored: RawRow): QuarantineRow {
    const raw = askedElsewhere(stored);
    const {
      postings,
      containment,
      parts,
      taskStatus: _taskStatus,
      decisionStatus,
      localCommandId,
      localDecidedBy,
      localDecidedAt,
      localCode,
      upstreamCommandId,
      replyReason,
      basedOnVersion,
      basedOnQuantity,
      approvalStatus: _approvalStatus,
      askedApprovalId: _askedApprovalId,
      askedBy: _askedBy,
      askedAt: _askedAt,
      askedDeviation: _askedDeviation,
      askedReason: _askedReason,
      askedPostings: _askedPostings,
      cycleCount,
      ...rest
    } = raw;
    const taskState = taskStateOf(raw);
    const decided = upstreamCommandId !== null;
    const conflict =
      taskState === 'conflict'
        ? { reason: replyReason ?? 'rejected upstream', kind: refusalKind(raw.approvalStatus, replyReason), sawVersion: basedOnVersion ?? 0, sawQuantity: basedOnQuantity ?? rest.quantity, changes: history.changesAfter(rest.lotId, basedOnVersion ?? 0, localDecidedAt ?? '') }
        : null;
    const overtaken = decided && localCommandId !== null && localCommandId !== upstreamCommandId && decisionStatus !== 'withdrawn' ? { decidedBy: localDecidedBy ?? '', decidedAt: localDecidedAt ?? '', code: localCode ?? '' } : null;
    return {
      ...rest,
      taskState,
      decidedHere: decided ? localCommandId === upstreamCommandId : localCommandId !== null,
      postings: postings === null ? null : (JSON.parse(postings) as UsagePosting[]),
      containmentLotIds: containment === null ? [] : (JSON.parse(containment) as string[]),
      parts: parts === null ? [] : (JSON.parse(parts) as DecidedPart[]),
      overtaken,
      conflict,
      cycleCount: cycleCount === null ? null : (JSON.parse(cycleCount) as LotCycleCount),
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
