// Below the exceptions grid: the selected exception's facts, for a line stop the orders it holds up
// (each one to reroute), the responses a planner can apply, and the customer and production orders it
// makes later, each in its own grid with a CSV export.
import type { ExceptionRow, ImpactedCustomerOrderRow, ImpactedProductionOrderRow } from '../../../shared/api/impact';
import { exceptionDisruptionNouns, exceptionTypeLabels } from '../../format/labels';
import { formatCount, formatMoney } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { lineStopOf } from '../../state/impact-reroutes';
import { selectNothingLater, useImpactStore, type ImpactState } from '../../state/impact-slice';
import { DelayFacts } from './delay-facts';
import { HeldUpOrdersGrid } from './held-up-orders-grid';
import { LineStopFacts } from './line-stop-facts';
import { LotBlockFacts } from './lot-block-facts';
import { ExceptionStatusPill } from './exception-status-pill';
import { csvFileName, formatAtRisk, splitSourceDocument } from './impact-format';
import { customerOrderColumns, getImpactedOrderRowId, productionOrderColumns } from './impacted-order-columns';
import { ImpactedOrdersGrid } from './impacted-orders-grid';
import { ResponsesPanel } from './responses-panel';
import { describeChoice, describeRefusedAnswer } from './response-format';
import { useSessionStore } from '../../state/session-slice';
import { openStockList } from '../../state/stock-actions';

const selectCustomerOrders = (state: ImpactState) => state.customerOrdersById;
const selectProductionOrders = (state: ImpactState) => state.productionOrdersById;

function countUnfulfilled(rows: Readonly<Record<string, { unfulfilled: boolean }>>): number {
  return Object.values(rows).filter((row) => row.unfulfilled).length;
}

/** Over the orders shown: an order since shipped or cancelled upstream has dropped out of the detail. */
function sumRevenueAtRisk(rows: Readonly<Record<string, { revenueAtRisk: number }>>): number {
  return Object.values(rows).reduce((sum, row) => sum + row.revenueAtRisk, 0);
}

/** "12 orders later · 2 unfulfilled · 220,886 at risk" beside a grid's title. */
function OrdersSummary({ count, unfulfilled, revenueAtRisk }: { count: number; unfulfilled: number; revenueAtRisk?: number }) {
  return (
    <>
      {formatCount(count, 'order')} later
      {unfulfilled > 0 && <span className="text-danger"> · {unfulfilled} unfulfilled</span>}
      {revenueAtRisk !== undefined && (
        <>
          {' · '}
          <strong>{formatAtRisk(revenueAtRisk)}</strong>
        </>
      )}
    </>
  );
}

/**
 * Grids sized to their rows: a short list takes little room and leaves it to the other; two long lists
 * share the height. The basis is the section's title, the grid's header and the rows (see the grid's theme).
 */
function sectionBasis(rowCount: number): string {
  return `${36 + 34 + Math.max(2, rowCount) * 36 + 4}px`;
}

/** The facts of the disruption, by its kind. */
function DisruptionFacts({ detail }: { detail: NonNullable<ReturnType<typeof useImpactStore.getState>['detail']>['detail'] }) {
  if ('poLineId' in detail) return <DelayFacts detail={detail} />;
  if ('lotId' in detail) return <LotBlockFacts detail={detail} />;
  return <LineStopFacts detail={detail} />;
}

/**
 * The detail's title: the item for a delay or a block; for a line stop, the line (its exception names
 * the first held-up order's item, one of many).
 */
function DetailTitle({ exception }: { exception: ExceptionRow }) {
  if (exception.type === 'line-stop') {
    const line = splitSourceDocument(exception.sourceDocument)?.document ?? exception.plant;
    return (
      <h2 id="exception-detail-title" title={exception.sourceDocument}>
        Line {line} <span className="exception-detail__description">stopped</span>
      </h2>
    );
  }
  return (
    <h2 id="exception-detail-title" title={`${exception.itemId} — ${exception.itemDescription}`}>
      {exception.itemId} <span className="exception-detail__description">{exception.itemDescription}</span>
    </h2>
  );
}

export function ExceptionDetail({ exception, onClose }: { exception: ExceptionRow; onClose: () => void }) {
  const detail = useImpactStore((state) => state.detail);
  const detailError = useImpactStore((state) => state.detailError);
  const customerCount = useImpactStore((state) => Object.keys(state.customerOrdersById).length);
  const productionCount = useImpactStore((state) => Object.keys(state.productionOrdersById).length);
  const customerUnfulfilled = useImpactStore((state) => countUnfulfilled(state.customerOrdersById));
  const productionUnfulfilled = useImpactStore((state) => countUnfulfilled(state.productionOrdersById));
  const customerRevenueAtRisk = useImpactStore((state) => sumRevenueAtRisk(state.customerOrdersById));
  const nothingLater = useImpactStore(selectNothingLater);
  const user = useSessionStore((state) => state.session?.user ?? null);
  const facts = detail?.detail;
  const fileTag = facts ? ('poLineId' in facts ? facts.poLineId : 'lotId' in facts ? facts.lotId : facts.stoppageId) : exception.sourceDocument;
  const hasResponses = detail !== null && detail.responses.length > 0;
  const stoppage = lineStopOf(detail);
  const disruption = exceptionDisruptionNouns[exception.type];

  return (
    <section className={`exception-detail${hasResponses ? ' exception-detail--with-responses' : ''}`} data-testid="exception-detail" aria-labelledby="exception-detail-title">
      <header className="exception-detail__header">
        <div className="exception-detail__heading">
          <DetailTitle exception={exception} />
          <p className="exception-detail__meta">
            {exceptionTypeLabels[exception.type]} · Plant {exception.plant} · detected {formatDateTime(exception.detectedAt)} ·{' '}
            {/* The same id on every workstation: what planners name it by to each other. */}
            <span className="whole-id" data-testid="exception-id">
              {exception.id}
            </span>
          </p>
          {exception.type !== 'line-stop' && (
            // Its own place beside the status, so a long meta line never hides it.
            <button type="button" className="link-button exception-detail__stock" onClick={() => openStockList({ itemId: exception.itemId, plant: exception.plant })} data-testid="open-exception-stock">
              Stock/requirements
            </button>
          )}
          <ExceptionStatusPill status={exception.status} />
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close the exception detail" data-testid="exception-detail-close">
            ×
          </button>
        </div>
        {facts ? <DisruptionFacts detail={facts} /> : <p className="exception-detail__loading">Loading the disruption…</p>}
      </header>
      {detailError && (
        <p className="callout callout--danger" role="alert" data-testid="exception-detail-error">
          The orders this exception makes later could not be loaded: {detailError}
        </p>
      )}
      {stoppage && stoppage.orders.length > 0 && <HeldUpOrdersGrid exception={exception} stoppage={stoppage} />}
      {hasResponses && <ResponsesPanel key={`${exception.id}:${exception.status}`} exception={exception} detail={detail} />}
      {detail?.refusedAnswer && (
        <p className="callout callout--warning" role="status" data-testid="answer-refused">
          {describeRefusedAnswer(detail.refusedAnswer, detail.choice, user, formatDateTime)}
        </p>
      )}
      {/* Answered before this workstation weighed it (it joined later): the answer, without the responses it chose from. */}
      {!hasResponses && detail?.choice && (
        <p className="responses-panel__choice" data-testid="response-choice">
          <strong>Applied:</strong> {describeChoice(detail.choice, detail.choice.label ?? detail.choice.responseId, formatDateTime(detail.choice.at))}
          {exception.remaining && exception.remaining.ordersHit > 0 && (
            <>
              {' '}
              · still late: {formatCount(exception.remaining.ordersHit, 'order')}, {formatMoney(exception.remaining.revenueAtRisk)} at risk
            </>
          )}
        </p>
      )}
      {nothingLater && (
        <p className="empty-state" data-testid="no-orders-later">
          No orders are later because of this {disruption}: the plan still covers every production and customer order on time.
        </p>
      )}
      {/* Hidden rather than unmounted: moving between exceptions with and without orders keeps the two
          grids, instead of building them again for each click. */}
      <div className="exception-detail__orders" hidden={nothingLater}>
        <div className="exception-detail__section" style={{ flexBasis: sectionBasis(customerCount) }}>
          <ImpactedOrdersGrid<ImpactedCustomerOrderRow>
            title="Customer orders"
            summary={<OrdersSummary count={customerCount} unfulfilled={customerUnfulfilled} revenueAtRisk={customerRevenueAtRisk} />}
            testId="impacted-customer-orders"
            exportTestId="export-customer-orders"
            exportLabel="Export the customer orders as CSV"
            csvFileName={csvFileName('customer-orders-later', fileTag)}
            columns={customerOrderColumns}
            getRowId={getImpactedOrderRowId}
            selectRows={selectCustomerOrders}
            rowCount={customerCount}
            emptyText={`No customer orders are later because of this ${disruption}`}
          />
        </div>
        <div className="exception-detail__section" style={{ flexBasis: sectionBasis(productionCount) }}>
          <ImpactedOrdersGrid<ImpactedProductionOrderRow>
            title="Production orders"
            summary={<OrdersSummary count={productionCount} unfulfilled={productionUnfulfilled} />}
            testId="impacted-production-orders"
            exportTestId="export-production-orders"
            exportLabel="Export the production orders as CSV"
            csvFileName={csvFileName('production-orders-later', fileTag)}
            columns={productionOrderColumns}
            getRowId={getImpactedOrderRowId}
            selectRows={selectProductionOrders}
            rowCount={productionCount}
            emptyText={`No production orders are later because of this ${disruption}`}
          />
        </div>
      </div>
    </section>
  );
}
