// A decision the ERP refused as stale: the refusal and its reason beside what happened to the lot since
// the version the decision saw, and the two ways out: decide again on the lot as it is now, or withdraw.
// A use-as-is a supervisor rejected changed nothing upstream, nor did a decision the gateway refused for
// who sent it: the card says so instead.
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { lotChangeTypeLabel, stockTypeLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { formatDateTime, withLocalTimes } from '../../format/time';
import { describePostings, refusedBy } from './quarantine-format';

export type ConflictMode = 'decide' | 'withdraw';

interface ConflictCardProps {
  row: QuarantineRow;
  mode: ConflictMode;
  onModeChange(mode: ConflictMode): void;
  disabled: boolean;
}

export function ConflictCard({ row, mode, onModeChange, disabled }: ConflictCardProps) {
  const conflict = row.conflict;
  const decision = row.postings && row.postings.length > 0 ? ` “${describePostings(row.postings, row.unit)}”` : '';
  return (
    <section className="conflict" aria-label="Conflict">
      <div className="conflict__parts">
        <div className="callout callout--danger" role="alert" data-testid="conflict-reason">
          <strong>
            {refusedBy(conflict?.reason ?? '', conflict?.kind)} rejected the decision{decision}
            {row.decidedBy ? ` by ${row.decidedBy}` : ''}.
          </strong>
          <p>{conflict ? withLocalTimes(conflict.reason) : 'No reason was given.'}</p>
        </div>
        <div className="conflict__changes" data-testid="conflict-changes">
          {conflict?.kind === 'sign-in' || conflict?.kind === 'role' ? (
            // The lot did not change and deciding again as the same person is refused the same way.
            <p data-testid="authority-refusal">
              Nothing was posted: the lot is as it was, <strong>{formatQuantity(row.quantity, row.unit)}</strong>, {stockTypeLabels[row.stockType].toLowerCase()}.{' '}
              {conflict.kind === 'sign-in'
                ? `The gateway did not accept the sign-in that carried this decision${row.decidedBy ? ` (${row.decidedBy})` : ''}. Ask your administrator about the account, or sign out and let a quality engineer who may decide it sign in and decide again.`
                : `The gateway does not give ${row.decidedBy ?? 'the one who decided'} the quality engineer's role at plant ${row.plant}, where this lot is. Ask your administrator for the role there, or let a quality engineer of ${row.plant} decide it.`}
            </p>
          ) : conflict?.kind === 'approval-rejected' ? (
            // Nothing went upstream and the lot did not change: the engineer decides again, or lets it stand.
            <p>
              Nothing was sent to the ERP: the lot is as it was, <strong>{formatQuantity(row.quantity, row.unit)}</strong>, {stockTypeLabels[row.stockType].toLowerCase()}. Decide
              again without the use-as-is, or ask again under another deviation.
            </p>
          ) : conflict ? (
            <>
              <p>
                <strong>
                  You saw version {conflict.sawVersion}, {formatQuantity(conflict.sawQuantity, row.unit)}
                </strong>
                ; since then:
              </p>
              {conflict.changes.length === 0 ? (
                <p className="panel-note">No change has reached this workstation yet; it shows once it has caught up.</p>
              ) : (
                <ol className="lot-changes">
                  {conflict.changes.map((change) => (
                    <li key={`${change.version}-${change.at}-${change.type}`}>
                      <span className="lot-changes__meta">
                        <time dateTime={change.at}>{formatDateTime(change.at)}</time> · <span title={change.type}>{lotChangeTypeLabel(change.type)}</span> · v{change.version}
                      </span>
                      <span>{change.summary}</span>
                    </li>
                  ))}
                </ol>
              )}
              <p>
                Now: <strong>{formatQuantity(row.quantity, row.unit)}</strong>, {stockTypeLabels[row.stockType].toLowerCase()} (version {row.lotVersion}).
              </p>
            </>
          ) : (
            <p className="panel-note">This workstation has not heard what changed upstream.</p>
          )}
        </div>
      </div>
      <div className="conflict__actions" role="group" aria-label="Resolve the conflict">
        <button type="button" className={`button${mode === 'decide' ? ' button--chosen' : ''}`} aria-pressed={mode === 'decide'} onClick={() => onModeChange('decide')} disabled={disabled} data-testid="redecide">
          Decide again
        </button>
        <button
          type="button"
          className={`button button--danger${mode === 'withdraw' ? ' button--chosen' : ''}`}
          aria-pressed={mode === 'withdraw'}
          onClick={() => onModeChange('withdraw')}
          disabled={disabled}
          data-testid="withdraw-decision"
        >
          Withdraw decision
        </button>
      </div>
    </section>
  );
}
