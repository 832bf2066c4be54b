// One grid of the orders the selected exception makes later, with its title, count and CSV export.
// Rows come from the impact slice by id and arrive as transactions, like the exceptions grid's.
import type { ColDef, GetRowIdFunc } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, type ReactNode } from 'react';
import { csvExportParams, exportingGridOptions } from '../../grid/csv-export';
import { appGridTheme } from '../../grid/grid-theme';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { useImpactStore, type ImpactState } from '../../state/impact-slice';
import { impactedOrderDefaultColDef, impactedOrderRowClassRules } from './impacted-order-columns';

/** Denser than the exceptions grid, one line per order: more orders in sight in half the height. */
const detailGridTheme = appGridTheme.withParams({ rowHeight: 36, headerHeight: 34 });

interface ImpactedOrdersGridProps<Row extends { id: string; unfulfilled: boolean }> {
  title: string;
  /** Beside the title: counts and amounts. */
  summary: ReactNode;
  testId: string;
  exportTestId: string;
  /** For screen readers: the three export buttons read the same on screen. */
  exportLabel: string;
  csvFileName: string;
  columns: ColDef<Row>[];
  getRowId: GetRowIdFunc<Row>;
  selectRows: (state: ImpactState) => Readonly<Record<string, Row>>;
  rowCount: number;
  emptyText: string;
}

export function ImpactedOrdersGrid<Row extends { id: string; unfulfilled: boolean }>(props: ImpactedOrdersGridProps<Row>) {
  const { selectRows, csvFileName } = props;
  const { gridApi, onGridReady } = useRowTransactions(useImpactStore, selectRows);
  const loading = useImpactStore((state) => state.detailLoading && state.detail === null);
  const localeText = useMemo(() => ({ noRowsToShow: props.emptyText }), [props.emptyText]);
  const titleId = `${props.testId}-title`;

  // With the hidden columns: whether an order lost its supply is a column of its own there.
  const exportCsv = useCallback(() => gridApi.current?.exportDataAsCsv(csvExportParams(csvFileName, { allColumns: true })), [gridApi, csvFileName]);

  return (
    <section className="impacted-orders" data-testid={props.testId} data-row-count={props.rowCount} aria-labelledby={titleId}>
      <header className="impacted-orders__header">
        <h3 id={titleId}>{props.title}</h3>
        <span className="impacted-orders__summary">{props.summary}</span>
        <button
          type="button"
          className="button button--small"
          onClick={exportCsv}
          disabled={props.rowCount === 0}
          aria-label={props.exportLabel}
          data-testid={props.exportTestId}
        >
          Export CSV
        </button>
      </header>
      <div className="order-impact-grid">
        <AgGridReact<Row>
          {...exportingGridOptions}
          theme={detailGridTheme}
          columnDefs={props.columns}
          defaultColDef={impactedOrderDefaultColDef}
          getRowId={props.getRowId}
          onGridReady={onGridReady}
          loading={loading}
          localeText={localeText}
          tooltipShowDelay={400}
          animateRows={false}
          rowClassRules={impactedOrderRowClassRules}
        />
      </div>
    </section>
  );
}
