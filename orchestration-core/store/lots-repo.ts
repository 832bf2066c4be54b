// Lots as last known upstream, master data, and the holds placed on failed lots.
import type Database from 'better-sqlite3';
import type { StockType } from '../../shared/domain';
import type { Snapshot } from '../../shared/sync-protocol';
import type { Lot } from '../model/lot';

export interface LotHold {
  lotId: string;
  inspectionLotId: string;
  defectCode: string;
  defectText: string;
  holdSince: string;
  taskId: string;
  instanceId: string;
  /** A lot held for containment: the failed lot it was made from. */
  containedBy: string | null;
}

const lotColumns = `lot_id AS lotId, item_id AS itemId, plant, quantity, unit, stock_type AS stockType,
  supplier_id AS supplierId, version`;

export function createLotsRepo(db: Database.Database) {
  const get = db.prepare<[string], Lot>(`SELECT ${lotColumns} FROM lots WHERE lot_id = ?`);
  const upsert = db.prepare(
    `INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, supplier_id, version, quantity_version, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(lot_id) DO UPDATE SET item_id = excluded.item_id, plant = excluded.plant,
       quantity = excluded.quantity, unit = excluded.unit, stock_type = excluded.stock_type,
       supplier_id = excluded.supplier_id, version = excluded.version, quantity_version = excluded.quantity_version,
       updated_at = excluded.updated_at
     WHERE excluded.version >= lots.version`,
  );
  const setStock = db.prepare(
    `UPDATE lots SET stock_type = ?, quantity = ?, version = max(version, ?),
       quantity_version = CASE WHEN ? THEN max(quantity_version, ?) ELSE quantity_version END, updated_at = ? WHERE lot_id = ?`,
  );
  // A delta, applied once (the inbox sees to that), unless a whole statement of the quantity at a later
  // version already holds it; the version only rises.
  const addEarly = db.prepare('INSERT INTO early_consumptions (lot_id, version, quantity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const earlyAfter = db.prepare<[string, number], { version: number; quantity: number }>('SELECT version, quantity FROM early_consumptions WHERE lot_id = ? AND version > ? ORDER BY version');
  const dropEarly = db.prepare('DELETE FROM early_consumptions WHERE lot_id = ?');
  const consume = db.prepare(
    `UPDATE lots SET quantity = CASE WHEN @version > quantity_version THEN max(0, round((quantity - @quantity) * 1000) / 1000) ELSE quantity END,
       quantity_version = max(quantity_version, @version), version = max(version, @version), updated_at = @at WHERE lot_id = @lotId`,
  );
  const upsertPlant = db.prepare('INSERT INTO plants (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name');
  const upsertItem = db.prepare(
    `INSERT INTO items (id, description, unit) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET description = excluded.description, unit = excluded.unit`,
  );
  const updateItem = db.prepare('UPDATE items SET description = coalesce(?, description), unit = coalesce(?, unit) WHERE id = ?');
  // A lot that fails again (a re-inspection after rework) is held anew under its new inspection lot;
  // the earlier inspection's task and decisions stay on record.
  const insertHold = db.prepare(
    `INSERT INTO lot_holds (lot_id, inspection_lot_id, defect_code, defect_text, hold_since, task_id, instance_id, contained_by)
     VALUES (@lotId, @inspectionLotId, @defectCode, @defectText, @holdSince, @taskId, @instanceId, @containedBy)
     ON CONFLICT (lot_id) DO UPDATE SET inspection_lot_id = excluded.inspection_lot_id, defect_code = excluded.defect_code,
       defect_text = excluded.defect_text, hold_since = excluded.hold_since, task_id = excluded.task_id, instance_id = excluded.instance_id,
       contained_by = excluded.contained_by`,
  );
  const holdColumns = `lot_id AS lotId, inspection_lot_id AS inspectionLotId, defect_code AS defectCode, defect_text AS defectText,
       hold_since AS holdSince, task_id AS taskId, instance_id AS instanceId, contained_by AS containedBy`;
  const getHold = db.prepare<[string], LotHold>(`SELECT ${holdColumns} FROM lot_holds WHERE lot_id = ?`);
  const holdForTask = db.prepare<[string], LotHold>(`SELECT ${holdColumns} FROM lot_holds WHERE task_id = ?`);
  const holdForInspectionLot = db.prepare<[string], LotHold>(`SELECT ${holdColumns} FROM lot_holds WHERE inspection_lot_id = ?`);
  const getItem = db.prepare<[string], { id: string; description: string; unit: string }>('SELECT id, description, unit FROM items WHERE id = ?');


  // Lots with a hold (holds are never removed), read once: nearly every event is about a lot without
  // one, and asking SQLite for each costs about as much as the event's own write. A hold whose
  // transaction rolled back stays in the set: that only costs a renderer row lookup that finds nothing.
  let heldLotIds: Set<string> | null = null;
  // Lots with consumptions that came before their receipt: few, and asked about on every receipt.
  let earlyLotIds: Set<string> | null = null;
  const early = (): Set<string> => (earlyLotIds ??= new Set(db.prepare('SELECT DISTINCT lot_id FROM early_consumptions').pluck().all() as string[]));
  const held = (): Set<string> => (heldLotIds ??= new Set(db.prepare('SELECT lot_id FROM lot_holds').pluck().all() as string[]));

  return {
    get: (lotId: string): Lot | undefined => get.get(lotId),
    /**
     * Writes the lot unless the store already holds a newer upstream version of it; the lot as written
     * (less any consumption that came before it), or null when it did not write.
     */
    upsert(lot: Lot, at: string): Lot | null {
      // Positional: a catch-up writes one lot per goods receipt.
      if (upsert.run(lot.lotId, lot.itemId, lot.plant, lot.quantity, lot.unit, lot.stockType, lot.supplierId, lot.version, lot.version, at).changes === 0) return null;
      if (!early().has(lot.lotId)) return lot;
      for (const consumption of earlyAfter.all(lot.lotId, lot.version)) consume.run({ lotId: lot.lotId, quantity: consumption.quantity, version: consumption.version, at });
      dropEarly.run(lot.lotId);
      early().delete(lot.lotId);
      return get.get(lot.lotId) ?? lot;
    },
    /** quantityIsWhole: the quantity is the lot's whole quantity as of `version` (an accepted usage decision), not a local guess. */
    setStock(lotId: string, stockType: StockType, quantity: number, version: number, at: string, quantityIsWhole = false): void {
      setStock.run(stockType, quantity, version, quantityIsWhole ? 1 : 0, version, at, lotId);
    },
    /** Production took `quantity` from the lot at upstream `version`; the lot as it is now (undefined: not heard of yet, kept for its receipt). */
    consume(lotId: string, quantity: number, version: number, at: string): Lot | undefined {
      if (consume.run({ lotId, quantity, version, at }).changes === 0) {
        addEarly.run(lotId, version, quantity);
        early().add(lotId);
        return undefined;
      }
      return get.get(lotId);
    },
    applySnapshotMaster(snapshot: Snapshot, at: string): void {
      for (const plant of snapshot.plants) upsertPlant.run(plant.id, plant.name);
      for (const item of snapshot.items) upsertItem.run(item.id, item.description, item.unit);
      for (const lot of snapshot.lots) upsert.run(lot.lotId, lot.itemId, lot.plant, lot.quantity, lot.unit, lot.stockType, lot.supplierId ?? null, lot.version, lot.version, at);
    },
    /** Master data changed upstream: what the message says, for an item the cache knows. */
    updateItem(itemId: string, description: string | null, unit: string | null): void {
      updateItem.run(description, unit, itemId);
    },
    placeHold(hold: LotHold): void {
      insertHold.run(hold);
      held().add(hold.lotId);
    },
    hold: (lotId: string): LotHold | undefined => getHold.get(lotId),
    holdForTask: (taskId: string): LotHold | undefined => holdForTask.get(taskId),
    holdForInspectionLot: (inspectionLotId: string): LotHold | undefined => holdForInspectionLot.get(inspectionLotId),
    item: (itemId: string): { id: string; description: string; unit: string } | undefined => getItem.get(itemId),
    hasHold: (lotId: string): boolean => held().has(lotId),

  };
}
export type LotsRepo = ReturnType<typeof createLotsRepo>;
