// Usage decisions as QM keeps them: one per inspection lot, with who made it and what it left in stock.
// Snapshots carry them, so a workstation that missed the events still shows who decided its lots.
import type Database from 'better-sqlite3';
import type { EventPayload } from '../shared/events';

export type UsageDecisionRecord = EventPayload<'usageDecision.made'>;

export class UsageDecisionBook {
  private readonly insert: Database.Statement;
  private readonly byLot: Database.Statement<[string], { body: string }>;
  private readonly every: Database.Statement<[], { body: string }>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS usage_decisions (
      inspection_lot_id TEXT PRIMARY KEY,
      lot_id TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS usage_decisions_lot ON usage_decisions (lot_id);`);
    this.insert = db.prepare('INSERT INTO usage_decisions (inspection_lot_id, lot_id, body) VALUES (?, ?, ?)');
    this.byLot = db.prepare("SELECT body FROM usage_decisions WHERE lot_id = ? ORDER BY json_extract(body, '$.decidedAt') DESC LIMIT 1");
    this.every = db.prepare('SELECT body FROM usage_decisions ORDER BY lot_id');
  }

  record(decision: UsageDecisionRecord): void {
    this.insert.run(decision.inspectionLotId, decision.lotId, JSON.stringify(decision));
  }

  /** The lot's latest usage decision, if it has one. */
  latestFor(lotId: string): UsageDecisionRecord | undefined {
    const row = this.byLot.get(lotId);
    return row && (JSON.parse(row.body) as UsageDecisionRecord);
  }

  all(): UsageDecisionRecord[] {
    return this.every.all().map((row) => JSON.parse(row.body) as UsageDecisionRecord);
  }
}
