// The Rebalancing view: the optimizer's transfers between plants, with their cost and what they save;
// the planner accepts (a stock transport order goes to the ERP) or rejects them with a reason.
import './rebalancing.css';
import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { RebalancingProposal } from '../../../shared/api/rebalancing';
import { formatCount, formatMoney, formatPerUnit } from '../../format/numbers';
import { summarizeProposals, useRebalancingStore } from '../../state/rebalancing-slice';
import { useSessionStore } from '../../state/session-slice';
import { cannotRebalanceReason } from './proposal-status';
import { acceptProposals, rejectProposals } from './rebalancing-actions';
import { RebalancingGrid } from './rebalancing-grid';

export function RebalancingView() {
  const rowsById = useRebalancingStore((state) => state.rowsById);
  const status = useRebalancingStore((state) => state.status);
  const loadError = useRebalancingStore((state) => state.loadError);
  const actionError = useRebalancingStore((state) => state.actionError);
  const summary = useMemo(() => summarizeProposals(Object.values(rowsById)), [rowsById]);
  const gridApi = useRef<GridApi<RebalancingProposal> | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [quickFilter, setQuickFilter] = useState('');
  const notYours = useSessionStore((state) => cannotRebalanceReason(state.session?.role ?? null));

  const run = (action: () => Promise<boolean>) => {
    setBusy(true);
    void action().then((ok) => {
      setBusy(false);
      if (ok) {
        gridApi.current?.deselectAll();
        setRejecting(false);
        setReason('');
      }
    });
  };
  const emptyText = status?.state === 'ready' ? 'No imbalance: no plant is short of what another can spare' : (status?.message ?? 'Loading…');

  return (
    <section className="view rebalancing-view" aria-labelledby="rebalancing-title">
      <header className="view-header">
        <div>
          <h1 id="rebalancing-title">Rebalancing</h1>
          <p className="view-header__summary" data-testid="rebalancing-summary">
            <strong>{formatCount(summary.proposed, 'proposal')}</strong> · cost {formatMoney(summary.totalCost)} · shortage covered {formatPerUnit(summary.shortageCovered)} · revenue protected {formatMoney(summary.revenueProtected)}
            {summary.inTransit > 0 && <> · {summary.inTransit} on the way</>}
            {summary.awaitingApproval > 0 && <> · {summary.awaitingApproval} awaiting approval</>}
          </p>
          <p className={`rebalancing-status rebalancing-status--${status?.state ?? 'loading'}`} data-testid="rebalancing-status">
            {status ? status.message : 'Loading…'}
          </p>
        </div>
        <div className="rebalancing-actions">
          <label className="search-field">
            <span className="visually-hidden">Search proposals</span>
            <input
              type="search"
              value={quickFilter}
              onChange={(event) => setQuickFilter(event.target.value)}
              placeholder="Search item, plant, status…"
              data-testid="proposals-search"
            />
          </label>
          <button type="button" className="button button--primary" data-testid="accept-selected" disabled={busy || selected.length === 0 || notYours !== null} title={notYours ?? undefined} onClick={() => run(() => acceptProposals(selected))}>
            Accept selected{selected.length > 0 ? ` (${selected.length})` : ''}
          </button>
          <button type="button" className="button" data-testid="reject-selected" disabled={busy || selected.length === 0 || notYours !== null} title={notYours ?? undefined} onClick={() => setRejecting(true)}>
            Reject selected
          </button>
        </div>
      </header>
      {rejecting && (
        <form
          className="rebalancing-reject"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => rejectProposals(selected, reason));
          }}
        >
          <label>
            Reason for rejecting {formatCount(selected.length, 'proposal')}
            <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} required aria-label="Rejection reason" />
          </label>
          <button type="submit" className="button" disabled={busy || reason.trim() === '' || selected.length === 0}>
            Reject
          </button>
          <button type="button" className="button" onClick={() => setRejecting(false)}>
            Cancel
          </button>
        </form>
      )}
      {notYours && (
        <p className="panel-note" data-testid="rebalancing-not-yours">
          {notYours}
        </p>
      )}
      {(loadError ?? actionError) && (
        <p className="text-danger" role="alert" data-testid="rebalancing-error">
          {loadError ?? actionError}
        </p>
      )}
      <RebalancingGrid apiRef={gridApi} onSelected={setSelected} emptyText={emptyText} quickFilter={quickFilter} />
    </section>
  );
}
