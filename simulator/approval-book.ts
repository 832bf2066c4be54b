// Approval requests as the ERP's workflow inbox keeps them: one row per request, decided once, by
// someone other than the requester. Every workstation hears of requests and decisions as events.
import type Database from 'better-sqlite3';
import type { CommandPayload } from '../shared/commands';
import type { EventPayload } from '../shared/events';

export interface ApprovalRecord {
  approvalId: string;
  requestedBy: string;
  requestedAt: string;
  request: CommandPayload<'approval.request'>;
  decision: 'approve' | 'reject' | null;
  decidedBy: string | null;
  /** The substitution.apply that used the approval; an approval allows one. */
  usedBy: string | null;
}

interface ApprovalRow {
  approval_id: string;
  requested_by: string;
  requested_at: string;
  request: string;
  decision: 'approve' | 'reject' | null;
  decided_by: string | null;
  used_by: string | null;
}

export class ApprovalBook {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement<[string], ApprovalRow>;
  private readonly decide: Database.Statement;
  private readonly use: Database.Statement;
  private readonly pending: Database.Statement<[], { approval_id: string; requested_by: string; request: string; requested_at: string }>;
  private readonly forTransfer: Database.Statement<[string], { approval_id: string }>;
  private readonly useAsIsFor: Database.Statement<[string], { approval_id: string }>;
  private readonly decidedSince: Database.Statement<
    [string],
    { approval_id: string; requested_by: string; request: string; requested_at: string; decision: 'approve' | 'reject'; decided_by: string; decided_at: string; reason: string | null }
  >;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS approvals (
      approval_id TEXT PRIMARY KEY,
      requested_by TEXT NOT NULL,
      request TEXT NOT NULL,
      decision TEXT,
      decided_by TEXT,
      used_by TEXT,
      requested_at TEXT NOT NULL
    )`);
    // A file from before decisions kept their time and reason: the columns are added, empty for the old rows.
    const columns = new Set(db.prepare<[], { name: string }>('PRAGMA table_info(approvals)').all().map((column) => column.name));
    if (!columns.has('decided_at')) db.exec('ALTER TABLE approvals ADD COLUMN decided_at TEXT');
    if (!columns.has('reason')) db.exec('ALTER TABLE approvals ADD COLUMN reason TEXT');
    this.decidedSince = db.prepare(
      'SELECT approval_id, requested_by, request, requested_at, decision, decided_by, decided_at, reason FROM approvals WHERE decision IS NOT NULL AND decided_at >= ? ORDER BY decided_at, approval_id',
    );
    this.insert = db.prepare('INSERT INTO approvals (approval_id, requested_by, request, requested_at) VALUES (?, ?, ?, ?)');
    this.pending = db.prepare('SELECT approval_id, requested_by, request, requested_at FROM approvals WHERE decision IS NULL ORDER BY requested_at, approval_id');
    this.select = db.prepare('SELECT approval_id, requested_by, requested_at, request, decision, decided_by, used_by FROM approvals WHERE approval_id = ?');
    this.use = db.prepare('UPDATE approvals SET used_by = ? WHERE approval_id = ?');
    this.decide = db.prepare('UPDATE approvals SET decision = ?, decided_by = ?, decided_at = ?, reason = ? WHERE approval_id = ?');
    // Waiting for a decision, or approved and not used yet: the transfer is on its way to being sent.
    this.useAsIsFor = db.prepare(
      "SELECT approval_id FROM approvals WHERE json_extract(request, '$.deviation.inspectionLotId') = ? AND decision IS NULL ORDER BY requested_at DESC LIMIT 1",
    );
    this.forTransfer = db.prepare(
      "SELECT approval_id FROM approvals WHERE json_extract(request, '$.transfer.transferId') = ? AND (decision IS NULL OR (decision = 'approve' AND used_by IS NULL)) ORDER BY requested_at DESC LIMIT 1",
    );
  }

  /** A request for this transfer that is still open (pending, or approved and not used yet). */
  /** A use-as-is of the inspection lot still waiting for a supervisor. */
  pendingUseAsIs(inspectionLotId: string): ApprovalRecord | undefined {
    const row = this.useAsIsFor.get(inspectionLotId);
    return row && this.get(row.approval_id);
  }

  openForTransfer(transferId: string): ApprovalRecord | undefined {
    const row = this.forTransfer.get(transferId);
    return row && this.get(row.approval_id);
  }

  get(approvalId: string): ApprovalRecord | undefined {
    const row = this.select.get(approvalId);
    return (
      row && {
        approvalId: row.approval_id,
        requestedBy: row.requested_by,
        requestedAt: row.requested_at,
        request: JSON.parse(row.request) as CommandPayload<'approval.request'>,
        decision: row.decision,
        decidedBy: row.decided_by,
        usedBy: row.used_by,
      }
    );
  }

  request(requestedBy: string, requestedAt: string, request: CommandPayload<'approval.request'>): void {
    this.insert.run(request.approvalId, requestedBy, JSON.stringify(request), requestedAt);
  }

  /** Requests still waiting for a decision, as `approval.requested` announced them: for snapshots. */
  open(): EventPayload<'approval.requested'>[] {
    return this.pending.all().map((row) => ({ ...(JSON.parse(row.request) as CommandPayload<'approval.request'>), requestedBy: row.requested_by, requestedAt: row.requested_at }));
  }

  record(approvalId: string, decision: 'approve' | 'reject', decidedBy: string, decidedAt: string, reason: string): void {
    this.decide.run(decision, decidedBy, decidedAt, reason, approvalId);
  }

  /**
   * Requests decided since `since`, each with its decision as `approval.decided` announced it: for
   * snapshots, so a workstation that joins later shows them decided (and an answer that waited for one
   * as standing) rather than waiting for ever.
   */
  decided(since: string): { request: EventPayload<'approval.requested'>; decision: EventPayload<'approval.decided'> }[] {
    return this.decidedSince.all(since).map((row) => ({
      request: { ...(JSON.parse(row.request) as CommandPayload<'approval.request'>), requestedBy: row.requested_by, requestedAt: row.requested_at },
      decision: { approvalId: row.approval_id, decision: row.decision, decidedBy: row.decided_by, decidedAt: row.decided_at, reason: row.reason ?? '' },
    }));
  }

  markUsed(approvalId: string, commandId: string): void {
    this.use.run(commandId, approvalId);
  }
}
