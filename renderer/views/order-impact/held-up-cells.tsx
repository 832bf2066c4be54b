// Cells of the held-up orders grid that the planner acts in: the alternate line (a choice among up to
// three when more than one has room, and the host's refusal under it) and the reroute button. They
// read the planner's picks and the session from the stores, so a grid row needs nothing but the order.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { HeldUpOrder } from '../../../shared/api/impact';
import { rerouteOrder } from '../../state/impact-actions';
import { lineKey } from '../../state/impact-reroutes';
import { selectSelectedException, useImpactStore, type ImpactState } from '../../state/impact-slice';
import { useSessionStore } from '../../state/session-slice';
import { TwoLineCell } from '../../grid/two-line-cell';
import {
  alternateTrend,
  chosenAlternate,
  describeAlternateOrders,
  describeAlternateRoom,
  reroutedLines,
  describeRerouteRefusal,
  explainAlternate,
  withoutAlternateText,
  rankAlternates,
} from './held-up-format';
import { cannotRespondReason } from './response-format';

const selectDraft = (productionOrderId: string | undefined) => (state: ImpactState) => (productionOrderId ? state.reroutes[productionOrderId] : undefined);

/** Why no order can be rerouted now (role, or the exception is closed); null when it can. */
export function useRerouteDisabledReason(): string | null {
  const role = useSessionStore((state) => state.session?.role ?? null);
  const status = useImpactStore((state) => selectSelectedException(state)?.status ?? null);
  return status === null ? 'Loading…' : cannotRespondReason(status, role, 'line-stop');
}

/** The order over its item: one column for both leaves the alternate line its room. */
export function OrderItemCell({ data }: CustomCellRendererProps<HeldUpOrder>) {
  return data ? <TwoLineCell primary={data.productionOrderId} secondary={data.itemId} /> : null;
}

export function AlternateCell({ data }: CustomCellRendererProps<HeldUpOrder>) {
  const exception = useImpactStore(selectSelectedException);
  const draft = useImpactStore(selectDraft(data?.productionOrderId));
  const choose = useImpactStore((state) => state.rerouteTargetChosen);
  const disabledReason = useRerouteDisabledReason();
  if (!data || !exception) return null;
  const id = data.productionOrderId;
  const picked = data.rerouted ? lineKey(data.rerouted) : (draft?.target ?? null);
  const alternate = chosenAlternate(data, picked);
  if (!alternate) {
    return (
      <span
        className="held-up-alternate held-up-alternate--none"
        data-testid={`no-alternate-${id}`}
        title={data.alternatesEvaluated ? "No other line that makes this item has room every day of the order's window" : "The core weighs the held-up orders' other lines a few at a time, earliest first"}
      >
        {withoutAlternateText(data, exception.status === 'open')}
      </span>
    );
  }
  const explanation = explainAlternate(alternate, id, exception);
  const ranked = rankAlternates(data.alternates);
  const choosing = ranked.length > 1 && !data.rerouted;
  const line = (
    <span className={`held-up-alternate${data.rerouted ? ' held-up-alternate--done' : ''}`} title={explanation} data-testid={`alternate-${id}`}>
      {choosing ? (
        <select
          className="held-up-alternate__select"
          value={lineKey(alternate)}
          onChange={(event) => choose(exception.id, id, event.target.value)}
          disabled={disabledReason !== null || draft?.sending === true}
          aria-label={`Line to reroute ${id} to`}
          data-testid={`reroute-target-${id}`}
        >
          {ranked.map((option) => (
            <option key={lineKey(option)} value={lineKey(option)} title={explainAlternate(option, id, exception)}>
              {lineKey(option)}
            </option>
          ))}
        </select>
      ) : (
        <strong>{lineKey(alternate)}</strong>
      )}
      <span className="held-up-alternate__effect">
        {' · '}
        {describeAlternateRoom(alternate)}
        {' · '}
        <span className={`held-up-alternate__orders--${alternateTrend(alternate, exception.ordersHit)}`}>{describeAlternateOrders(alternate, exception.ordersHit)}</span>
      </span>
    </span>
  );
  if (!draft?.error) return line;
  // The refusal under the line it was about, in the widest column: the row grows by a line or two.
  return (
    <div className="held-up-alternate-cell">
      {line}
      <span className="held-up-reroute__error" role="alert" title={draft.error} data-testid={`reroute-error-${id}`}>
        Not rerouted: {describeRerouteRefusal(draft.error)}
      </span>
    </div>
  );
}

export function RerouteCell({ data }: CustomCellRendererProps<HeldUpOrder>) {
  const exception = useImpactStore(selectSelectedException);
  const draft = useImpactStore(selectDraft(data?.productionOrderId));
  const disabledReason = useRerouteDisabledReason();
  if (!data || !exception) return null;
  const id = data.productionOrderId;
  if (data.rerouted) {
    // Two lines on screen, each fitting the column; one sentence for a screen reader and the text a test reads.
    const [done, state] = reroutedLines(data.rerouted);
    const refused = data.rerouted.upstream.state === 'refused';
    return (
      <div className={`held-up-reroute held-up-reroute--done${refused ? ' held-up-reroute--refused' : ''}`} data-testid={`rerouted-${id}`} title={`Command ${data.rerouted.commandId}`}>
        <span className="held-up-reroute__done">{done}</span>
        <span className="visually-hidden"> · </span>
        <span className="held-up-reroute__state">{state}</span>
      </div>
    );
  }
  const alternate = chosenAlternate(data, draft?.target ?? null);
  if (!alternate) return null;
  const sending = draft?.sending === true;
  const reroute = () => void rerouteOrder({ exceptionId: exception.id, productionOrderId: id, toPlant: alternate.plant, toLine: alternate.line });
  return (
    <div className="held-up-reroute">
      <button
        type="button"
        className="button button--small"
        onClick={reroute}
        disabled={disabledReason !== null || sending}
        title={disabledReason ?? `Make ${id} on ${lineKey(alternate)} in its own window`}
        data-testid={`reroute-${id}`}
      >
        {sending ? 'Rerouting…' : `Reroute to ${lineKey(alternate)}`}
      </button>
    </div>
  );
}
