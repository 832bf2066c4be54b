// Lot genealogy: what each production order consumed, lot by lot, and the lots it made. Containment
// follows it down from a failed lot: the orders that consumed it, the lots they made, the orders that
// consumed those, and so on.
import type Database from 'better-sqlite3';
import type { StockType } from '../../shared/domain';

export interface GenealogyStep {
  /** The lot consumed, and the lot an order made from it. */
  parentLotId: string;
  productionOrderId: string;
  lotId: string;
  depth: number;
  consumedQuantity: number;
}

export interface OrderInput {
  productionOrderId: string;
  quantity: number;
  unit: string | null;
}

export interface ContainmentRow extends GenealogyStep {
  itemId: string | null;
  itemDescription: string | null;
  plant: string | null;
  quantity: number | null;
  unit: string | null;
  stockType: StockType | null;
}

/** Deeper than any real bill of materials; stops a genealogy that loops (bad upstream data) from running on. */
const maxDepth = 20;

export function createGenealogyRepo(db: Database.Database) {
  // A goods issue adds to what the order took from the lot.
  const addInput = db.prepare(
    `INSERT INTO order_inputs (production_order_id, lot_id, quantity, unit, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(lot_id, production_order_id) DO UPDATE SET quantity = quantity + excluded.quantity, unit = coalesce(order_inputs.unit, excluded.unit)`,
  );
  // A completion states the order's whole consumption of the lot: it may repeat what goods issues already said.
  const reportInput = db.prepare(
    `INSERT INTO order_inputs (production_order_id, lot_id, quantity, unit, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(lot_id, production_order_id) DO UPDATE SET quantity = max(quantity, excluded.quantity), unit = coalesce(order_inputs.unit, excluded.unit)`,
  );
  const reportOutput = db.prepare(
    `INSERT INTO order_outputs (production_order_id, lot_id, item_id, quantity, unit, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(production_order_id, lot_id) DO UPDATE SET quantity = max(quantity, excluded.quantity),
       item_id = coalesce(excluded.item_id, order_outputs.item_id), unit = coalesce(excluded.unit, order_outputs.unit)`,
  );
  const consumers = db.prepare<[string], OrderInput>(
    'SELECT production_order_id AS productionOrderId, quantity, unit FROM order_inputs WHERE lot_id = ? ORDER BY at, production_order_id',
  );
  const consumed = db.prepare<[string], number>('SELECT coalesce(sum(quantity), 0) FROM order_inputs WHERE lot_id = ?').pluck();
  // UNION (not UNION ALL) with the depth bound: each step is reached once, and a loop ends.
  const descendants = db.prepare<[{ lotId: string; maxDepth: number }], ContainmentRow>(`
    WITH RECURSIVE steps(parent_lot_id, production_order_id, lot_id, depth, consumed_quantity, path) AS (
      SELECT i.lot_id, o.production_order_id, o.lot_id, 1, i.quantity, '/' || i.lot_id || '/' || o.lot_id || '/'
      FROM order_inputs i JOIN order_outputs o ON o.production_order_id = i.production_order_id
      WHERE i.lot_id = @lotId AND o.lot_id <> i.lot_id
      UNION
      SELECT i.lot_id, o.production_order_id, o.lot_id, s.depth + 1, i.quantity, s.path || o.lot_id || '/'
      FROM steps s
      JOIN order_inputs i ON i.lot_id = s.lot_id
      JOIN order_outputs o ON o.production_order_id = i.production_order_id
      WHERE s.depth < @maxDepth AND instr(s.path, '/' || o.lot_id || '/') = 0
    )
    SELECT s.parent_lot_id AS parentLotId, s.production_order_id AS productionOrderId, s.lot_id AS lotId, s.depth,
      s.consumed_quantity AS consumedQuantity,
      coalesce(l.item_id, o.item_id) AS itemId, it.description AS itemDescription,
      l.plant, l.quantity, coalesce(l.unit, o.unit) AS unit, l.stock_type AS stockType
    FROM steps s
    JOIN order_outputs o ON o.production_order_id = s.production_order_id AND o.lot_id = s.lot_id
    LEFT JOIN lots l ON l.lot_id = s.lot_id
    LEFT JOIN items it ON it.id = coalesce(l.item_id, o.item_id)
    ORDER BY s.path`);

  return {
    recordGoodsIssue(productionOrderId: string, lotId: string, quantity: number, unit: string | null, at: string): void {
      addInput.run(productionOrderId, lotId, quantity, unit, at);
    },
    recordConsumption(productionOrderId: string, lotId: string, quantity: number, unit: string | null, at: string): void {
      reportInput.run(productionOrderId, lotId, quantity, unit, at);
    },
    recordOutput(productionOrderId: string, lotId: string, itemId: string | null, quantity: number, unit: string | null, at: string): void {
      reportOutput.run(productionOrderId, lotId, itemId, quantity, unit, at);
    },
    consumersOf: (lotId: string): OrderInput[] => consumers.all(lotId),
    consumedQuantity: (lotId: string): number => consumed.get(lotId) ?? 0,
    /** Every lot made from lotId, at any depth, each after the lot it was made from. */
    descendantsOf: (lotId: string): ContainmentRow[] => descendants.all({ lotId, maxDepth }),
  };
}
export type GenealogyRepo = ReturnType<typeof createGenealogyRepo>;
