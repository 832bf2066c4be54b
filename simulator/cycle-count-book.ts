// Cycle counts as the simulated WMS reported them, the adjustment each took (at most one), and the
// bins whose picks are paused: what the gateway checks an `inventory.adjust` and a bin command against.
import type Database from 'better-sqlite3';
import type { CycleCount } from '../shared/cycle-count';

export interface StoredCount {
  count: CycleCount;
  /** The inventory.adjust that settled it; null while none did. */
  adjustedBy: string | null;
}

export interface PausedBin {
  plant: string;
  bin: string;
  countId: string;
  pausedAt: string;
}

export class CycleCountBook {
  private readonly insert: Database.Statement;
  private readonly one: Database.Statement<[string], { body: string; adjusted_by: string | null }>;
  private readonly total: Database.Statement<[], number>;
  private readonly adjust: Database.Statement;
  private readonly pause: Database.Statement;
  private readonly release: Database.Statement;
  private readonly paused: Database.Statement<[], { plant: string; bin: string; countId: string; pausedAt: string }>;
  private readonly pausedOne: Database.Statement<[string, string], { countId: string }>;
  private readonly recount: Database.Statement;
  private readonly recounts: Database.Statement<[], { count_id: string }>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS cycle_counts (
      count_id TEXT PRIMARY KEY,
      plant TEXT NOT NULL,
      bin TEXT NOT NULL,
      body TEXT NOT NULL,
      adjusted_by TEXT,
      recount_asked_at TEXT
    );
    CREATE TABLE IF NOT EXISTS paused_bins (
      plant TEXT NOT NULL,
      bin TEXT NOT NULL,
      count_id TEXT NOT NULL,
      paused_at TEXT NOT NULL,
      PRIMARY KEY (plant, bin)
    )`);
    this.insert = db.prepare('INSERT INTO cycle_counts (count_id, plant, bin, body) VALUES (?, ?, ?, ?)');
    this.one = db.prepare('SELECT body, adjusted_by FROM cycle_counts WHERE count_id = ?');
    this.total = db.prepare('SELECT count(*) FROM cycle_counts').pluck() as Database.Statement<[], number>;
    this.adjust = db.prepare('UPDATE cycle_counts SET adjusted_by = ? WHERE count_id = ?');
    this.pause = db.prepare('INSERT INTO paused_bins (plant, bin, count_id, paused_at) VALUES (?, ?, ?, ?) ON CONFLICT (plant, bin) DO UPDATE SET count_id = excluded.count_id');
    this.release = db.prepare('DELETE FROM paused_bins WHERE plant = ? AND bin = ?');
    this.paused = db.prepare('SELECT plant, bin, count_id AS countId, paused_at AS pausedAt FROM paused_bins ORDER BY plant, bin');
    this.pausedOne = db.prepare('SELECT count_id AS countId FROM paused_bins WHERE plant = ? AND bin = ?');
    this.recount = db.prepare('UPDATE cycle_counts SET recount_asked_at = ? WHERE count_id = ?');
    // Asked for and not taken yet: the bin is still paused for that count.
    this.recounts = db.prepare(
      `SELECT c.count_id FROM cycle_counts c JOIN paused_bins p ON p.plant = c.plant AND p.bin = c.bin AND p.count_id = c.count_id
       WHERE c.recount_asked_at IS NOT NULL ORDER BY c.recount_asked_at, c.count_id`,
    );
  }

  /** The next count's id: CC-000001, CC-000002, … */
  nextId(): string {
    return `CC-${String(this.total.get()! + 1).padStart(6, '0')}`;
  }

  record(count: CycleCount): void {
    this.insert.run(count.countId, count.plant, count.bin, JSON.stringify(count));
  }

  get(countId: string): StoredCount | undefined {
    const row = this.one.get(countId);
    return row && { count: JSON.parse(row.body) as CycleCount, adjustedBy: row.adjusted_by };
  }

  adjusted(countId: string, commandId: string): void {
    this.adjust.run(commandId, countId);
  }

  pauseBin(plant: string, bin: string, countId: string, at: string): void {
    this.pause.run(plant, bin, countId, at);
  }

  releaseBin(plant: string, bin: string): void {
    this.release.run(plant, bin);
  }

  isPaused(plant: string, bin: string): boolean {
    return this.pausedOne.get(plant, bin) !== undefined;
  }

  /** The count a bin is paused for, when it is. */
  pausedBy(plant: string, bin: string): string | undefined {
    return this.pausedOne.get(plant, bin)?.countId;
  }

  askRecount(countId: string, at: string): void {
    this.recount.run(at, countId);
  }

  /** The oldest count the WMS was asked to count again, while its bin is still paused for it. */
  nextRecount(): StoredCount | undefined {
    const row = this.recounts.get();
    return row && this.get(row.count_id);
  }

  pausedBins(): PausedBin[] {
    return this.paused.all();
  }
}
