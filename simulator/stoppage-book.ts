// Line stoppages as the ERP's maintenance notifications keep them: which line stopped, from when, and the
// day it ran again; so a restart names a stoppage that exists, on its own line, once.
import type Database from 'better-sqlite3';
import type { EventPayload } from '../shared/events';

export interface StoppageRecord {
  stoppageId: string;
  plant: string;
  line: string;
  from: string;
  expectedDays: number;
  /** The day the line ran again; null while it is stopped. */
  restartedOn: string | null;
}

interface StoppageRow {
  stoppage_id: string;
  plant: string;
  line: string;
  from_date: string;
  expected_days: number;
  restarted_on: string | null;
}

export class StoppageBook {
  private readonly insert: Database.Statement;
  private readonly restart: Database.Statement;
  private readonly byId: Database.Statement<[string], StoppageRow>;

  constructor(db: Database.Database) {
    const existed = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'line_stoppages'").get() !== undefined;
    db.exec(`CREATE TABLE IF NOT EXISTS line_stoppages (
      stoppage_id TEXT PRIMARY KEY,
      plant TEXT NOT NULL,
      line TEXT NOT NULL,
      from_date TEXT NOT NULL,
      expected_days INTEGER NOT NULL,
      restarted_on TEXT
    )`);
    this.insert = db.prepare(
      'INSERT INTO line_stoppages (stoppage_id, plant, line, from_date, expected_days, restarted_on) VALUES (@stoppageId, @plant, @line, @from, @expectedDays, @restartedOn)',
    );
    this.restart = db.prepare('UPDATE line_stoppages SET restarted_on = ? WHERE stoppage_id = ?');
    this.byId = db.prepare('SELECT * FROM line_stoppages WHERE stoppage_id = ?');
    if (!existed) this.recordFromStream(db);
  }

  record(stoppage: Omit<StoppageRecord, 'restartedOn'>): void {
    this.insert.run({ ...stoppage, restartedOn: null });
  }

  markRestarted(stoppageId: string, on: string): void {
    this.restart.run(on, stoppageId);
  }

  get(stoppageId: string): StoppageRecord | undefined {
    const row = this.byId.get(stoppageId);
    return (
      row && { stoppageId: row.stoppage_id, plant: row.plant, line: row.line, from: row.from_date, expectedDays: row.expected_days, restartedOn: row.restarted_on }
    );
  }

  // A database from before this table knows its stoppages only from the ERP stream's events (those it still keeps).
  private recordFromStream(db: Database.Database): void {
    const rows = db.prepare("SELECT type, json_extract(body, '$.payload') AS payload FROM events WHERE stream = 'erp' AND type IN ('line.stopped', 'line.restarted') ORDER BY seq").all() as { type: string; payload: string }[];
    db.transaction(() => {
      for (const row of rows) {
        if (row.type === 'line.stopped') {
          const { stoppageId, plant, line, from, expectedDays } = JSON.parse(row.payload) as EventPayload<'line.stopped'>;
          if (!this.get(stoppageId)) this.record({ stoppageId, plant, line, from, expectedDays });
        } else {
          const { stoppageId, on } = JSON.parse(row.payload) as EventPayload<'line.restarted'>;
          this.markRestarted(stoppageId, on);
        }
      }
    })();
  }
}
