// The lots-on-hold grid. It reads rows from the quarantine slice and applies each change as an AG Grid
// transaction (add or update by lotId), so selection, scroll and sort survive pushed updates. The
// filter bar's filters are an external filter over the same rows: changing one re-filters, never
// re-sets the row data. Keyboard: arrow keys move between rows, Enter opens the lot's panel.
import type { CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi, GridReadyEvent, IRowNode, ModelUpdatedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useRef } from 'react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import type { UiDensity } from '../../../shared/api/session';
import { useDensity } from '../../app/use-density';
import { gridThemeFor } from '../../grid/grid-theme';
import { selectableGridProps, useClockColumn, useGridSelection } from '../../grid/use-grid-selection';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { isFiltering, lotMatchesFilters } from '../../state/quarantine-filters';
import { useQuarantineStore, type QuarantineState } from '../../state/quarantine-slice';
import { fixedColumnWidths, getQuarantineRowId, quarantineColumns, quarantineColumnsShownInPanel, quarantineDefaultColDef, touchColumnsShownInPanel } from './quarantine-columns';

const localeText = { noRowsToShow: 'No lots on hold' };
const selectLots = (state: QuarantineState) => state.rowsById;
const rowId = (row: QuarantineRow) => row.lotId;
const currentSelectedId = () => useQuarantineStore.getState().selectedLotId;
/** A red edge on conflicts, so they stand out in a long list; a tinted row for an escalated one still undecided. */
const rowClassRules = {
  'row--conflict': (params: { data?: QuarantineRow }) => params.data?.taskState === 'conflict',
  'row--escalated': (params: { data?: QuarantineRow }) => params.data !== undefined && params.data.escalatedAt !== null && params.data.taskState !== 'decided',
};

// Read from the store when AG Grid asks, so the callbacks stay the same and changing a filter costs one re-filter.
const isExternalFilterPresent = () => isFiltering(useQuarantineStore.getState().filters);
const doesExternalFilterPass = (node: IRowNode<QuarantineRow>) => node.data !== undefined && lotMatchesFilters(node.data, useQuarantineStore.getState().filters, Date.now());

/** The density's row heights and column widths; in touch, beside the panel, fewer columns. */
function applyDensity(api: GridApi<QuarantineRow>, density: UiDensity, panelOpen: boolean): void {
  api.resetRowHeights();
  api.applyColumnState({ state: Object.entries(fixedColumnWidths[density]).map(([colId, width]) => ({ colId, width })) });
  api.setColumnsVisible(touchColumnsShownInPanel, !(panelOpen && density === 'touch'));
}

function openOnEnter(event: CellKeyDownEvent<QuarantineRow> | FullWidthCellKeyDownEvent<QuarantineRow>) {
  const key = (event.event as KeyboardEvent | null | undefined)?.key;
  if (key === 'Enter' && event.node.data) event.node.setSelected(true, true);
}

interface QuarantineGridProps {
  quickFilter: string;
  panelOpen: boolean;
  /** How many lots the filters and the search leave shown. */
  onShownCountChange(count: number): void;
}

export function QuarantineGrid({ quickFilter, panelOpen, onShownCountChange }: QuarantineGridProps) {
  const { gridApi, onGridReady } = useRowTransactions(useQuarantineStore, selectLots);
  const loaded = useQuarantineStore((state) => state.loaded);
  const selectedId = useQuarantineStore((state) => state.selectedLotId);
  const filters = useQuarantineStore((state) => state.filters);
  const select = useQuarantineStore((state) => state.select);
  const density = useDensity();
  const densityNow = useRef(density);
  densityNow.current = density;

  // Before the selection's effect below: a scan that cleared a filter selects a row that must be shown first.
  useEffect(() => {
    gridApi.current?.onFilterChanged();
  }, [gridApi, filters]);

  const { onSelectionChanged, onGridReady: onReady } = useGridSelection({
    gridApi,
    selectedId,
    currentSelectedId,
    select,
    rowId,
    panelOpen,
    hiddenWhilePanelOpen: quarantineColumnsShownInPanel,
    feedReady: useCallback(
      (event: GridReadyEvent<QuarantineRow>) => {
        onGridReady(event);
        // A grid mounted in touch density, maybe with the panel already open (back from another view).
        applyDensity(event.api, densityNow.current, currentSelectedId() !== null);
      },
      [onGridReady],
    ),
  });
  // Ages are computed from the clock.
  useClockColumn(gridApi, 'age');
  // An age filter admits more lots as time passes.
  useEffect(() => {
    if (filters.age === 'any') return;
    const timer = setInterval(() => gridApi.current?.onFilterChanged(), 60_000);
    return () => clearInterval(timer);
  }, [gridApi, filters.age]);

  // Row heights follow the density's theme (rows already drawn are measured again); touch's larger type
  // needs wider columns, and fewer of them beside the panel.
  useEffect(() => {
    if (gridApi.current) applyDensity(gridApi.current, density, panelOpen);
  }, [gridApi, density, panelOpen]);

  const onCellKeyDown = useCallback(openOnEnter, []);
  const onModelUpdated = useCallback((event: ModelUpdatedEvent<QuarantineRow>) => onShownCountChange(event.api.getDisplayedRowCount()), [onShownCountChange]);

  return (
    <div className="quarantine-grid" data-testid="quarantine-grid">
      <AgGridReact<QuarantineRow>
        {...selectableGridProps}
        theme={gridThemeFor(density)}
        columnDefs={quarantineColumns}
        defaultColDef={quarantineDefaultColDef}
        getRowId={getQuarantineRowId}
        onGridReady={onReady}
        onSelectionChanged={onSelectionChanged}
        onCellKeyDown={onCellKeyDown}
        onModelUpdated={onModelUpdated}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        quickFilterText={quickFilter}
        loading={!loaded}
        localeText={localeText}
        rowClassRules={rowClassRules}
      />
    </div>
  );
}
