// What a plant's unit codes stand for in master data (KGM is KG at P1), as the plant's stream said.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`CREATE TABLE plant_unit_mappings (
    plant TEXT NOT NULL,
    code TEXT NOT NULL,
    unit TEXT NOT NULL,
    mapped_by TEXT NOT NULL,
    mapped_at TEXT NOT NULL,
    PRIMARY KEY (plant, code)
  )`);
}
