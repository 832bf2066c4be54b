// The selected exception's responses side by side, each against the current impact, with the planner's
// optional note and where an approval request stands. Keyed by exception and status by its parent, so
// a new status (applied, awaiting approval, rejected) starts it afresh.
import './responses.css';
import { useId, useState } from 'react';
import type { ExceptionDetail, ExceptionResponse, ExceptionRow, ProjectedEffect } from '../../../shared/api/impact';
import { exceptionDisruptionNouns } from '../../format/labels';
import { applyResponse } from '../../state/impact-actions';
import { lineStopOf } from '../../state/impact-reroutes';
import { useSessionStore } from '../../state/session-slice';
import { ResponseCard } from './response-card';
import { SaveScenarioBar } from './save-scenario-bar';
import { mayCall } from '../../../shared/api/roles';
import { formatCount, formatMoney } from '../../format/numbers';
import { formatDateTime, formatTimeOfDay } from '../../format/time';
import { cannotRespondReason, commandCountNow, compareEffects, confirmationNeeded, currentEffect, describeApproval, describeChoice } from './response-format';

/** The first column: the measures' names and the exception's figures now, which each card compares against. */
function CurrentImpact({ current, disruption }: { current: ProjectedEffect; disruption: string }) {
  return (
    <div className="responses-now" data-testid="responses-now">
      <h4>Now</h4>
      <p className="response-card__description">This {disruption}, with no response</p>
      <dl className="response-effect">
        {compareEffects(current, current).map((comparison) => (
          <div className="response-effect__row" key={comparison.measure}>
            <dt>{comparison.label}</dt>
            <dd>
              <strong>{comparison.current}</strong>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

interface ApplyFailure {
  label: string;
  message: string;
}

export function ResponsesPanel({ exception, detail }: { exception: ExceptionRow; detail: ExceptionDetail }) {
  const role = useSessionStore((state) => state.session?.role ?? null);
  const [note, setNote] = useState('');
  const [applying, setApplying] = useState<ExceptionResponse['id'] | null>(null);
  // After a successful call, until the core pushes the exception's new status (which remounts this panel).
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<ApplyFailure | null>(null);
  const [confirming, setConfirming] = useState<ExceptionResponse['id'] | null>(null);
  const [savingAs, setSavingAs] = useState<ExceptionResponse | null>(null);
  const maySave = exception.status === 'open' && exception.type !== 'line-stop' && role !== null && mayCall(role, 'scenarios.save');
  const noteId = useId();
  const current = currentEffect(exception);
  const approval = detail.approval;
  const disruption = exceptionDisruptionNouns[exception.type];
  const heldUp = lineStopOf(detail)?.orders ?? null;
  const disabledReason = cannotRespondReason(exception.status, role, exception.type) ?? (sent ? 'Sent; waiting for the exception to update' : null);

  const doingNothing = detail.responses.find((response) => response.id === 'accept-delay')?.projected ?? null;
  const questionFor = (response: ExceptionResponse) => confirmationNeeded({ ...response, commandCount: commandCountNow(response, heldUp) }, doingNothing);

  /** Asks first when the response does harm or sends many commands; applies once confirmed. */
  function request(response: ExceptionResponse) {
    if (questionFor(response) !== null && confirming !== response.id) {
      setConfirming(response.id);
      return;
    }
    void apply(response);
  }

  async function apply(response: ExceptionResponse) {
    setConfirming(null);
    setApplying(response.id);
    setFailure(null);
    try {
      const trimmed = note.trim();
      await applyResponse({ exceptionId: exception.id, responseId: response.id, ...(trimmed ? { note: trimmed } : {}), ...(response.worseThanDoingNothing ? { confirmedWorse: true as const } : {}) });
      setSent(true);
    } catch (error) {
      setFailure({ label: response.label, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setApplying(null);
    }
  }

  return (
    <section className="responses-panel" data-testid="responses-panel" aria-labelledby="responses-title">
      <header className="responses-panel__header">
        <h3 id="responses-title">Responses</h3>
        <span className="responses-panel__hint">
          Each projected against the plan before the {disruption}: now → after the response (difference) ·{' '}
          <span
            title={`Weighed against the plan ${formatDateTime(detail.weighedAt)}; weighed again whenever the plan moves (receipts, other delays, answers elsewhere)`}
            data-testid="exception-weighed-at"
          >
            weighed {Date.now() - Date.parse(detail.weighedAt) < 86_400_000 ? formatTimeOfDay(detail.weighedAt) : formatDateTime(detail.weighedAt)}
          </span>
        </span>
        {approval && (
          <span className={`responses-panel__approval responses-panel__approval--${approval.status}`} role="status" data-testid="exception-approval-state" data-status={approval.status}>
            {describeApproval(approval)}
          </span>
        )}
        {/* A closed exception takes no note: nothing more can be applied to it. */}
        {(disabledReason === null || sent) && (
          <label className="responses-panel__note" htmlFor={noteId}>
            <span>Note</span>
            <input
              id={noteId}
              type="text"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={1000}
              autoComplete="off"
              placeholder="Optional, kept with the decision"
              disabled={disabledReason !== null || applying !== null}
              data-testid="response-note"
            />
          </label>
        )}
      </header>
      {detail.choice && (
        <p className="responses-panel__choice" data-testid="response-choice">
          <strong>{exception.status === 'awaiting-approval' ? 'Chosen' : 'Applied'}:</strong>{' '}
          {describeChoice(detail.choice, detail.responses.find((response) => response.id === detail.choice?.responseId)?.label ?? detail.choice.label ?? detail.choice.responseId, formatDateTime(detail.choice.at))}
          {exception.remaining && exception.remaining.ordersHit > 0 && <> · still late: {formatCount(exception.remaining.ordersHit, 'order')}, {formatMoney(exception.remaining.revenueAtRisk)} at risk</>}
        </p>
      )}
      {disabledReason && (
        <p className="responses-panel__disabled" data-testid="responses-disabled-reason">
          {disabledReason}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert" data-testid="response-error">
          “{failure.label}” was not applied: {failure.message}
        </p>
      )}
      <div className="responses-panel__cards" style={{ gridTemplateColumns: `max-content repeat(${detail.responses.length}, minmax(176px, 1fr))` }}>
        <CurrentImpact current={current} disruption={disruption} />
        {detail.responses.map((response) => (
          <ResponseCard
            key={response.id}
            response={{ ...response, commandCount: commandCountNow(response, heldUp) }}
            current={current}
            chosen={detail.chosenResponse === response.id}
            approval={approval?.responseId === response.id ? approval : null}
            disabledReason={disabledReason}
            applying={applying === response.id}
            confirming={confirming === response.id ? questionFor(response) : null}
            onApply={() => request(response)}
            onConfirm={() => void apply(response)}
            onCancel={() => setConfirming(null)}
            {...(maySave ? { onSaveScenario: () => setSavingAs(response) } : {})}
            {...(savingAs?.id === response.id ? { scenarioForm: <SaveScenarioBar exception={exception} response={response} onClose={() => setSavingAs(null)} /> } : {})}
          />
        ))}
      </div>
    </section>
  );
}

