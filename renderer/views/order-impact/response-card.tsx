// One response to an exception as a card: what it does, its projected effect against the exception's
// current impact, and the button that applies it (or requests a supervisor's approval first). The cards
// and the "Now" column beside them share the panel's rows (CSS subgrid), so each measure reads across.
import type { ReactNode } from 'react';
import type { ExceptionApproval, ExceptionResponse, ProjectedEffect } from '../../../shared/api/impact';
import { compareEffects, describeApproval, describeCommands, describeComparison, type EffectComparison } from './response-format';

const approvalPillLabels: Record<ExceptionApproval['status'], string> = {
  pending: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
};

interface ResponseCardProps {
  response: ExceptionResponse;
  current: ProjectedEffect;
  chosen: boolean;
  /** The approval request made for this response, if any. */
  approval: ExceptionApproval | null;
  /** Why applying is not possible now; null when it is. */
  disabledReason: string | null;
  applying: boolean;
  /** The question asked before applying (harm, many commands) while it is asked; null otherwise. */
  confirming: string | null;
  onApply(): void;
  onConfirm(): void;
  onCancel(): void;
  /** Keeps the response as a named scenario to compare; absent when this person or exception cannot. */
  onSaveScenario?: () => void;
  /** The name form of a save as scenario, in place of its button while it is open. */
  scenarioForm?: ReactNode;
}

/** "→ 706,238 (−304,208)": the figure after the response and its difference from now. */
function EffectRow({ comparison }: { comparison: EffectComparison }) {
  const description = describeComparison(comparison);
  return (
    <div className="response-effect__row" title={description}>
      <dt className="visually-hidden">{comparison.label}</dt>
      <dd>
        <span className="visually-hidden">{comparison.current} </span>
        <span>
          <span className="response-effect__arrow">→</span> <strong>{comparison.projected}</strong>
        </span>
        {comparison.change && (
          <>
            {' '}
            <span className={`response-effect__change response-effect__change--${comparison.trend}`}>({comparison.change})</span>
          </>
        )}
      </dd>
    </div>
  );
}

export function ResponseCard({ response, current, chosen, approval, disabledReason, applying, confirming, onApply, onConfirm, onCancel, onSaveScenario, scenarioForm }: ResponseCardProps) {
  const comparisons = compareEffects(current, response.projected);
  const action = response.needsApproval ? 'Request approval' : 'Apply';
  const worse = response.worseThanDoingNothing;
  const classes = ['response-card', chosen ? 'response-card--chosen' : '', approval ? `response-card--${approval.status}` : '', worse ? 'response-card--worse' : ''].filter(Boolean).join(' ');
  return (
    <article className={classes} data-testid={`response-card-${response.id}`} aria-labelledby={`response-title-${response.id}`}>
      <header className="response-card__header">
        <h4 id={`response-title-${response.id}`}>{response.label}</h4>
        {approval ? (
          <span className={`pill response-pill--${approval.status}`} title={describeApproval(approval)}>
            {approvalPillLabels[approval.status]}
          </span>
        ) : (
          chosen && <span className="pill response-pill--chosen">Chosen</span>
        )}
      </header>
      {/* One element: the cards share their rows (subgrid), so the mark sits in the description's. */}
      <p className="response-card__description">
        {worse && (
          <strong className="response-card__worse" data-testid={`response-worse-${response.id}`}>
            Worse than doing nothing
          </strong>
        )}
        {response.description}
      </p>
      <dl className="response-effect" data-testid={`response-projected-${response.id}`} aria-label={`${response.label}: projected effect against the current impact`}>
        {comparisons.map((comparison) => (
          <EffectRow key={comparison.measure} comparison={comparison} />
        ))}
      </dl>
      {confirming !== null ? (
        <footer className="response-card__confirm" role="alertdialog" aria-label={`Confirm ${response.label}`} data-testid={`response-confirm-${response.id}`}>
          <p>{confirming}</p>
          <div className="response-card__confirm-actions">
            <button type="button" className={`button button--small${worse ? ' button--danger-solid' : ' button--primary'}`} onClick={onConfirm} data-testid={`confirm-response-${response.id}`}>
              {worse ? `${action} anyway` : action}
            </button>
            <button type="button" className="button button--small" onClick={onCancel} data-testid={`cancel-response-${response.id}`}>
              Cancel
            </button>
          </div>
        </footer>
      ) : (
      <footer className="response-card__footer">
        {response.needsApproval ? (
          <span className="response-card__approval-mark" title={describeCommands(response)} data-testid={`response-needs-approval-${response.id}`}>
            Needs supervisor approval
          </span>
        ) : (
          <span className="response-card__commands">{describeCommands(response)}</span>
        )}
        <button
          type="button"
          className={`button button--small${worse ? ' button--danger' : response.needsApproval ? ' button--approval' : ' button--primary'}`}
          onClick={onApply}
          disabled={disabledReason !== null || applying}
          title={disabledReason ?? (worse ? 'Leaves things worse than doing nothing: you are asked to confirm' : undefined)}
          data-testid={`apply-response-${response.id}`}
        >
          {applying ? (response.needsApproval ? 'Requesting…' : 'Applying…') : action}
        </button>
        {scenarioForm ?? (onSaveScenario && (
          <button type="button" className="button button--small button--quiet" onClick={onSaveScenario} title="Keep it as a named scenario, to compare with others and apply later" data-testid={`save-scenario-${response.id}`}>
            Save as scenario
          </button>
        ))}
      </footer>
      )}
    </article>
  );
}
