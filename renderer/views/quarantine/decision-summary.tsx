import type { QuarantineRow } from '../../../shared/api/quarantine';
import { formatCount } from '../../format/numbers';
import { TaskStatePill } from './task-state-pill';
import { DecideAgain } from './decide-again';
import { UsageDecisionPreview } from './usage-decision-preview';

type ClosedState = 'awaiting-approval' | 'pending-upstream' | 'accepted' | 'withdrawn';

const stateExplanations: Record<ClosedState, string> = {
  'awaiting-approval': 'A supervisor must approve the use-as-is before the decision goes to the ERP; the request waits in Approvals.',
  'pending-upstream': 'The decision is recorded here and queued for the ERP. It stays pending until the gateway confirms it; offline, it is sent when the connection returns.',
  accepted: 'The ERP accepted the decision.',
  withdrawn: 'The decision the ERP refused was withdrawn: the lot stays on hold as the ERP has it. Decide again to post a new usage decision on the lot as it is now.',
};

/** A decision that is on its way, done or withdrawn: what was decided, by whom, and where it stands. */
export function DecisionSummary({ row }: { row: QuarantineRow & { taskState: ClosedState } }) {
  const facts: [string, string][] = [
    ...(row.deviationNumber ? ([['Deviation', row.deviationNumber]] as [string, string][]) : []),
    ...(row.decisionReason ? ([['Reason', row.decisionReason]] as [string, string][]) : []),
    ...(row.decidedBy ? ([['Decided by', row.decidedBy]] as [string, string][]) : []),
    ...(row.approvalId ? ([['Approval', row.approvalId]] as [string, string][]) : []),
    ...(row.containmentLotIds.length > 0 ? ([['Also blocked', `${formatCount(row.containmentLotIds.length, 'lot')}: ${row.containmentLotIds.join(', ')}`]] as [string, string][]) : []),
  ];
  return (
    <section className="decision-summary" aria-label="Decision" data-testid="decision-summary">
      <div className="decision-summary__state">
        <TaskStatePill state={row.taskState} />
        <p>{stateExplanations[row.taskState]}</p>
      </div>
      {row.taskState === 'withdrawn' && <DecideAgain row={row} />}
      {row.postings && row.postings.length > 0 && (
        <UsageDecisionPreview lotId={row.lotId} postings={row.postings} unit={row.unit} title={row.taskState === 'withdrawn' ? 'The withdrawn decision' : 'The usage decision'} />
      )}
      {facts.length > 0 && (
        <dl className="facts">
          {facts.map(([term, value]) => (
            <div className="facts__row" key={term}>
              <dt>{term}</dt>
              <dd className={term === 'Reason' ? 'preserve-lines' : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
