// Approval requests as this workstation knows them: from its own requests and the gateway's events,
// with a decision made here while upstream has not confirmed it.
import type Database from 'better-sqlite3';
import type { AdjustmentRequest, ApprovalDecision, ApprovalKind, ApprovalStatus, DeviationRequest, SubstitutionRequest, TransferApprovalRequest } from '../../shared/api/approvals';
import type { ProjectedEffect } from '../../shared/api/impact';

export interface ApprovalRequest {
  id: string;
  kind: ApprovalKind;
  subject: string;
  requestedBy: string;
  requestedAt: string;
  substitution: SubstitutionRequest | null;
  deviation: DeviationRequest | null;
  transfer: TransferApprovalRequest | null;
  adjustment: AdjustmentRequest | null;
  exceptionId: string | null;
  projected: ProjectedEffect | null;
  /** The disruption with no response, as the requester saw it beside `projected`. */
  baseline: ProjectedEffect | null;
}

export interface StoredApproval extends ApprovalRequest {
  status: ApprovalStatus;
  plant: string;
  dueAt: string | null;
  /** When the gateway published its escalation (its SLA passed undecided); null while it has not. */
  escalatedAt: string | null;
  fromItemDescription: string;
  toItemDescription: string;
  taskId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  pendingDecision: { decision: ApprovalDecision; by: string; at: string; commandId: string } | null;
  /** Why the ERP refused the substitution.apply sent under this approval, when it did. */
  substitutionRefused: string | null;
  /** The outbox's state of the pending decision's command and, when refused, why. */
  pendingCommandStatus: 'pending' | 'accepted' | 'duplicate' | 'rejected' | null;
  pendingCommandRefusal: string | null;
}

interface RawApproval {
  id: string;
  kind: ApprovalKind;
  subject: string;
  status: ApprovalStatus;
  requestedBy: string;
  requestedAt: string;
  plant: string;
  request: string;
  exceptionId: string | null;
  taskId: string | null;
  dueAt: string | null;
  escalatedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  pendingDecision: ApprovalDecision | null;
  pendingBy: string | null;
  pendingAt: string | null;
  pendingCommandId: string | null;
  fromItemDescription: string;
  toItemDescription: string;
  commandStatus: StoredApproval['pendingCommandStatus'];
  commandRefusal: string | null;
  substitutionRefused: string | null;
}

const select = `
  SELECT a.id, a.kind, a.subject, a.status, a.requested_by AS requestedBy, a.requested_at AS requestedAt, a.plant,
    a.request, a.exception_id AS exceptionId, a.task_id AS taskId, t.due_at AS dueAt, e.raised_at AS escalatedAt, a.decided_by AS decidedBy, a.decided_at AS decidedAt,
    a.decision_reason AS decisionReason, a.pending_decision AS pendingDecision, a.pending_by AS pendingBy,
    a.pending_at AS pendingAt, a.pending_command_id AS pendingCommandId,
    coalesce(fi.description, json_extract(a.request, '$.substitution.fromItemId'), json_extract(a.request, '$.deviation.itemId'), json_extract(a.request, '$.transfer.itemId'), json_extract(a.request, '$.adjustment.itemId')) AS fromItemDescription,
    coalesce(ti.description, json_extract(a.request, '$.substitution.toItemId'), '') AS toItemDescription,
    o.status AS commandStatus, json_extract(o.reply, '$.reason') AS commandRefusal, a.substitution_refused AS substitutionRefused
  FROM approvals a
  LEFT JOIN items fi ON fi.id = coalesce(json_extract(a.request, '$.substitution.fromItemId'), json_extract(a.request, '$.deviation.itemId'), json_extract(a.request, '$.transfer.itemId'), json_extract(a.request, '$.adjustment.itemId'))
  LEFT JOIN items ti ON ti.id = json_extract(a.request, '$.substitution.toItemId')
  LEFT JOIN outbox o ON o.command_id = a.pending_command_id
  LEFT JOIN human_tasks t ON t.id = a.task_id
  LEFT JOIN escalations e ON e.subject_id = a.id`;

function toStored(raw: RawApproval): StoredApproval {
  const request = JSON.parse(raw.request) as { substitution?: SubstitutionRequest; deviation?: DeviationRequest; transfer?: TransferApprovalRequest; adjustment?: AdjustmentRequest; projected: ProjectedEffect | null; baseline?: ProjectedEffect | null };
  return {
    id: raw.id,
    kind: raw.kind,
    subject: raw.subject,
    status: raw.status,
    requestedBy: raw.requestedBy,
    requestedAt: raw.requestedAt,
    plant: raw.plant,
    substitution: request.substitution ?? null,
    deviation: request.deviation ?? null,
    transfer: request.transfer ?? null,
    adjustment: request.adjustment ?? null,
    projected: request.projected,
    baseline: request.baseline ?? null,
    exceptionId: raw.exceptionId,
    taskId: raw.taskId,
    dueAt: raw.dueAt,
    escalatedAt: raw.escalatedAt,
    decidedBy: raw.decidedBy,
    decidedAt: raw.decidedAt,
    decisionReason: raw.decisionReason,
    fromItemDescription: raw.fromItemDescription,
    toItemDescription: raw.toItemDescription,
    pendingDecision:
      raw.pendingDecision && raw.pendingBy && raw.pendingAt && raw.pendingCommandId
        ? { decision: raw.pendingDecision, by: raw.pendingBy, at: raw.pendingAt, commandId: raw.pendingCommandId }
        : null,
    substitutionRefused: raw.substitutionRefused,
    pendingCommandStatus: raw.commandStatus,
    pendingCommandRefusal: raw.commandRefusal,
  };
}

export function createApprovalsRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO approvals (id, kind, subject, status, requested_by, requested_at, plant, request, exception_id)
     VALUES (@id, @kind, @subject, 'pending', @requestedBy, @requestedAt, @plant, @request, @exceptionId)
     ON CONFLICT (id) DO UPDATE SET requested_at = excluded.requested_at`,
  );
  const one = db.prepare<[string], RawApproval>(`${select} WHERE a.id = ?`);
  const all = db.prepare<[], RawApproval>(`${select} ORDER BY a.status = 'pending' DESC, a.requested_at DESC, a.id`);
  // The user's own request first: two planners may have asked about the same exception.
  const latestForException = db.prepare<[string, string], RawApproval>(
    `${select} WHERE a.exception_id = ? ORDER BY a.requested_by = ? DESC, a.requested_at DESC, a.id DESC LIMIT 1`,
  );
  const latestForTransfer = db.prepare<[string], RawApproval>(
    `${select} WHERE a.kind = 'transfer' AND json_extract(a.request, '$.transfer.transferId') = ? ORDER BY a.requested_at DESC, a.id DESC LIMIT 1`,
  );
  const pendingUseAsIs = db.prepare<[string, string], RawApproval>(
    `${select} WHERE a.kind = 'use-as-is' AND a.status = 'pending' AND json_extract(a.request, '$.deviation.lotId') = ?
       AND json_extract(a.request, '$.deviation.inspectionLotId') = ?
       -- Another workstation's: this one's own request is its decision's (and may have been refused by the gateway).
       AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.approval_id = a.id)
     ORDER BY a.requested_at DESC, a.id DESC LIMIT 1`,
  );
  const attachTask = db.prepare('UPDATE approvals SET task_id = ? WHERE id = ?');
  const refused = db.prepare('UPDATE approvals SET substitution_refused = ? WHERE id = ?');
  const decidedHere = db.prepare('UPDATE approvals SET pending_decision = ?, pending_by = ?, pending_at = ?, pending_command_id = ? WHERE id = ?');
  const decided = db.prepare(
    `UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
       pending_decision = NULL, pending_by = NULL, pending_at = NULL, pending_command_id = NULL WHERE id = ?`,
  );
  return {
    /** A request, from this workstation or the gateway; hearing of it twice changes nothing but the time. */
    request(request: ApprovalRequest): void {
      const { substitution, deviation, transfer, adjustment, projected, baseline, ...rest } = request;
      // A transfer is the receiving plant's: it is short there.
      const plant = substitution?.plant ?? deviation?.plant ?? transfer?.toPlant ?? adjustment?.plant;
      if (plant === undefined) throw new Error(`approval ${request.id}: neither a substitution, a deviation, a transfer nor an adjustment`);
      const what = { ...(substitution ? { substitution } : {}), ...(deviation ? { deviation } : {}), ...(transfer ? { transfer } : {}), ...(adjustment ? { adjustment } : {}) };
      insert.run({ ...rest, plant, request: JSON.stringify({ ...what, projected, baseline }) });
    },
    get(id: string): StoredApproval | undefined {
      const raw = one.get(id);
      return raw && toStored(raw);
    },
    list: (): StoredApproval[] => all.all().map(toStored),
    /** The latest request about the exception, this user's own before anyone else's. */
    latestForException(exceptionId: string, user: string): StoredApproval | undefined {
      const raw = latestForException.get(exceptionId, user);
      return raw && toStored(raw);
    },
    /** The latest request to approve this stock transport order, from any workstation. */
    latestForTransfer(transferId: string): StoredApproval | undefined {
      const raw = latestForTransfer.get(transferId);
      return raw && toStored(raw);
    },
    /** A use-as-is of the lot's inspection lot waiting for a supervisor, asked for on another workstation. */
    pendingUseAsIs(lotId: string, inspectionLotId: string): StoredApproval | undefined {
      const raw = pendingUseAsIs.get(lotId, inspectionLotId);
      return raw && toStored(raw);
    },
    attachTask(id: string, taskId: string): void {
      attachTask.run(taskId, id);
    },
    /** The ERP refused the approved substitution. */
    substitutionRefused(id: string, reason: string): void {
      refused.run(reason, id);
    },
    /** A supervisor here decided; the decision's command is in the outbox. */
    decideHere(id: string, decision: ApprovalDecision, by: string, at: string, commandId: string): void {
      decidedHere.run(decision, by, at, commandId, id);
    },
    /** The gateway published the decision, from this workstation or another. */
    decided(id: string, decision: ApprovalDecision, by: string, at: string, reason: string): void {
      decided.run(decision === 'approve' ? 'approved' : 'rejected', by, at, reason, id);
    },
  };
}
export type ApprovalsRepo = ReturnType<typeof createApprovalsRepo>;
