import type { QuarantineRow } from '../../../shared/api/quarantine';
import { decisionLabels, stockTypeLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { useSessionStore } from '../../state/session-slice';
import { cannotDecideReason } from './quarantine-format';
import { decisionFacts } from './decision-facts';
import { TaskStatePill } from './task-state-pill';
import { DecideAgain } from './decide-again';
import { UsageDecisionPreview } from './usage-decision-preview';

type ClosedState = 'awaiting-approval' | 'pending-upstream' | 'decided' | 'withdrawn';

function explain(row: QuarantineRow & { taskState: ClosedState }): string {
  switch (row.taskState) {
    case 'awaiting-approval':
      return 'A supervisor must approve the use-as-is before the decision goes to the ERP; the request waits in Approvals.';
    case 'pending-upstream':
      return 'The decision is recorded here and queued for the ERP. It stays pending until the gateway confirms it; offline, it is sent when the connection returns.';
    case 'decided': {
      const who = row.decidedHere ? 'this workstation' : 'another workstation';
      return `The ERP posted the usage decision, made on ${who}; the inspection lot's status is "usage decision made". Nothing is left to decide.`;
    }
    case 'withdrawn':
      return 'The decision the ERP refused was withdrawn: the lot stays on hold as the ERP has it. Decide again to post a new usage decision on the lot as it is now.';
  }
}

/** The lot and each sub-lot the decision left, with their ids, as the ERP has them now. */
function DecidedParts({ row }: { row: QuarantineRow }) {
  if (row.parts.length === 0) return null;
  return (
    <section className="decided-parts" aria-label="Lots after the decision">
      <p className="usage-preview__title">Lots after the decision</p>
      <table className="decided-parts__table" data-testid="decided-parts">
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col">Posting</th>
            <th scope="col" className="numeric">
              Quantity
            </th>
            <th scope="col">Stock type</th>
          </tr>
        </thead>
        <tbody>
          {row.parts.map((part) => (
            <tr key={part.lotId} data-testid={`decided-part-${part.lotId}`}>
              <td className="cell-strong">{part.lotId}</td>
              <td>{decisionLabels[part.decision]}</td>
              <td className="numeric">{formatQuantity(part.quantity, row.unit)}</td>
              <td>{stockTypeLabels[part.stockType]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A decision that is on its way, done or withdrawn: what was decided, by whom, and where it stands. */
export function DecisionSummary({ row }: { row: QuarantineRow & { taskState: ClosedState } }) {
  const mayDecide = useSessionStore((state) => cannotDecideReason(state.session?.role ?? null) === null);
  const facts = decisionFacts(row);
  return (
    <section className="decision-summary" aria-label="Decision" data-testid="decision-summary">
      <div className="decision-summary__state">
        <TaskStatePill state={row.taskState} decidedBy={row.decidedBy} />
        <p>{explain(row)}</p>
        {row.overtaken && (
          <p className="callout callout--warning" data-testid="decision-overtaken">
            The decision made here ({row.overtaken.code} by {row.overtaken.decidedBy}, {formatDateTime(row.overtaken.decidedAt)}) was not posted: {row.decidedBy}’s reached the ERP first.
          </p>
        )}
      </div>
      {row.taskState === 'withdrawn' && mayDecide && <DecideAgain row={row} />}
      <DecidedParts row={row} />
      {row.postings && row.postings.length > 0 && row.taskState !== 'decided' && (
        <UsageDecisionPreview lotId={row.lotId} postings={row.postings} unit={row.unit} title={row.taskState === 'withdrawn' ? 'The withdrawn decision' : 'The usage decision'} />
      )}
      {facts.length > 0 && (
        <dl className="facts">
          {row.taskState === 'decided' && row.postings && (
            <div className="facts__row">
              <dt>Usage decision</dt>
              <dd data-testid="decided-code">
                <strong>{row.decisionCode}</strong> — {row.postings.map((p) => `${decisionLabels[p.decision]} ${formatQuantity(p.quantity, row.unit)}`).join(' · ')}
              </dd>
            </div>
          )}
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
