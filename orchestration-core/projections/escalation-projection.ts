// An escalation the gateway published, kept once (its event, or a snapshot that carries it), put in
// the trail, and shown again wherever its subject is: the approval's row, the lot's.
import type { EventPayload } from '../../shared/events';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Repos } from '../store/repos';

export function projectEscalation(escalation: EventPayload<'escalation.raised'>, repos: Repos, changes: ChangeTracker, at: string): void {
  if (!repos.escalations.record(escalation)) return;
  repos.audit.append({
    at,
    actor: 'system',
    action: 'task escalated',
    subject: escalation.subjectId,
    detail: { taskType: escalation.taskType, subject: escalation.subject, dueAt: escalation.dueAt, raisedAt: escalation.raisedAt, ...(escalation.autoAction ? { autoAction: escalation.autoAction } : {}) },
    correlationId: escalation.subjectId,
  });
  if (repos.approvals.get(escalation.subjectId)) changes.changed('approval', escalation.subjectId);
  const held = escalation.taskType === 'disposition' ? repos.lots.holdForInspectionLot(escalation.subjectId) : undefined;
  if (held) changes.changed('lot', held.lotId);
}
