// Opens the simulator's SQLite file: creates and seeds it when new, refuses one from a newer version.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildDataset } from './dataset';
import { allStreams } from './streams';

const schemaVersion = 1;

const schema = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE plants (plant_id TEXT PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE suppliers (supplier_id TEXT PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE items (
    item_id TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    unit TEXT NOT NULL,
    supplier_id TEXT NOT NULL REFERENCES suppliers (supplier_id)
  );
  CREATE TABLE lots (
    lot_id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES items (item_id),
    plant TEXT NOT NULL REFERENCES plants (plant_id),
    quantity REAL NOT NULL CHECK (quantity >= 0),
    unit TEXT NOT NULL,
    stock_type TEXT NOT NULL,
    supplier_id TEXT REFERENCES suppliers (supplier_id),
    version INTEGER NOT NULL CHECK (version >= 0),
    inspection_lot_id TEXT
  );
  -- Failed inspection lots still waiting for a usage decision (the open state a snapshot carries).
  CREATE TABLE open_inspections (
    lot_id TEXT PRIMARY KEY REFERENCES lots (lot_id),
    inspection_lot_id TEXT NOT NULL,
    defect_code TEXT NOT NULL,
    defect_text TEXT NOT NULL,
    failed_at TEXT NOT NULL
  );
  CREATE TABLE streams (stream TEXT PRIMARY KEY, head_seq INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE events (
    stream TEXT NOT NULL REFERENCES streams (stream),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (stream, seq)
  ) WITHOUT ROWID;
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  CREATE TABLE commands (
    command_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    reason TEXT,
    version INTEGER,
    received_at TEXT NOT NULL
  );
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    command_id TEXT,
    client_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'duplicate', 'rejected')),
    reason TEXT,
    version INTEGER,
    reply_dropped INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL
  );
  CREATE INDEX deliveries_by_command ON deliveries (command_id, id);
`;

export function openSimulatorDatabase(databasePath: string, seed: number): Database.Database {
  mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const db = new Database(databasePath);
  try {
    db.pragma('journal_mode = WAL');
    // FULL, not WAL's usual NORMAL: a reply promises the command survives a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > schemaVersion) {
      throw new Error(
        `simulator database ${databasePath} has schema version ${found}; this simulator knows up to ${schemaVersion}`,
      );
    }
    if (found === 0) createAndSeed(db, seed, databasePath);
    const addStream = db.prepare('INSERT OR IGNORE INTO streams (stream) VALUES (?)');
    for (const stream of allStreams()) addStream.run(stream);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function createAndSeed(db: Database.Database, seed: number, databasePath: string): void {
  const dataset = buildDataset(seed);
  db.transaction(() => {
    try {
      db.exec(schema);
    } catch (error) {
      throw new Error(`${databasePath} is not a simulator database: ${(error as Error).message}`, { cause: error });
    }
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    // Event ids carry the database's epoch so a recreated database never reuses an id an app already applied.
    meta.run('epoch', randomBytes(4).toString('hex'));
    meta.run('seed', String(seed));
    const plant = db.prepare('INSERT INTO plants (plant_id, name) VALUES (?, ?)');
    for (const p of dataset.plants) plant.run(p.id, p.name);
    const supplier = db.prepare('INSERT INTO suppliers (supplier_id, name) VALUES (?, ?)');
    for (const s of dataset.suppliers) supplier.run(s.id, s.name);
    const item = db.prepare('INSERT INTO items (item_id, description, unit, supplier_id) VALUES (?, ?, ?, ?)');
    for (const i of dataset.items) item.run(i.id, i.description, i.unit, i.supplierId);
    const lot = db.prepare(
      `INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, supplier_id, version, inspection_lot_id)
       VALUES (@lotId, @itemId, @plant, @quantity, @unit, @stockType, @supplierId, @version, @inspectionLotId)`,
    );
    for (const l of dataset.lots) {
      lot.run({ ...l, supplierId: l.supplierId ?? null, inspectionLotId: l.inspectionLotId ?? null });
    }
    const openInspection = db.prepare(
      `INSERT INTO open_inspections (lot_id, inspection_lot_id, defect_code, defect_text, failed_at)
       VALUES (@lotId, @inspectionLotId, @defectCode, @defectText, @failedAt)`,
    );
    const seededAt = Date.now();
    for (const open of dataset.openInspections) {
      openInspection.run({ ...open, failedAt: new Date(seededAt - open.hoursAgo * 3_600_000).toISOString() });
    }
    const counter = db.prepare('INSERT INTO counters (name, value) VALUES (?, ?)');
    counter.run('lot', dataset.lastNumbers.lot);
    counter.run('inspectionLot', dataset.lastNumbers.inspectionLot);
    counter.run('productionOrder', 4711000);
    counter.run('purchaseOrder', 4500012000);
    db.pragma(`user_version = ${schemaVersion}`);
  })();
}
