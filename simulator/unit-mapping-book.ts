// The plants' unit mappings as the gateway holds them (KGM stands for KG at P1): the events on each
// plant's stream say when one was made; a snapshot carries them all, so a workstation that joins late
// reads the plant's messages as every other does.
import type Database from 'better-sqlite3';
import type { EventPayload } from '../shared/events';

export type UnitMapping = EventPayload<'plant.unitMapped'>;

interface UnitMappingRow {
  plant: string;
  code: string;
  unit: string;
  mapped_by: string;
  mapped_at: string;
}

export class UnitMappingBook {
  private readonly upsert: Database.Statement;
  private readonly ofPlants: Database.Statement<[string], UnitMappingRow>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS unit_mappings (
      plant TEXT NOT NULL,
      code TEXT NOT NULL,
      unit TEXT NOT NULL,
      mapped_by TEXT NOT NULL,
      mapped_at TEXT NOT NULL,
      PRIMARY KEY (plant, code)
    )`);
    this.upsert = db.prepare(
      `INSERT INTO unit_mappings (plant, code, unit, mapped_by, mapped_at) VALUES (@plant, @code, @unit, @mappedBy, @mappedAt)
       ON CONFLICT (plant, code) DO UPDATE SET unit = excluded.unit, mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at`,
    );
    this.ofPlants = db.prepare('SELECT * FROM unit_mappings WHERE plant IN (SELECT value FROM json_each(?)) ORDER BY plant, code');
  }

  put(mapping: UnitMapping): void {
    this.upsert.run(mapping);
  }

  /** The mappings of these plants, in a stable order. */
  of(plants: readonly string[]): UnitMapping[] {
    return this.ofPlants.all(JSON.stringify(plants)).map((row) => ({ plant: row.plant, code: row.code, unit: row.unit, mappedBy: row.mapped_by, mappedAt: row.mapped_at }));
  }
}
