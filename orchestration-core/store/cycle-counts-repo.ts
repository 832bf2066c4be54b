// Cycle counts as this workstation settles them: each count with its variance and where it stands
// (adjusting, awaiting a supervisor, adjusted, sent to a recount, refused upstream), for the held
// lot's row in Quarantine and the audit.
import type Database from 'better-sqlite3';
import type { CycleCount, Variance } from '../../shared/cycle-count';

export type CycleCountStatus = 'adjusting' | 'awaiting-approval' | 'adjusted' | 'recount' | 'refused';

export interface StoredCycleCount {
  countId: string;
  plant: string;
  bin: string;
  itemId: string;
  lotId: string | null;
  countedQuantity: number;
  bookQuantity: number;
  unit: string;
  difference: number;
  value: number;
  withinTolerance: boolean;
  countedBy: string;
  countedAt: string;
  status: CycleCountStatus;
  approvalId: string | null;
  note: string | null;
}

const columns = `count_id AS countId, plant, bin, item_id AS itemId, lot_id AS lotId, counted_quantity AS countedQuantity,
  book_quantity AS bookQuantity, unit, difference, value, within_tolerance AS withinTolerance, counted_by AS countedBy,
  counted_at AS countedAt, status, approval_id AS approvalId, note`;

type Row = Omit<StoredCycleCount, 'withinTolerance'> & { withinTolerance: 0 | 1 };
const fromRow = (row: Row): StoredCycleCount => ({ ...row, withinTolerance: row.withinTolerance === 1 });

export function createCycleCountsRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO cycle_counts (count_id, plant, bin, item_id, lot_id, counted_quantity, book_quantity, unit, difference, value, within_tolerance, counted_by, counted_at, status, approval_id, note)
     VALUES (@countId, @plant, @bin, @itemId, @lotId, @countedQuantity, @bookQuantity, @unit, @difference, @value, @withinTolerance, @countedBy, @countedAt, @status, @approvalId, @note)`,
  );
  const one = db.prepare<[string], Row>(`SELECT ${columns} FROM cycle_counts WHERE count_id = ?`);
  const setStatus = db.prepare('UPDATE cycle_counts SET status = ?, note = ? WHERE count_id = ?');
  return {
    record(count: CycleCount, variance: Variance, status: CycleCountStatus, approvalId: string | null, note: string | null = null): void {
      insert.run({
        countId: count.countId,
        plant: count.plant,
        bin: count.bin,
        itemId: count.itemId,
        lotId: count.lotId ?? null,
        countedQuantity: count.countedQuantity,
        bookQuantity: count.bookQuantity,
        unit: count.unit,
        difference: variance.difference,
        value: variance.value,
        withinTolerance: variance.withinTolerance ? 1 : 0,
        countedBy: count.countedBy,
        countedAt: count.countedAt,
        status,
        approvalId,
        note,
      });
    },
    get(countId: string): StoredCycleCount | undefined {
      const row = one.get(countId);
      return row && fromRow(row);
    },
    setStatus(countId: string, status: CycleCountStatus, note: string | null): void {
      setStatus.run(status, note, countId);
    },
  };
}
export type CycleCountsRepo = ReturnType<typeof createCycleCountsRepo>;
