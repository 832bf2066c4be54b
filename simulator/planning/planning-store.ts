// The ERP's planning data in the simulator's SQLite file: one row per record, by table, generated
// from the seed on first open. Snapshots read it in parts; scenarios change records in place.
import type Database from 'better-sqlite3';
import type { Dataset, PoLine } from '../../shared/dataset';
import type { PlanningChunk } from '../../shared/sync-protocol';
import { generateDataset } from './generate-dataset';

/** The dataset's tables in the order a snapshot sends them. */
const tables = ['plants', 'items', 'bomLines', 'suppliers', 'lanes', 'safetyStocks', 'lines', 'routings', 'lots', 'poLines', 'productionOrders', 'customerOrders', 'transfers'] as const;
type Table = (typeof tables)[number];

/** Records per snapshot part: about half a megabyte of JSON. */
export const recordsPerPart = 4000;

function idOf(table: Table, record: Record<string, unknown>): string {
  const field = (name: string) => String(record[name]);
  if (table === 'lots') return field('lotId');
  if (table === 'bomLines') return `${field('parentItemId')}>${field('componentItemId')}`;
  if (table === 'lanes') return `${field('fromPlant')}>${field('toPlant')}`;
  if (table === 'safetyStocks') return `${field('itemId')}@${field('plant')}`;
  if (table === 'lines') return `${field('plant')}/${field('line')}`;
  if (table === 'routings') return `${field('itemId')}@${field('plant')}/${field('line')}`;
  return field('id');
}

export class PlanningStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS planning_records (
        tbl TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tbl, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS planning_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  }

  /** Generates and stores the dataset unless one is stored already; scale 0 stores none. */
  seed(seed: number, scale: number): void {
    if (scale <= 0 || this.today() !== null) return;
    const dataset = generateDataset({ seed, scale });
    const insert = this.db.prepare('INSERT INTO planning_records (tbl, id, body) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO planning_meta (key, value) VALUES ('today', ?), ('scale', ?)").run(dataset.today, String(scale));
      for (const table of tables) for (const record of dataset[table] as unknown as Record<string, unknown>[]) insert.run(table, idOf(table, record), JSON.stringify(record));
    })();
  }

  today(): string | null {
    const row = this.db.prepare("SELECT value FROM planning_meta WHERE key = 'today'").get() as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** The whole dataset in parts of at most `size` records; none without planning data. */
  parts(size = recordsPerPart): PlanningChunk[] {
    const today = this.today();
    if (today === null) return [];
    const parts: PlanningChunk[] = [{ today }];
    let current = parts[0]!;
    let count = 0;
    for (const table of tables) {
      for (const row of this.db.prepare('SELECT body FROM planning_records WHERE tbl = ? ORDER BY id').iterate(table) as Iterable<{ body: string }>) {
        if (count === size) {
          parts.push((current = {}));
          count = 0;
        }
        const rows = (current[table] ??= []) as unknown[];
        rows.push(JSON.parse(row.body));
        count++;
      }
    }
    return parts;
  }

  poLine(id: string): PoLine | undefined {
    const row = this.db.prepare("SELECT body FROM planning_records WHERE tbl = 'poLines' AND id = ?").get(id) as { body: string } | undefined;
    return row && (JSON.parse(row.body) as PoLine);
  }

  /** PO lines with an ASN: the ones a supplier can announce late. */
  poLinesWithAsn(): PoLine[] {
    return (this.db.prepare("SELECT body FROM planning_records WHERE tbl = 'poLines' AND body LIKE '%\"asnId\":\"%' ORDER BY id").all() as { body: string }[]).map((row) => JSON.parse(row.body) as PoLine);
  }

  record<T>(table: Table, id: string): T | undefined {
    const row = this.db.prepare('SELECT body FROM planning_records WHERE tbl = ? AND id = ?').get(table, id) as { body: string } | undefined;
    return row && (JSON.parse(row.body) as T);
  }

  putRecord(table: Table, record: Record<string, unknown>): void {
    this.db.prepare('INSERT OR REPLACE INTO planning_records (tbl, id, body) VALUES (?, ?, ?)').run(table, idOf(table, record), JSON.stringify(record));
  }

  /** Removes one record; true when there was one. */
  removeRecord(table: Table, id: string): boolean {
    return this.db.prepare('DELETE FROM planning_records WHERE tbl = ? AND id = ?').run(table, id).changes === 1;
  }

  putPoLine(line: PoLine): void {
    this.db.prepare("INSERT OR REPLACE INTO planning_records (tbl, id, body) VALUES ('poLines', ?, ?)").run(line.id, JSON.stringify(line));
  }

  /** Everything, as one dataset (tests and the CLI). */
  dataset(seed: number): Dataset | null {
    const today = this.today();
    if (today === null) return null;
    const scale = Number((this.db.prepare("SELECT value FROM planning_meta WHERE key = 'scale'").get() as { value: string }).value);
    const dataset: Record<string, unknown> = { schemaVersion: 1, seed, scale, today };
    for (const table of tables) dataset[table] = (this.db.prepare('SELECT body FROM planning_records WHERE tbl = ? ORDER BY id').all(table) as { body: string }[]).map((row) => JSON.parse(row.body) as unknown);
    return dataset as Dataset;
  }
}
