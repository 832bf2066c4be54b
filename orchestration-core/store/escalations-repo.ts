// Escalations this workstation heard of (on the ERP's stream, or in its snapshot): what supervisors
// see highlighted in Approvals and counted in Monitor.
import type Database from 'better-sqlite3';
import type { EventPayload } from '../../shared/events';

export type Escalation = EventPayload<'escalation.raised'>;

interface EscalationRow {
  subjectId: string;
  taskType: Escalation['taskType'];
  subject: string;
  plant: string | null;
  dueAt: string;
  raisedAt: string;
  autoAction: string | null;
}

const columns = 'subject_id AS subjectId, task_type AS taskType, subject, plant, due_at AS dueAt, raised_at AS raisedAt, auto_action AS autoAction';

function fromRow(row: EscalationRow): Escalation {
  return { subjectId: row.subjectId, taskType: row.taskType, subject: row.subject, dueAt: row.dueAt, raisedAt: row.raisedAt, ...(row.plant ? { plant: row.plant } : {}), ...(row.autoAction ? { autoAction: row.autoAction } : {}) };
}

export function createEscalationsRepo(db: Database.Database) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO escalations (subject_id, task_type, subject, plant, due_at, raised_at, auto_action)
     VALUES (@subjectId, @taskType, @subject, @plant, @dueAt, @raisedAt, @autoAction)`,
  );
  const one = db.prepare<[string], EscalationRow>(`SELECT ${columns} FROM escalations WHERE subject_id = ?`);
  const all = db.prepare<[], EscalationRow>(`SELECT ${columns} FROM escalations ORDER BY raised_at DESC`);
  return {
    /** False when the subject was escalated already (heard twice: its event, then a snapshot). */
    record: (escalation: Escalation): boolean => insert.run({ plant: null, autoAction: null, ...escalation }).changes === 1,
    get: (subjectId: string): Escalation | undefined => {
      const row = one.get(subjectId);
      return row && fromRow(row);
    },
    list: (): Escalation[] => all.all().map(fromRow),
  };
}
