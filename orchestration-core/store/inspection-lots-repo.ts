// Inspection lots and their status in SAP QM's terms: created and released at goods receipt (or for
// a production lot), results recorded, usage decision made. The status only moves forward.
import type Database from 'better-sqlite3';
import type { InspectionLotStatus } from '../../shared/api/quarantine';

export type InspectionLotOrigin = 'goods-receipt' | 'production';

const order: Record<InspectionLotStatus, number> = { created: 0, released: 1, 'results-recorded': 2, 'usage-decision-made': 3 };
const rankSql = `CASE status WHEN 'created' THEN 0 WHEN 'released' THEN 1 WHEN 'results-recorded' THEN 2 ELSE 3 END`;

export function createInspectionLotsRepo(db: Database.Database) {
  const upsert = db.prepare(
    `INSERT INTO inspection_lots (inspection_lot_id, lot_id, origin, status, updated_at) VALUES (@id, @lotId, @origin, @status, @at)
     ON CONFLICT(inspection_lot_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
     WHERE @rank > ${rankSql}`,
  );
  const status = db.prepare<[string], InspectionLotStatus>('SELECT status FROM inspection_lots WHERE inspection_lot_id = ?').pluck();
  const openForLot = db.prepare<[string], string>(
    "SELECT inspection_lot_id FROM inspection_lots WHERE lot_id = ? AND status <> 'usage-decision-made' ORDER BY updated_at DESC LIMIT 1",
  ).pluck();
  return {
    /** Moves the inspection lot to `next` (creating it), unless it is already there or further. */
    advance(id: string, lotId: string, origin: InspectionLotOrigin, next: InspectionLotStatus, at: string): void {
      upsert.run({ id, lotId, origin, status: next, rank: order[next], at });
    },
    status: (id: string): InspectionLotStatus | undefined => status.get(id),
    /** The lot's inspection lot still waiting for a usage decision, if any. */
    openFor: (lotId: string): string | undefined => openForLot.get(lotId),
  };
}
export type InspectionLotsRepo = ReturnType<typeof createInspectionLotsRepo>;
