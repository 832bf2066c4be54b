// What upstream did to lots on hold, kept so a decision refused as stale can be shown beside what
// changed since the version it saw. Only held lots are recorded: most lots never need it.
import type Database from 'better-sqlite3';
import type { LotChange } from '../../shared/api/quarantine';
import type { EventType } from '../../shared/events';

/**
 * Events that state the whole lot at a version: one at or below the version a decision saw was known
 * to it, however late it was heard (our own block's echo). Every other change (a consumption, a
 * completion, a plant report) also counts when it was heard after the decision: a consumption our own
 * accepted command's version already covers may reach us late, and the quantity decided on lacked it.
 */
const wholeLotEvents = ['goods.received', 'inspection.failed', 'inspection.passed', 'lot.statusChanged', 'fg.released'] as const satisfies readonly EventType[];

export function createLotHistoryRepo(db: Database.Database) {
  const insert = db.prepare('INSERT INTO lot_changes (lot_id, version, type, summary, at) VALUES (?, ?, ?, ?, ?)');
  const after = db.prepare<[string, number, string, ...string[]], LotChange>(
    `SELECT at, version, type, summary FROM lot_changes
     WHERE lot_id = ? AND (version > ? OR (at > ? AND type NOT IN (${wholeLotEvents.map(() => '?').join(', ')})))
     ORDER BY id`,
  );
  return {
    record(lotId: string, change: LotChange): void {
      insert.run(lotId, change.version, change.type, change.summary, change.at);
    },
    /** What changed after a decision that saw `version` at `decidedAt`. */
    changesAfter: (lotId: string, version: number, decidedAt: string): LotChange[] => after.all(lotId, version, decidedAt, ...wholeLotEvents),
  };
}
export type LotHistoryRepo = ReturnType<typeof createLotHistoryRepo>;
