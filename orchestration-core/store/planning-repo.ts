// The planning data in SQLite: written whole from a dataset or snapshot, read whole to build the
// plan index at start. Runs inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { BomLine, CustomerOrder, Dataset, Lane, LineCapacity, PlanItem, PlanLot, PoLine, ProductionOrder, Routing, SafetyStock, Transfer } from '../../shared/dataset';
import type { PlanInput } from '../model/plan-input';

export type PlanningData = PlanInput & { today: string; bomLines: BomLine[]; safetyStocks: SafetyStock[]; lanes: Lane[] };

/** A dataset as a snapshot carries it: without the generator's seed and scale; units and currency may come with the master data instead. */
export type PlanningDataset = Omit<Dataset, 'schemaVersion' | 'seed' | 'scale' | 'currency' | 'units'> & Partial<Pick<Dataset, 'currency' | 'units'>>;

const planningTables = ['bom_lines', 'suppliers', 'po_lines', 'production_components', 'production_orders', 'customer_orders', 'transfers', 'lanes', 'plan_lines', 'routings', 'safety_stocks'];

export function createPlanningRepo(db: Database.Database) {
  const statements = {
    plant: db.prepare('INSERT INTO plants (id, name, role) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role'),
    item: db.prepare(
      `INSERT INTO items (id, description, unit, kind, supplier_ids, lead_time_days) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET description = excluded.description, unit = excluded.unit, kind = excluded.kind,
         supplier_ids = excluded.supplier_ids, lead_time_days = excluded.lead_time_days`,
    ),
    bomLine: db.prepare('INSERT INTO bom_lines (parent_item_id, component_item_id, quantity_per, alternates) VALUES (?, ?, ?, ?)'),
    supplier: db.prepare('INSERT INTO suppliers (id, name, on_time_rate) VALUES (?, ?, ?)'),
    poLine: db.prepare(
      `INSERT INTO po_lines (id, supplier_id, item_id, plant, quantity, expected_date, confirmed, asn_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET supplier_id = excluded.supplier_id, item_id = excluded.item_id, plant = excluded.plant,
         quantity = excluded.quantity, expected_date = excluded.expected_date, confirmed = excluded.confirmed, asn_id = excluded.asn_id`,
    ),
    productionOrder: db.prepare('INSERT OR REPLACE INTO production_orders (id, item_id, plant, line, quantity, start_date, due_date, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    deleteComponents: db.prepare('DELETE FROM production_components WHERE order_id = ?'),
    component: db.prepare('INSERT INTO production_components (order_id, position, item_id, quantity) VALUES (?, ?, ?, ?)'),
    customerOrder: db.prepare('INSERT OR REPLACE INTO customer_orders (id, customer_id, item_id, plant, quantity, ship_date, value, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    transfer: db.prepare('INSERT OR REPLACE INTO transfers (id, item_id, from_plant, to_plant, quantity, ship_date, arrival_date) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    lane: db.prepare('INSERT INTO lanes (from_plant, to_plant, cost_per_unit, transit_days) VALUES (?, ?, ?, ?)'),
    line: db.prepare('INSERT OR REPLACE INTO plan_lines (plant, line, capacity_per_day) VALUES (?, ?, ?)'),
    routing: db.prepare('INSERT OR IGNORE INTO routings (item_id, plant, line) VALUES (?, ?, ?)'),
    safetyStock: db.prepare('INSERT OR REPLACE INTO safety_stocks (item_id, plant, quantity) VALUES (?, ?, ?)'),
    lot: db.prepare(
      `INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, supplier_id, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 1, ?)
       ON CONFLICT (lot_id) DO UPDATE SET quantity = excluded.quantity, stock_type = excluded.stock_type, updated_at = excluded.updated_at`,
    ),
    today: db.prepare('INSERT INTO planning_calendar (id, today) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET today = excluded.today'),
  };

  function putProductionOrder(order: ProductionOrder): void {
    statements.productionOrder.run(order.id, order.itemId, order.plant, order.line, order.quantity, order.startDate, order.dueDate, order.priority);
    statements.deleteComponents.run(order.id);
    order.components.forEach((component, position) => statements.component.run(order.id, position, component.itemId, component.quantity));
  }

  return {
    /** Replaces the planning data with the dataset's; lots are upserted, keeping their history. */
    replaceDataset(dataset: PlanningDataset, at: string): void {
      for (const table of planningTables) db.prepare(`DELETE FROM ${table}`).run();
      statements.today.run(dataset.today);
      for (const plant of dataset.plants) statements.plant.run(plant.id, plant.name, plant.role);
      const unitOf = new Map<string, string>();
      for (const item of dataset.items) {
        unitOf.set(item.id, item.unit);
        statements.item.run(item.id, item.description, item.unit, item.kind, JSON.stringify(item.supplierIds), item.leadTimeDays);
      }
      for (const line of dataset.bomLines) statements.bomLine.run(line.parentItemId, line.componentItemId, line.quantityPer, JSON.stringify(line.alternates));
      for (const supplier of dataset.suppliers) statements.supplier.run(supplier.id, supplier.name, supplier.onTimeRate);
      for (const line of dataset.poLines) statements.poLine.run(line.id, line.supplierId, line.itemId, line.plant, line.quantity, line.expectedDate, line.confirmed ? 1 : 0, line.asnId);
      for (const order of dataset.productionOrders) putProductionOrder(order);
      for (const order of dataset.customerOrders) statements.customerOrder.run(order.id, order.customerId, order.itemId, order.plant, order.quantity, order.shipDate, order.value, order.priority);
      for (const transfer of dataset.transfers) statements.transfer.run(transfer.id, transfer.itemId, transfer.fromPlant, transfer.toPlant, transfer.quantity, transfer.shipDate, transfer.arrivalDate);
      for (const lane of dataset.lanes) statements.lane.run(lane.fromPlant, lane.toPlant, lane.costPerUnit, lane.transitDays);
      for (const line of dataset.lines) statements.line.run(line.plant, line.line, line.capacityPerDay);
      for (const routing of dataset.routings) statements.routing.run(routing.itemId, routing.plant, routing.line);
      for (const stock of dataset.safetyStocks) statements.safetyStock.run(stock.itemId, stock.plant, stock.quantity);
      for (const lot of dataset.lots) statements.lot.run(lot.lotId, lot.itemId, lot.plant, lot.quantity, unitOf.get(lot.itemId) ?? 'EA', lot.stockType, at);
    },

    poLine(id: string): PoLine | undefined {
      const row = db
        .prepare<[string], Omit<PoLine, 'confirmed'> & { confirmed: number }>('SELECT id, supplier_id AS supplierId, item_id AS itemId, plant, quantity, expected_date AS expectedDate, confirmed, asn_id AS asnId FROM po_lines WHERE id = ?')
        .get(id);
      return row && { ...row, confirmed: row.confirmed === 1 };
    },

    productionOrder(id: string): ProductionOrder | undefined {
      const order = db
        .prepare<[string], Omit<ProductionOrder, 'components'>>('SELECT id, item_id AS itemId, plant, line, quantity, start_date AS startDate, due_date AS dueDate, priority FROM production_orders WHERE id = ?')
        .get(id);
      if (!order) return undefined;
      const components = db.prepare<[string], ProductionOrder['components'][number]>('SELECT item_id AS itemId, quantity FROM production_components WHERE order_id = ? ORDER BY position').all(id);
      return { ...order, components };
    },

    item(id: string): Pick<PlanItem, 'id' | 'kind' | 'unit' | 'supplierIds' | 'leadTimeDays'> | undefined {
      const row = db.prepare<[string], { id: string; kind: PlanItem['kind']; unit: string; supplierIds: string; leadTimeDays: number }>('SELECT id, kind, unit, supplier_ids AS supplierIds, lead_time_days AS leadTimeDays FROM items WHERE id = ?').get(id);
      return row && { ...row, supplierIds: JSON.parse(row.supplierIds) as string[] };
    },

    /** What a person reads of an item: its description and unit. */
    itemText(id: string): { description: string; unit: string } | undefined {
      return db.prepare<[string], { description: string; unit: string }>('SELECT description, unit FROM items WHERE id = ?').get(id);
    },

    /** Items whose id or description holds every word of the text, in any order; an id that is the text, one that starts with it, then descriptions with the words as words, first. */
    searchItems(text: string, limit: number): { id: string; description: string; unit: string }[] {
      const escape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
      const whole = text.trim().toLowerCase();
      const words = whole.split(/\s+/).filter(Boolean).slice(0, 8);
      if (words.length === 0) return [];
      const each = words.map(() => `(lower(id) LIKE ? ESCAPE '\\' OR lower(description) LIKE ? ESCAPE '\\')`).join(' AND ');
      const likes = words.flatMap((word) => [`%${escape(word)}%`, `%${escape(word)}%`]);
      // Items whose description holds every word as a word ("10" of "10 mm", not of "RM-001010") first.
      const inDescription = words.map(() => `(' ' || replace(lower(description), ',', ' ') || ' ') LIKE ? ESCAPE '\\'`).join(' AND ');
      const wordsOnly = words.map((word) => `% ${escape(word)} %`);
      return db
        .prepare<unknown[], { id: string; description: string; unit: string }>(
          `SELECT id, description, unit FROM items WHERE ${each}
           ORDER BY (lower(id) = ?) DESC, (lower(id) LIKE ? ESCAPE '\\') DESC, (${inDescription}) DESC, id LIMIT ?`,
        )
        .all(...likes, whole, `${escape(whole)}%`, ...wordsOnly, limit);
    },

    plantIds(): string[] {
      return db.prepare<[], string>('SELECT id FROM plants ORDER BY id').pluck().all();
    },

    /** Substitutes the BOM allows for a component of a parent item, in order of preference. */
    alternates(parentItemId: string, componentItemId: string): string[] {
      const row = db.prepare<[string, string], { alternates: string }>('SELECT alternates FROM bom_lines WHERE parent_item_id = ? AND component_item_id = ?').get(parentItemId, componentItemId);
      return row ? (JSON.parse(row.alternates) as string[]) : [];
    },

    /** Unrestricted stock of an item per plant, most first. */
    unrestrictedStock(itemId: string): { plant: string; quantity: number }[] {
      return db
        .prepare<[string], { plant: string; quantity: number }>("SELECT plant, sum(quantity) AS quantity FROM lots WHERE item_id = ? AND stock_type = 'unrestricted' GROUP BY plant HAVING sum(quantity) > 0 ORDER BY sum(quantity) DESC")
        .all(itemId);
    },

    /** The stock the plant keeps of the item against variation; 0 when none is set. */
    safetyStock(itemId: string, plant: string): number {
      return db.prepare<[string, string], number>('SELECT quantity FROM safety_stocks WHERE item_id = ? AND plant = ?').pluck().get(itemId, plant) ?? 0;
    },

    lane(fromPlant: string, toPlant: string): { transitDays: number; costPerUnit: number } | undefined {
      return db.prepare<[string, string], { transitDays: number; costPerUnit: number }>('SELECT transit_days AS transitDays, cost_per_unit AS costPerUnit FROM lanes WHERE from_plant = ? AND to_plant = ?').get(fromPlant, toPlant);
    },

    putTransfer(transfer: Transfer): void {
      statements.transfer.run(transfer.id, transfer.itemId, transfer.fromPlant, transfer.toPlant, transfer.quantity, transfer.shipDate, transfer.arrivalDate);
    },

    /** A PO line delivered leaves the plan: its stock is the received lot now. */
    removePoLine(id: string): boolean {
      return db.prepare('DELETE FROM po_lines WHERE id = ?').run(id).changes === 1;
    },

    /** Whether the ERP has the stock transport order (on its way: not received yet). */
    hasTransfer(id: string): boolean {
      return db.prepare<[string], number>('SELECT 1 FROM transfers WHERE id = ?').pluck().get(id) !== undefined;
    },

    /** A transfer received at its destination leaves the plan: its stock is a lot there now. */
    removeTransfer(id: string): boolean {
      return db.prepare('DELETE FROM transfers WHERE id = ?').run(id).changes === 1;
    },

    putPoLine(line: PoLine): void {
      statements.poLine.run(line.id, line.supplierId, line.itemId, line.plant, line.quantity, line.expectedDate, line.confirmed ? 1 : 0, line.asnId);
    },
    putProductionOrder,

    /** The lines that can make the item, and every line's daily capacity: what a reroute may use. */
    routingsOf(itemId: string): Routing[] {
      return db.prepare<[string], Routing>('SELECT item_id AS itemId, plant, line FROM routings WHERE item_id = ? ORDER BY plant, line').all(itemId);
    },
    lineCapacities(): LineCapacity[] {
      return db.prepare<[], LineCapacity>('SELECT plant, line, capacity_per_day AS capacityPerDay FROM plan_lines ORDER BY plant, line').all();
    },
    /** Production orders on any of the lines, for their load. */
    productionOrdersOn(plant: string, line: string): ProductionOrder[] {
      return db
        .prepare<[string, string], Omit<ProductionOrder, 'components'>>('SELECT id, item_id AS itemId, plant, line, quantity, start_date AS startDate, due_date AS dueDate, priority FROM production_orders WHERE plant = ? AND line = ? ORDER BY start_date, id')
        .all(plant, line)
        .map((order): ProductionOrder => ({ ...order, components: [] }));
    },

    /** Planning moves on with the calendar: the new day it counts from. */
    setToday(today: string): void {
      statements.today.run(today);
    },

    /** The day planning counts from, or null before any planning data arrived. */
    today(): string | null {
      return db.prepare<[], string>('SELECT today FROM planning_calendar WHERE id = 1').pluck().get() ?? null;
    },

    /** Everything the plan index needs, or null before any planning data arrived. */
    load(): PlanningData | null {
      const today = db.prepare<[], string>('SELECT today FROM planning_calendar WHERE id = 1').pluck().get();
      if (today === undefined) return null;
      const components = new Map<string, ProductionOrder['components']>();
      for (const row of db.prepare<[], { orderId: string; itemId: string; quantity: number }>('SELECT order_id AS orderId, item_id AS itemId, quantity FROM production_components ORDER BY order_id, position').iterate()) {
        const list = components.get(row.orderId);
        if (list) list.push({ itemId: row.itemId, quantity: row.quantity });
        else components.set(row.orderId, [{ itemId: row.itemId, quantity: row.quantity }]);
      }
      const productionOrders = db
        .prepare<[], Omit<ProductionOrder, 'components'>>('SELECT id, item_id AS itemId, plant, line, quantity, start_date AS startDate, due_date AS dueDate, priority FROM production_orders')
        .all()
        .map((order): ProductionOrder => ({ ...order, components: components.get(order.id) ?? [] }));
      const poLines = db
        .prepare<[], Omit<PoLine, 'confirmed'> & { confirmed: number }>('SELECT id, supplier_id AS supplierId, item_id AS itemId, plant, quantity, expected_date AS expectedDate, confirmed, asn_id AS asnId FROM po_lines')
        .all()
        .map((line): PoLine => ({ ...line, confirmed: line.confirmed === 1 }));
      return {
        today,
        poLines,
        productionOrders,
        customerOrders: db.prepare<[], CustomerOrder>('SELECT id, customer_id AS customerId, item_id AS itemId, plant, quantity, ship_date AS shipDate, value, priority FROM customer_orders').all(),
        transfers: db.prepare<[], Transfer>('SELECT id, item_id AS itemId, from_plant AS fromPlant, to_plant AS toPlant, quantity, ship_date AS shipDate, arrival_date AS arrivalDate FROM transfers').all(),
        lots: db.prepare<[], PlanLot>('SELECT lot_id AS lotId, item_id AS itemId, plant, quantity, stock_type AS stockType FROM lots').all(),
        bomLines: db
          .prepare<[], { parentItemId: string; componentItemId: string; quantityPer: number; alternates: string }>('SELECT parent_item_id AS parentItemId, component_item_id AS componentItemId, quantity_per AS quantityPer, alternates FROM bom_lines')
          .all()
          .map((line): BomLine => ({ ...line, alternates: JSON.parse(line.alternates) as string[] })),
        safetyStocks: db.prepare<[], SafetyStock>('SELECT item_id AS itemId, plant, quantity FROM safety_stocks').all(),
        lanes: db.prepare<[], Lane>('SELECT from_plant AS fromPlant, to_plant AS toPlant, cost_per_unit AS costPerUnit, transit_days AS transitDays FROM lanes').all(),
      };
    },
  };
}
export type PlanningRepo = ReturnType<typeof createPlanningRepo>;
