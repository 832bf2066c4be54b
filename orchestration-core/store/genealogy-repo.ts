// Lot genealogy: what each production order consumed, lot by lot, and the lots it made. Containment
// follows it down from a failed lot: the orders that consumed it, the lots they made, the orders that
// consumed those, and so on.
import type Database from 'better-sqlite3';
import type { StockType } from '../../shared/domain';

export interface OrderInput {
  productionOrderId: string;
  quantity: number;
  unit: string | null;
}

/** A lot made from the lot in question, with where it is now (nulls: the cache has not heard of it). */
export interface ContainmentRow {
  /** The lot it was made from, the order that made it, and how much of that lot the order took. */
  parentLotId: string;
  productionOrderId: string;
  lotId: string;
  depth: number;
  consumedQuantity: number;
  itemId: string | null;
  itemDescription: string | null;
  plant: string | null;
  quantity: number | null;
  unit: string | null;
  stockType: StockType | null;
}

/** Deeper than any real bill of materials; stops a genealogy that loops (bad upstream data) from running on. */
const maxDepth = 20;

/** What an order took from a lot: the larger of its goods issues and what its completion reported. */
const taken = 'max(issued, reported)';

/** Each lot once, at its shallowest depth, each after the lot it was made from (depth first). */
function depthFirst(rows: readonly ContainmentRow[], rootLotId: string): ContainmentRow[] {
  const shallowest = new Map<string, ContainmentRow>();
  for (const row of rows) {
    const seen = shallowest.get(row.lotId);
    if (!seen || row.depth < seen.depth) shallowest.set(row.lotId, row);
  }
  const children = new Map<string, ContainmentRow[]>();
  for (const row of shallowest.values()) children.set(row.parentLotId, [...(children.get(row.parentLotId) ?? []), row]);
  const ordered: ContainmentRow[] = [];
  const visit = (lotId: string): void => {
    for (const child of (children.get(lotId) ?? []).sort((a, b) => (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0))) {
      ordered.push(child);
      visit(child.lotId);
    }
  };
  visit(rootLotId);
  return ordered;
}

export function createGenealogyRepo(db: Database.Database) {
  const issue = db.prepare(
    `INSERT INTO order_inputs (production_order_id, lot_id, issued, unit, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(lot_id, production_order_id) DO UPDATE SET issued = issued + excluded.issued, unit = coalesce(order_inputs.unit, excluded.unit)`,
  );
  const report = db.prepare(
    `INSERT INTO order_inputs (production_order_id, lot_id, reported, unit, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(lot_id, production_order_id) DO UPDATE SET reported = max(reported, excluded.reported), unit = coalesce(order_inputs.unit, excluded.unit)`,
  );
  const reportOutput = db.prepare(
    `INSERT INTO order_outputs (production_order_id, lot_id, item_id, quantity, unit, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(production_order_id, lot_id) DO UPDATE SET quantity = max(quantity, excluded.quantity),
       item_id = coalesce(excluded.item_id, order_outputs.item_id), unit = coalesce(excluded.unit, order_outputs.unit)`,
  );
  const consumers = db.prepare<[string], OrderInput>(
    `SELECT production_order_id AS productionOrderId, ${taken} AS quantity, unit FROM order_inputs WHERE lot_id = ? ORDER BY at, production_order_id`,
  );
  const consumed = db.prepare<[string], number>(`SELECT coalesce(sum(${taken}), 0) FROM order_inputs WHERE lot_id = ?`).pluck();
  // Steps are (parent, order, lot, depth): UNION keeps one of each, so a lot reached along several
  // routes appears once per depth, not once per route; a loop ends at the depth bound.
  const descendants = db.prepare<[{ lotId: string; maxDepth: number }], ContainmentRow>(`
    WITH RECURSIVE steps(parent_lot_id, production_order_id, lot_id, depth) AS (
      SELECT i.lot_id, o.production_order_id, o.lot_id, 1
      FROM order_inputs i JOIN order_outputs o ON o.production_order_id = i.production_order_id
      WHERE i.lot_id = @lotId AND o.lot_id <> i.lot_id
      UNION
      SELECT i.lot_id, o.production_order_id, o.lot_id, s.depth + 1
      FROM steps s
      JOIN order_inputs i ON i.lot_id = s.lot_id
      JOIN order_outputs o ON o.production_order_id = i.production_order_id
      WHERE s.depth < @maxDepth AND o.lot_id <> @lotId AND o.lot_id <> i.lot_id
    )
    SELECT s.parent_lot_id AS parentLotId, s.production_order_id AS productionOrderId, s.lot_id AS lotId, s.depth,
      max(i.issued, i.reported) AS consumedQuantity,
      coalesce(l.item_id, o.item_id) AS itemId, it.description AS itemDescription,
      l.plant, l.quantity, coalesce(l.unit, o.unit) AS unit, l.stock_type AS stockType
    -- CROSS JOIN: the few steps drive the lookups (left to itself SQLite scans order_inputs).
    FROM steps s
    CROSS JOIN order_inputs i ON i.lot_id = s.parent_lot_id AND i.production_order_id = s.production_order_id
    CROSS JOIN order_outputs o ON o.production_order_id = s.production_order_id AND o.lot_id = s.lot_id
    LEFT JOIN lots l ON l.lot_id = s.lot_id
    LEFT JOIN items it ON it.id = coalesce(l.item_id, o.item_id)`);

  return {
    recordGoodsIssue(productionOrderId: string, lotId: string, quantity: number, unit: string | null, at: string): void {
      issue.run(productionOrderId, lotId, quantity, unit, at);
    },
    recordConsumption(productionOrderId: string, lotId: string, quantity: number, unit: string | null, at: string): void {
      report.run(productionOrderId, lotId, quantity, unit, at);
    },
    recordOutput(productionOrderId: string, lotId: string, itemId: string | null, quantity: number, unit: string | null, at: string): void {
      reportOutput.run(productionOrderId, lotId, itemId, quantity, unit, at);
    },
    consumersOf: (lotId: string): OrderInput[] => consumers.all(lotId),
    consumedQuantity: (lotId: string): number => consumed.get(lotId) ?? 0,
    /** Every lot made from lotId, at any depth, once each, each after the lot it was made from. */
    descendantsOf: (lotId: string): ContainmentRow[] => depthFirst(descendants.all({ lotId, maxDepth }), lotId),
  };
}
export type GenealogyRepo = ReturnType<typeof createGenealogyRepo>;
