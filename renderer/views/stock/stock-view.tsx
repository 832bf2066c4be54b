// The Stock/requirements view (SAP's MD04 with MD09's pegging): an item at a plant as the plan has it,
// stock by stock type and its lots above the time-phased list of receipts and requirements with the
// running available quantity; a chosen row's pegging beside it; a late order's chain above it. The
// list asks again whenever the plan changes, and the grid takes the rows that changed as a transaction.
import './stock.css';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo } from 'react';
import { stockTypes } from '../../../shared/domain';
import { stockTypeLabels } from '../../format/labels';
import { formatCount, formatQuantity } from '../../format/numbers';
import { formatPlanDate } from '../../format/time';
import { appGridTheme } from '../../grid/grid-theme';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { followPlanChanges } from '../../state/stock-actions';
import { useStockStore, type StockGridRow, type StockState } from '../../state/stock-slice';
import { LateExplanationCard } from './late-explanation';
import { PeggingPanel } from './pegging-panel';
import { getStockRowId, stockColumns, stockDefaultColDef, stockRowClassRules } from './stock-columns';
import { StockSearch } from './stock-search';

const localeText = { noRowsToShow: 'No receipt or requirement of this item at this plant' };
const selectRows = (state: StockState) => state.rows;

export function StockView() {
  const list = useStockStore((state) => state.list);
  const rows = useStockStore((state) => state.rows);
  const target = useStockStore((state) => state.target);
  const loading = useStockStore((state) => state.loading);
  const error = useStockStore((state) => state.error);
  const selectedId = useStockStore((state) => state.selectedId);
  const explanation = useStockStore((state) => state.explanation);
  // A reload reaches the grid as the rows that changed: selection and scroll stay where they were.
  const { gridApi, onGridReady } = useRowTransactions(useStockStore, selectRows);
  const unit = list?.unit ?? '';
  const selected = selectedId ? rows[selectedId] : undefined;
  const panelOpen = selected !== undefined;
  const columns = useMemo(() => stockColumns(unit, panelOpen), [unit, panelOpen]);

  useEffect(followPlanChanges, []);
  // A row chosen from outside the grid (a chain step opened the list at it) is shown chosen and in sight.
  const showSelected = useCallback(() => {
    const id = useStockStore.getState().selectedId;
    const node = id ? gridApi.current?.getRowNode(id) : undefined;
    if (!node || node.isSelected()) return;
    node.setSelected(true, true);
    gridApi.current?.ensureNodeVisible(node, 'middle');
  }, [gridApi]);
  useEffect(showSelected, [selectedId, showSelected]);

  const shortDays = useMemo(() => new Set(Object.values(rows).filter((row) => row.short).map((row) => row.date)).size, [rows]);
  const safetyDays = useMemo(() => new Set(Object.values(rows).filter((row) => row.belowSafetyStock).map((row) => row.date)).size, [rows]);

  return (
    <section className="view stock-view" aria-labelledby="stock-title">
      <header className="view-header">
        <div>
          <h1 id="stock-title">Stock/requirements</h1>
          <p className="view-header__summary" data-testid="stock-summary">
            {!target ? (
              'Find an item, or open one from an order, a lot or an exception.'
            ) : !list ? (
              loading ? `Reading ${target.itemId} at ${target.plant}…` : `The plan has nothing of ${target.itemId} at ${target.plant}.`
            ) : (
              <>
                <strong>
                  {list.itemId} — {list.description}
                </strong>{' '}
                at {list.plant} · {formatCount(list.rows.length, 'row')} from {formatPlanDate(list.today)}
                {shortDays > 0 ? <span className="text-danger"> · short on {formatCount(shortDays, 'day')}</span> : ' · never short'}
                {safetyDays > 0 && <> · into the safety stock on {formatCount(safetyDays, 'day')}</>}
              </>
            )}
          </p>
        </div>
        <StockSearch />
      </header>
      {error && (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      )}
      {explanation && <LateExplanationCard explanation={explanation} />}
      {list && (
        <div className="stock-types" data-testid="stock-types">
          {stockTypes.map((type) => (
            <span key={type} className={`stock-type${list.stock[type] > 0 ? '' : ' stock-type--none'}`} data-testid={`stock-type-${type}`}>
              <span className="stock-type__label">{stockTypeLabels[type]}</span> {formatQuantity(list.stock[type], unit)}
            </span>
          ))}
          <span className="stock-type" data-testid="safety-stock">
            <span className="stock-type__label">Safety stock</span> {formatQuantity(list.safetyStock, unit)}
          </span>
          {list.lots.length > 0 && (
            <span className="stock-types__lots" title={list.lots.map((lot) => `${lot.lotId}: ${formatQuantity(lot.quantity, unit)} ${stockTypeLabels[lot.stockType].toLowerCase()}`).join('\n')}>
              {formatCount(list.lots.length, 'lot')}: {list.lots.slice(0, 4).map((lot) => `${lot.lotId} (${stockTypeLabels[lot.stockType].toLowerCase()})`).join(', ')}
              {list.lots.length > 4 ? ', …' : ''}
            </span>
          )}
        </div>
      )}
      {!target ? (
        <p className="stock-empty">Search an item above, or open one from an order, a lot or an exception. A late order’s id in “Why late?” shows the chain that makes it late.</p>
      ) : (
        <div className={`view__body${selected ? ' view__body--with-panel' : ''}`}>
          <div className="stock-grid" data-testid="stock-grid">
            <AgGridReact<StockGridRow>
              theme={appGridTheme}
              columnDefs={columns}
              defaultColDef={stockDefaultColDef}
              getRowId={getStockRowId}
              rowClassRules={stockRowClassRules}
              rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
              onGridReady={onGridReady}
              onRowDataUpdated={showSelected}
              onRowClicked={({ data }) => data && useStockStore.getState().select(data.id)}
              postSortRows={({ nodes }) => {
                // Always the list's own order (date, receipts before requirements): a transaction's adds land at the end.
                const { positions } = useStockStore.getState();
                nodes.sort((a, b) => (positions[a.id ?? ''] ?? 0) - (positions[b.id ?? ''] ?? 0));
              }}
              loading={loading && !list}
              localeText={localeText}
              enableCellTextSelection
              tooltipShowDelay={400}
            />
          </div>
          {selected && <PeggingPanel row={selected} />}
        </div>
      )}
    </section>
  );
}
