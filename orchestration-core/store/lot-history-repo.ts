// What upstream did to lots on hold, kept so a decision refused as stale can be shown beside what
// changed since the version it saw. Only held lots are recorded: most lots never need it.
import type Database from 'better-sqlite3';
import type { LotChange } from '../../shared/api/quarantine';

export function createLotHistoryRepo(db: Database.Database) {
  const insert = db.prepare('INSERT INTO lot_changes (lot_id, version, type, summary, at) VALUES (?, ?, ?, ?, ?)');
  // After the version, or after the time: a change that moves no version (a completion, a plant report) counts too.
  const after = db.prepare<[string, number, string], LotChange>(
    'SELECT at, version, type, summary FROM lot_changes WHERE lot_id = ? AND (version > ? OR at > ?) ORDER BY id',
  );
  return {
    record(lotId: string, change: LotChange): void {
      insert.run(lotId, change.version, change.type, change.summary, change.at);
    },
    /** What changed after a decision that saw `version` at `decidedAt`. */
    changesAfter: (lotId: string, version: number, decidedAt: string): LotChange[] => after.all(lotId, version, decidedAt),
  };
}
export type LotHistoryRepo = ReturnType<typeof createLotHistoryRepo>;
