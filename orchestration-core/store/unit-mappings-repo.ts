// The plants' unit mappings this workstation heard (on each plant's stream, or in its snapshot).
import type Database from 'better-sqlite3';
import type { EventPayload } from '../../shared/events';

export type UnitMapping = EventPayload<'plant.unitMapped'>;

export function createUnitMappingsRepo(db: Database.Database) {
  const upsert = db.prepare(
    `INSERT INTO plant_unit_mappings (plant, code, unit, mapped_by, mapped_at) VALUES (@plant, @code, @unit, @mappedBy, @mappedAt)
     ON CONFLICT (plant, code) DO UPDATE SET unit = excluded.unit, mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at`,
  );
  const one = db.prepare<[string, string], { unit: string }>('SELECT unit FROM plant_unit_mappings WHERE plant = ? AND code = ?');
  const all = db.prepare<[], UnitMapping>('SELECT plant, code, unit, mapped_by AS mappedBy, mapped_at AS mappedAt FROM plant_unit_mappings ORDER BY plant, code');
  return {
    put: (mapping: UnitMapping): void => void upsert.run(mapping),
    /** The unit of master data a plant's code stands for, when it was mapped. */
    unitFor: (plant: string, code: string): string | undefined => one.get(plant, code)?.unit,
    all: (): UnitMapping[] => all.all(),
  };
}
