// A line stop's held-up orders: each order's dates as planned and if it waits for the line, the best
// other line that has room for it, and the planner's reroute. Rows come from the impact slice by
// production order id and arrive as transactions, so a reroute updates its row in place.
import type { ExceptionRow, HeldUpOrder, LineStopDetail } from '../../../shared/api/impact';
import { AgGridReact } from 'ag-grid-react';
import { useCallback } from 'react';
import { csvExportParams, exportingGridOptions } from '../../grid/csv-export';
import { appGridTheme } from '../../grid/grid-theme';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { useImpactStore, type ImpactState } from '../../state/impact-slice';
import { useRerouteDisabledReason } from './held-up-cells';
import { describeHeldUpSummary, summarizeHeldUp } from './held-up-format';
import { getHeldUpOrderRowId, heldUpOrderColumns, heldUpOrderDefaultColDef, heldUpOrderRowClassRules } from './held-up-order-columns';
import { csvFileName } from './impact-format';

/** Room for the order over its item, and for the small buttons and selects. */
const rowHeight = 46;
const headerHeight = 34;
const heldUpGridTheme = appGridTheme.withParams({ rowHeight, headerHeight });
/** The grid shows this many rows before it scrolls: the responses below stay in reach. */
const rowsInSight = 7;
const localeText = { noRowsToShow: 'The stoppage holds up no production order' };
const selectHeldUpOrders = (state: ImpactState) => state.heldUpOrdersById;

export function HeldUpOrdersGrid({ exception, stoppage }: { exception: ExceptionRow; stoppage: LineStopDetail }) {
  const { gridApi, onGridReady } = useRowTransactions(useImpactStore, selectHeldUpOrders);
  const rowCount = useImpactStore((state) => Object.keys(state.heldUpOrdersById).length);
  const disabledReason = useRerouteDisabledReason();
  const summary = summarizeHeldUp(stoppage.orders);
  const fileName = csvFileName('held-up-orders', stoppage.stoppageId);
  const exportCsv = useCallback(() => gridApi.current?.exportDataAsCsv(csvExportParams(fileName, { allColumns: true })), [gridApi, fileName]);
  const height = headerHeight + Math.min(Math.max(rowCount, 2), rowsInSight) * rowHeight + 2;

  return (
    <section className="held-up-orders" data-testid="held-up-orders" data-row-count={rowCount} aria-labelledby="held-up-orders-title">
      <header className="impacted-orders__header">
        <h3 id="held-up-orders-title">Held-up orders</h3>
        <span className="impacted-orders__summary" data-testid="held-up-summary">
          {describeHeldUpSummary(summary)}
          {exception.status === 'open' && (
            <span className="held-up-orders__hint">{summary.movable > 0 ? ' — reroute what another line can make, then reschedule the rest to the restart' : ' — reschedule them to the restart, or leave them'}</span>
          )}
        </span>
        <button type="button" className="button button--small" onClick={exportCsv} disabled={rowCount === 0} aria-label="Export the held-up orders as CSV" data-testid="export-held-up-orders">
          Export CSV
        </button>
      </header>
      {disabledReason && exception.status === 'open' && (
        <p className="responses-panel__disabled" data-testid="reroute-disabled-reason">
          {disabledReason}
        </p>
      )}
      <div className="held-up-orders__grid" style={{ height }}>
        <AgGridReact<HeldUpOrder>
          {...exportingGridOptions}
          theme={heldUpGridTheme}
          columnDefs={heldUpOrderColumns}
          defaultColDef={heldUpOrderDefaultColDef}
          getRowId={getHeldUpOrderRowId}
          onGridReady={onGridReady}
          localeText={localeText}
          tooltipShowDelay={400}
          animateRows={false}
          rowClassRules={heldUpOrderRowClassRules}
        />
      </div>
    </section>
  );
}
