// Company-wide master data beside the item master: units of measure with their decimals, and the
// currency order values are in. Both come with the gateway's snapshot (or a planning dataset).
import type Database from 'better-sqlite3';
import { decimalsOf, type UnitOfMeasure } from '../../shared/units';

export function createMasterRepo(db: Database.Database) {
  const upsertUnit = db.prepare('INSERT INTO units (unit, decimals, description) VALUES (?, ?, ?) ON CONFLICT (unit) DO UPDATE SET decimals = excluded.decimals, description = excluded.description');
  const allUnits = db.prepare<[], UnitOfMeasure>('SELECT unit, decimals, description FROM units ORDER BY unit');
  const setCompany = db.prepare('INSERT INTO company (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const getCompany = db.prepare<[string], string>('SELECT value FROM company WHERE key = ?').pluck();
  // Units change with master data only: read once, and again after it changed (or its transaction rolled back).
  let cached: UnitOfMeasure[] | null = null;
  const units = (): UnitOfMeasure[] => (cached ??= allUnits.all());

  return {
    units,
    /** The decimals a quantity in this unit may have; 3 for a unit the master data does not list. */
    decimalsOf: (unit: string): number => decimalsOf(unit, units()),
    /** The company currency order values are in. */
    currency: (): string => getCompany.get('currency') ?? 'EUR',
    apply(master: { units?: readonly UnitOfMeasure[] | undefined; currency?: string | undefined }): void {
      for (const unit of master.units ?? []) upsertUnit.run(unit.unit, unit.decimals, unit.description);
      cached = null;
      if (master.currency) setCompany.run('currency', master.currency);
    },
  };
}
export type MasterRepo = ReturnType<typeof createMasterRepo>;
