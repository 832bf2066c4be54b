// Opens the simulator's SQLite file: creates and seeds it with a new world when new, sets aside one
// from an older simulator (its world was not this one), and refuses one from a newer version.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { allStreams } from './streams';
import type { World } from './world';

/** 2: one world, the planning dataset's item master and lots, with units of measure. */
const schemaVersion = 2;

const schema = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE plants (plant_id TEXT PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE suppliers (supplier_id TEXT PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE units (unit TEXT PRIMARY KEY, decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6), description TEXT NOT NULL);
  CREATE TABLE items (
    item_id TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    unit TEXT NOT NULL REFERENCES units (unit),
    supplier_id TEXT REFERENCES suppliers (supplier_id)
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

export interface SimulatorDatabase {
  db: Database.Database;
  /** Set when this open created the file: the world it was seeded with (its planning records are stored by the caller). */
  created: World | null;
}

/** A file from an older simulator is kept beside, renamed, and a new world starts; its path, for the log. */
function setAsideOlder(databasePath: string, found: number): string {
  const aside = `${databasePath}.v${found}-${Date.now()}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, aside + suffix);
  return aside;
}

function open(databasePath: string): Database.Database {
  const db = new Database(databasePath);
  db.pragma('journal_mode = WAL');
  // FULL, not WAL's usual NORMAL: a reply promises the command survives a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

export function openSimulatorDatabase(databasePath: string, makeWorld: () => World, now: Date): SimulatorDatabase {
  mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  let db = open(databasePath);
  try {
    let found = db.pragma('user_version', { simple: true }) as number;
    if (found > schemaVersion) {
      throw new Error(`simulator database ${databasePath} has schema version ${found}; this simulator knows up to ${schemaVersion}`);
    }
    if (found > 0 && found < schemaVersion) {
      db.close();
      const aside = setAsideOlder(databasePath, found);
      console.error(`simulator: ${databasePath} was made by an older simulator (schema version ${found}); kept as ${aside}, starting a new world`);
      db = open(databasePath);
      found = 0;
    }
    let created: World | null = null;
    if (found === 0) {
      created = makeWorld();
      createAndSeed(db, created, databasePath, now);
    }
    const addStream = db.prepare('INSERT OR IGNORE INTO streams (stream) VALUES (?)');
    for (const stream of allStreams()) addStream.run(stream);
    return { db, created };
  } catch (error) {
    db.close();
    throw error;
  }
}

function createAndSeed(db: Database.Database, world: World, databasePath: string, now: Date): void {
  db.transaction(() => {
    try {
      db.exec(schema);
    } catch (error) {
      throw new Error(`${databasePath} is not a simulator database: ${(error as Error).message}`, { cause: error });
    }
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    // Event ids carry the database's epoch so a recreated database never reuses an id an app already applied.
    meta.run('epoch', randomBytes(4).toString('hex'));
    meta.run('seed', String(world.planning.seed));
    meta.run('currency', world.currency);
    const plant = db.prepare('INSERT INTO plants (plant_id, name) VALUES (?, ?)');
    for (const p of world.plants) plant.run(p.id, p.name);
    const supplier = db.prepare('INSERT INTO suppliers (supplier_id, name) VALUES (?, ?)');
    for (const s of world.suppliers) supplier.run(s.id, s.name);
    const unit = db.prepare('INSERT INTO units (unit, decimals, description) VALUES (?, ?, ?)');
    for (const u of world.units) unit.run(u.unit, u.decimals, u.description);
    const item = db.prepare('INSERT INTO items (item_id, description, unit, supplier_id) VALUES (?, ?, ?, ?)');
    for (const i of world.items) item.run(i.id, i.description, i.unit, i.supplierId ?? null);
    const lot = db.prepare(
      `INSERT INTO lots (lot_id, item_id, plant, quantity, unit, stock_type, supplier_id, version, inspection_lot_id)
       VALUES (@lotId, @itemId, @plant, @quantity, @unit, @stockType, @supplierId, @version, @inspectionLotId)`,
    );
    for (const l of world.lots) lot.run({ ...l, supplierId: l.supplierId ?? null, inspectionLotId: l.inspectionLotId ?? null });
    const openInspection = db.prepare(
      `INSERT INTO open_inspections (lot_id, inspection_lot_id, defect_code, defect_text, failed_at)
       VALUES (@lotId, @inspectionLotId, @defectCode, @defectText, @failedAt)`,
    );
    const seededAt = now.getTime();
    for (const { hoursAgo, ...open } of world.openInspections) openInspection.run({ ...open, failedAt: new Date(seededAt - hoursAgo * 3_600_000).toISOString() });
    const counter = db.prepare('INSERT INTO counters (name, value) VALUES (?, ?)');
    for (const [name, value] of Object.entries(world.lastNumbers)) counter.run(name, value);
    db.pragma(`user_version = ${schemaVersion}`);
  })();
}
