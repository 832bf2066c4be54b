// The Order Impact view: disruptions (exceptions) in a grid, the selected one's delay and the orders
// it makes later below it.
import './order-impact.css';
import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExceptionRow } from '../../../shared/api/impact';
import { formatCount, formatMoney } from '../../format/numbers';
import { csvExportParams } from '../../grid/csv-export';
import { selectNothingLater, selectSelectedException, useImpactStore, type ImpactState } from '../../state/impact-slice';
import { AlertsStrip } from '../alerts/alerts-strip';
import { ExceptionDetail } from './exception-detail';
import { ExceptionsGrid } from './exceptions-grid';
import { csvFileName, formatOpenCount, summarizeExceptions } from './impact-format';

const selectSummary = (state: ImpactState) => summarizeExceptions(Object.values(state.exceptionsById));
const selectExceptionCount = (state: ImpactState) => Object.keys(state.exceptionsById).length;

/**
 * The header's counts, in a component of their own: pushed exceptions re-render this line, not the
 * grid and the detail below it (under a storm of supplier delays that is most of the view's work).
 */
function ImpactSummary({ hint }: { hint: boolean }) {
  const summary = useImpactStore(useShallow(selectSummary));
  return (
    <p className="view-header__summary" data-testid="impact-summary">
      <strong data-testid="impact-summary-open">{formatOpenCount(summary.open)}</strong>
      {' · '}
      <strong data-testid="impact-summary-revenue">{formatMoney(summary.openRevenueAtRisk)}</strong> revenue at risk
      {summary.answered > 0 && (
        <span data-testid="impact-summary-answered">
          {' '}
          · {summary.answered} answered, {formatCount(summary.answeredOrdersLate, 'order')} still late
        </span>
      )}
      {summary.awaitingApproval > 0 && <span data-testid="impact-summary-awaiting-approval"> · {summary.awaitingApproval} awaiting approval</span>}
      {summary.noImpact > 0 && <> · {summary.noImpact} without impact</>}
      {hint && summary.total > 0 && <span className="view-header__hint"> — select an exception to see the orders it makes later</span>}
    </p>
  );
}

export function OrderImpactView() {
  const exceptionCount = useImpactStore(selectExceptionCount);
  const hasExceptions = exceptionCount > 0;
  const loadError = useImpactStore((state) => state.loadError);
  const selected = useImpactStore(selectSelectedException);
  const select = useImpactStore((state) => state.select);
  const nothingLater = useImpactStore(selectNothingLater);
  const gridApi = useRef<GridApi<ExceptionRow> | null>(null);
  const closeDetail = useCallback(() => select(null), [select]);
  const [quickFilter, setQuickFilter] = useState('');

  return (
    <section className="view order-impact-view" aria-labelledby="order-impact-title">
      <AlertsStrip />
      <header className="view-header">
        <div>
          <h1 id="order-impact-title">Order impact</h1>
          <ImpactSummary hint={!selected} />
        </div>
        <div className="view-header__actions">
          <label className="search-field">
            <span className="visually-hidden">Search exceptions</span>
            <input
              type="search"
              value={quickFilter}
              onChange={(event) => setQuickFilter(event.target.value)}
              placeholder="Search item, plant, PO line…"
              data-testid="exceptions-search"
            />
          </label>
          <button
            type="button"
            className="button"
            onClick={() => gridApi.current?.exportDataAsCsv(csvExportParams(csvFileName('order-impact-exceptions'), { allColumns: true }))}
            disabled={!hasExceptions}
            aria-label="Export the exceptions as CSV"
            data-testid="export-exceptions"
          >
            Export CSV
          </button>
        </div>
      </header>
      {loadError && (
        <p className="callout callout--danger" role="alert">
          The exceptions could not be loaded: {loadError}
        </p>
      )}
      {/* With a detail open the exceptions take the height of their rows, at most half the view's (see the CSS). */}
      <div
        className={`order-impact-view__body${selected ? ` order-impact-view__body--${nothingLater ? 'with-facts' : 'with-detail'}` : ''}`}
        style={{ '--exception-rows': exceptionCount } as CSSProperties}
      >
        <ExceptionsGrid apiRef={gridApi} detailOpen={selected !== null} quickFilter={quickFilter} />
        {selected && <ExceptionDetail exception={selected} onClose={closeDetail} />}
      </div>
    </section>
  );
}
