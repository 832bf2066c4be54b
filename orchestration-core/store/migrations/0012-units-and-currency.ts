// Units of measure with their decimals, and the company currency, as the gateway's master data states
// them. Until a snapshot brings them, the standard units and the currency every earlier dataset used.
import type Database from 'better-sqlite3';
import { standardUnits } from '../../../shared/units';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE units (
      unit TEXT PRIMARY KEY,
      decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
      description TEXT NOT NULL
    );
    CREATE TABLE company (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO company (key, value) VALUES ('currency', 'EUR');
  `);
  const insert = db.prepare('INSERT INTO units (unit, decimals, description) VALUES (?, ?, ?)');
  for (const unit of standardUnits) insert.run(unit.unit, unit.decimals, unit.description);
}
