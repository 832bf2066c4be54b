// Usage decisions as the ERP posted them (usageDecision.made), one per inspection lot, and the sub-lots
// each split off. What every workstation shows of a decided lot comes from here, not from who sent it.
import type Database from 'better-sqlite3';
import type { EventPayload } from '../../shared/events';
import type { UsagePosting } from '../../shared/usage-decision';

export type UpstreamUsageDecision = Omit<EventPayload<'usageDecision.made'>, 'lotVersion'>;

type Row = Omit<UpstreamUsageDecision, 'postings' | 'parts' | 'deviationNumber' | 'approvedBy'> & {
  postings: string;
  parts: string;
  deviationNumber: string | null;
  approvedBy: string | null;
};

const columns = `inspection_lot_id AS inspectionLotId, lot_id AS lotId, command_id AS commandId, decided_by AS decidedBy,
  decided_at AS decidedAt, valuation, code, postings, reason, deviation_number AS deviationNumber, approved_by AS approvedBy, unit, parts`;

function fromRow(row: Row): UpstreamUsageDecision {
  const { postings, parts, deviationNumber, approvedBy, ...rest } = row;
  return {
    ...rest,
    postings: JSON.parse(postings) as UsagePosting[],
    parts: JSON.parse(parts) as UpstreamUsageDecision['parts'],
    ...(deviationNumber === null ? {} : { deviationNumber }),
    ...(approvedBy === null ? {} : { approvedBy }),
  };
}

export function createUsageDecisionsRepo(db: Database.Database) {
  // The ERP's statement wins over what this workstation wrote on its own reply: it is the same decision.
  const upsert = db.prepare(
    `INSERT INTO usage_decisions (inspection_lot_id, lot_id, command_id, decided_by, decided_at, valuation, code, postings, reason, deviation_number, approved_by, unit, parts)
     VALUES (@inspectionLotId, @lotId, @commandId, @decidedBy, @decidedAt, @valuation, @code, @postings, @reason, @deviationNumber, @approvedBy, @unit, @parts)
     ON CONFLICT (inspection_lot_id) DO UPDATE SET lot_id = excluded.lot_id, command_id = excluded.command_id, decided_by = excluded.decided_by,
       decided_at = excluded.decided_at, valuation = excluded.valuation, code = excluded.code, postings = excluded.postings, reason = excluded.reason,
       deviation_number = excluded.deviation_number, approved_by = excluded.approved_by, unit = excluded.unit, parts = excluded.parts`,
  );
  const subLot = db.prepare('INSERT OR IGNORE INTO sub_lots (lot_id, parent_lot_id, inspection_lot_id) VALUES (?, ?, ?)');
  const forInspectionLot = db.prepare<[string], Row>(`SELECT ${columns} FROM usage_decisions WHERE inspection_lot_id = ?`);
  const latestForLot = db.prepare<[string], Row>(`SELECT ${columns} FROM usage_decisions WHERE lot_id = ? ORDER BY decided_at DESC LIMIT 1`);
  const parentOf = db.prepare<[string], { parentLotId: string; inspectionLotId: string }>('SELECT parent_lot_id AS parentLotId, inspection_lot_id AS inspectionLotId FROM sub_lots WHERE lot_id = ?');

  return {
    record(decision: UpstreamUsageDecision): void {
      upsert.run({
        ...decision,
        postings: JSON.stringify(decision.postings),
        parts: JSON.stringify(decision.parts),
        deviationNumber: decision.deviationNumber ?? null,
        approvedBy: decision.approvedBy ?? null,
      });
      for (const part of decision.parts) if (part.lotId !== decision.lotId) subLot.run(part.lotId, decision.lotId, decision.inspectionLotId);
    },
    forInspectionLot(inspectionLotId: string): UpstreamUsageDecision | undefined {
      const row = forInspectionLot.get(inspectionLotId);
      return row && fromRow(row);
    },
    /** The decision that made or last decided this lot: its own, or the one that split it off as a sub-lot. */
    concerning(lotId: string): { decision: UpstreamUsageDecision; parentLotId: string | null } | undefined {
      const own = latestForLot.get(lotId);
      if (own) return { decision: fromRow(own), parentLotId: null };
      const parent = parentOf.get(lotId);
      const row = parent && forInspectionLot.get(parent.inspectionLotId);
      return row && parent ? { decision: fromRow(row), parentLotId: parent.parentLotId } : undefined;
    },
  };
}
export type UsageDecisionsRepo = ReturnType<typeof createUsageDecisionsRepo>;
