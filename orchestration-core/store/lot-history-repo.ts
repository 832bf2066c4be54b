// What upstream did to lots on hold, kept so a decision refused as stale can be shown beside what
// changed since the version it saw. Only held lots are recorded: most lots never need it.
import type Database from 'better-sqlite3';
import type { LotChange } from '../../shared/api/quarantine';
import { eventPayloadSchemas, eventTypes } from '../../shared/events';

/** Events that state no lot version (a completion, a plant report, results): only their time orders them. */
const versionless = eventTypes.filter((type) => {
  const schema = eventPayloadSchemas[type];
  return !('shape' in schema && 'lotVersion' in schema.shape);
});

export function createLotHistoryRepo(db: Database.Database) {
  const insert = db.prepare('INSERT INTO lot_changes (lot_id, version, type, summary, at) VALUES (?, ?, ?, ?, ?)');
  // After the version; a change that states no version counts when heard after the decision. A versioned
  // one heard late but at a version the decision saw (our own block, say) is not news.
  const after = db.prepare<[string, number, string, ...string[]], LotChange>(
    `SELECT at, version, type, summary FROM lot_changes
     WHERE lot_id = ? AND (version > ? OR (at > ? AND type IN (${versionless.map(() => '?').join(', ')})))
     ORDER BY id`,
  );
  return {
    record(lotId: string, change: LotChange): void {
      insert.run(lotId, change.version, change.type, change.summary, change.at);
    },
    /** What changed after a decision that saw `version` at `decidedAt`. */
    changesAfter: (lotId: string, version: number, decidedAt: string): LotChange[] => after.all(lotId, version, decidedAt, ...versionless),
  };
}
export type LotHistoryRepo = ReturnType<typeof createLotHistoryRepo>;
