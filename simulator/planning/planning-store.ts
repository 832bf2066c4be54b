// The ERP's planning data in the simulator's SQLite file: one row per record, by table, stored from the
// world on first open. Lots are the world's (the gateway's lots table), not a planning copy. Snapshots
// read it in parts, dated today by the gateway's clock; scenarios change records in place.
import type Database from 'better-sqlite3';
import type { Dataset, PlanLot, PoLine } from '../../shared/dataset';
import type { PlanningChunk } from '../../shared/sync-protocol';

/** The dataset's tables in the order a snapshot sends them; lots travel with the master data. */
const tables = ['plants', 'items', 'bomLines', 'suppliers', 'lanes', 'safetyStocks', 'lines', 'routings', 'poLines', 'productionOrders', 'customerOrders', 'transfers'] as const;
type Table = (typeof tables)[number];

/** Records per snapshot part: about half a megabyte of JSON. */
export const recordsPerPart = 4000;

function idOf(table: Table, record: Record<string, unknown>): string {
  const field = (name: string) => String(record[name]);
  if (table === 'bomLines') return `${field('parentItemId')}>${field('componentItemId')}`;
  if (table === 'lanes') return `${field('fromPlant')}>${field('toPlant')}`;
  if (table === 'safetyStocks') return `${field('itemId')}@${field('plant')}`;
  if (table === 'lines') return `${field('plant')}/${field('line')}`;
  if (table === 'routings') return `${field('itemId')}@${field('plant')}/${field('line')}`;
  return field('id');
}

export interface PlanningStoreDeps {
  /** The calendar day the gateway's clock reads now: planning moves on with it. */
  today: () => string;
  /** The world's lots, as the ERP has them now. */
  lots: () => PlanLot[];
}

export class PlanningStore {
  constructor(
    private readonly db: Database.Database,
    private readonly deps: PlanningStoreDeps,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS planning_records (
        tbl TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tbl, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS planning_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  }

  /**
   * Stores the world's planning records (a new database). `plays`: whether the ERP sends them to the
   * app; without, the records still back the scenarios (deliveries due, lines to stop) but no snapshot carries them.
   */
  store(dataset: Dataset, plays: boolean): void {
    const insert = this.db.prepare('INSERT INTO planning_records (tbl, id, body) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO planning_meta (key, value) VALUES ('generated', ?), ('scale', ?), ('plays', ?)").run(dataset.today, String(dataset.scale), plays ? '1' : '0');
      for (const table of tables) for (const record of dataset[table] as unknown as Record<string, unknown>[]) insert.run(table, idOf(table, record), JSON.stringify(record));
    })();
  }

  /** Whether the ERP sends its planning data to the app. */
  plays(): boolean {
    const row = this.db.prepare("SELECT value FROM planning_meta WHERE key = 'plays'").get() as { value: string } | undefined;
    return row?.value === '1';
  }

  /** The day planning counts from: today by the gateway's clock, never before the day the world was made. */
  today(): string {
    const generated = (this.db.prepare("SELECT value FROM planning_meta WHERE key = 'generated'").get() as { value: string } | undefined)?.value;
    const now = this.deps.today();
    return generated !== undefined && generated > now ? generated : now;
  }

  /** The whole dataset in parts of at most `size` records; none when the ERP plays no planning. */
  parts(size = recordsPerPart): PlanningChunk[] {
    if (!this.plays()) return [];
    const parts: PlanningChunk[] = [{ today: this.today() }];
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
    return this.record<PoLine>('poLines', id);
  }

  /** PO lines with an ASN: the ones a supplier can announce late. */
  poLinesWithAsn(): PoLine[] {
    return (this.db.prepare("SELECT body FROM planning_records WHERE tbl = 'poLines' AND body LIKE '%\"asnId\":\"%' ORDER BY id").all() as { body: string }[]).map((row) => JSON.parse(row.body) as PoLine);
  }

  records<T>(table: Table): T[] {
    return (this.db.prepare('SELECT body FROM planning_records WHERE tbl = ? ORDER BY id').all(table) as { body: string }[]).map((row) => JSON.parse(row.body) as T);
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
    this.putRecord('poLines', line);
  }

  /** Everything, as one dataset (tests and the CLI); null when the ERP plays no planning. */
  dataset(seed: number, units: Dataset['units'], currency: string): Dataset | null {
    if (!this.plays()) return null;
    const scale = Number((this.db.prepare("SELECT value FROM planning_meta WHERE key = 'scale'").get() as { value: string }).value);
    const dataset: Record<string, unknown> = { schemaVersion: 1, seed, scale, today: this.today(), currency, units, lots: this.deps.lots() };
    for (const table of tables) dataset[table] = this.records(table);
    return dataset as Dataset;
  }
}
