// An exception a response answered is resolved only when nothing is left late; otherwise it is
// answered, with what remains (the chosen response's projection) counted. The choice keeps who made
// it, when, and the planner's note. SQLite changes a CHECK by rebuilding the table.
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE exceptions_next (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('supplier-delay', 'lot-block', 'line-stop')),
      item_id TEXT NOT NULL,
      plant TEXT NOT NULL,
      source_document TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      orders_hit INTEGER NOT NULL,
      revenue_at_risk REAL NOT NULL,
      worst_days_late INTEGER,
      unfulfilled INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'no-impact', 'awaiting-approval', 'accepted', 'answered', 'resolved')),
      detail TEXT NOT NULL,
      impact TEXT NOT NULL,
      responses TEXT NOT NULL DEFAULT '[]',
      chosen_response TEXT,
      instance_id TEXT NOT NULL,
      task_id TEXT,
      chosen_by TEXT,
      chosen_at TEXT,
      chosen_note TEXT,
      -- JSON: what is still late once the chosen response takes effect.
      remaining TEXT
    );
    INSERT INTO exceptions_next (id, type, item_id, plant, source_document, detected_at, orders_hit, revenue_at_risk,
      worst_days_late, unfulfilled, status, detail, impact, responses, chosen_response, instance_id, task_id)
    SELECT id, type, item_id, plant, source_document, detected_at, orders_hit, revenue_at_risk,
      worst_days_late, unfulfilled, status, detail, impact, responses, chosen_response, instance_id, task_id FROM exceptions;
    DROP TABLE exceptions;
    ALTER TABLE exceptions_next RENAME TO exceptions;
    CREATE INDEX exceptions_detected ON exceptions(detected_at);
  `);
  // A response chosen before this version: what remains is its projection; resolved only if nothing does.
  const chosen = db.prepare<[], { id: string; responses: string; chosen: string }>("SELECT id, responses, chosen_response AS chosen FROM exceptions WHERE status = 'resolved' AND chosen_response IS NOT NULL").all();
  const update = db.prepare('UPDATE exceptions SET status = ?, remaining = ? WHERE id = ?');
  for (const row of chosen) {
    const projected = (JSON.parse(row.responses) as { id: string; projected: { ordersHit: number } }[]).find((response) => response.id === row.chosen)?.projected;
    if (projected) update.run(projected.ordersHit > 0 ? 'answered' : 'resolved', JSON.stringify(projected), row.id);
  }
}
