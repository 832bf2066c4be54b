// Planning data: item attributes, BOMs, suppliers, PO schedule lines, production orders with their
// component requirements, customer orders, stock transport orders and lanes. Lots stay in `lots`.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE plants ADD COLUMN role TEXT;
    ALTER TABLE items ADD COLUMN kind TEXT NOT NULL DEFAULT 'purchased' CHECK (kind IN ('purchased', 'manufactured'));
    ALTER TABLE items ADD COLUMN supplier_ids TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE items ADD COLUMN lead_time_days INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE bom_lines (
      parent_item_id TEXT NOT NULL,
      component_item_id TEXT NOT NULL,
      quantity_per REAL NOT NULL,
      alternates TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (parent_item_id, component_item_id)
    );
    CREATE INDEX bom_lines_component ON bom_lines(component_item_id);

    CREATE TABLE suppliers (id TEXT PRIMARY KEY, name TEXT NOT NULL, on_time_rate REAL NOT NULL);

    CREATE TABLE po_lines (
      id TEXT PRIMARY KEY,
      supplier_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      plant TEXT NOT NULL,
      quantity REAL NOT NULL,
      expected_date TEXT NOT NULL,
      confirmed INTEGER NOT NULL,
      asn_id TEXT
    );

    CREATE TABLE production_orders (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL,
      plant TEXT NOT NULL,
      line TEXT NOT NULL,
      quantity REAL NOT NULL,
      start_date TEXT NOT NULL,
      due_date TEXT NOT NULL,
      priority INTEGER NOT NULL
    );
    CREATE TABLE production_components (
      order_id TEXT NOT NULL REFERENCES production_orders(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      item_id TEXT NOT NULL,
      quantity REAL NOT NULL,
      PRIMARY KEY (order_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE customer_orders (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      plant TEXT NOT NULL,
      quantity REAL NOT NULL,
      ship_date TEXT NOT NULL,
      value REAL NOT NULL,
      priority INTEGER NOT NULL
    );

    CREATE TABLE transfers (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL,
      from_plant TEXT NOT NULL,
      to_plant TEXT NOT NULL,
      quantity REAL NOT NULL,
      ship_date TEXT NOT NULL,
      arrival_date TEXT NOT NULL
    );

    CREATE TABLE lanes (
      from_plant TEXT NOT NULL,
      to_plant TEXT NOT NULL,
      cost_per_unit REAL NOT NULL,
      transit_days INTEGER NOT NULL,
      PRIMARY KEY (from_plant, to_plant)
    );

    -- The day planning counts from (the dataset's, or the gateway's business date).
    CREATE TABLE planning_calendar (id INTEGER PRIMARY KEY CHECK (id = 1), today TEXT NOT NULL);
  `);
}
