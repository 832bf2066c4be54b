import type { QuarantineRow } from '../../../shared/api/quarantine';
import { decisionLabels } from '../../format/labels';
import { TaskStatePill } from './task-state-pill';

const stateExplanations = {
  'pending-upstream': 'The decision is recorded here and queued for the ERP. It stays pending until the gateway confirms it; offline, it is sent when the connection returns.',
  accepted: 'The ERP accepted the decision.',
} as const;

/** A decision that is on its way or done: what was decided, by whom, and where it stands. */
export function DecisionSummary({ row }: { row: QuarantineRow & { taskState: 'pending-upstream' | 'accepted' } }) {
  return (
    <section className="decision-summary" aria-label="Decision" data-testid="decision-summary">
      <div className="decision-summary__state">
        <TaskStatePill state={row.taskState} />
        <p>{stateExplanations[row.taskState]}</p>
      </div>
      {row.decision && (
        <dl className="lot-facts">
          <div className="lot-facts__row">
            <dt>Decision</dt>
            <dd>{decisionLabels[row.decision]}</dd>
          </div>
          {row.deviationNumber && (
            <div className="lot-facts__row">
              <dt>Deviation</dt>
              <dd>{row.deviationNumber}</dd>
            </div>
          )}
          {row.decisionReason && (
            <div className="lot-facts__row">
              <dt>Reason</dt>
              <dd className="preserve-lines">{row.decisionReason}</dd>
            </div>
          )}
          {row.decidedBy && (
            <div className="lot-facts__row">
              <dt>Decided by</dt>
              <dd>{row.decidedBy}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
