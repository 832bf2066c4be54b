// The lots-on-hold grid. It reads rows from the quarantine slice and applies each change as an AG Grid
// transaction (add or update by lotId), so selection, scroll and sort survive pushed updates.
import type { GridApi, GridReadyEvent, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useRef } from 'react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { appGridTheme } from '../../grid/grid-theme';
import { diffRowsById, isEmptyDelta } from '../../grid/row-delta';
import { useQuarantineStore, type RowsById } from '../../state/quarantine-slice';
import { getQuarantineRowId, quarantineColumns, quarantineDefaultColDef } from './quarantine-columns';

const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const localeText = { noRowsToShow: 'No lots on hold' };
const ageRefreshMs = 60_000;
/** A red edge on conflicts, so they stand out in a long list. */
const rowClassRules = {
  'row--conflict': (params: { data?: QuarantineRow }) => params.data?.taskState === 'conflict',
};

/**
 * Columns hidden while the disposition panel takes the room, so lot, item, defect, age and state stay
 * readable at 1440 px: the panel shows these for the selected lot, and the state pill's tooltip names
 * each row's decision.
 */
const columnsShownInPanel = ['plant', 'stockType', 'decision'];

export function QuarantineGrid({ quickFilter, panelOpen }: { quickFilter: string; panelOpen: boolean }) {
  const gridApi = useRef<GridApi<QuarantineRow> | null>(null);
  const shownRows = useRef<RowsById>({});
  const loaded = useQuarantineStore((state) => state.loaded);
  const selectedLotId = useQuarantineStore((state) => state.selectedLotId);
  const select = useQuarantineStore((state) => state.select);

  const showChanges = useCallback((rowsById: RowsById) => {
    const api = gridApi.current;
    if (!api) return;
    const delta = diffRowsById(shownRows.current, rowsById);
    shownRows.current = rowsById;
    if (!isEmptyDelta(delta)) api.applyTransaction(delta);
  }, []);

  const onGridReady = useCallback(
    (event: GridReadyEvent<QuarantineRow>) => {
      gridApi.current = event.api;
      showChanges(useQuarantineStore.getState().rowsById);
    },
    [showChanges],
  );

  useEffect(() => useQuarantineStore.subscribe((state) => showChanges(state.rowsById)), [showChanges]);

  // Ages are computed from the clock: redraw that column now and then.
  useEffect(() => {
    const timer = setInterval(() => gridApi.current?.refreshCells({ columns: ['age'], force: true }), ageRefreshMs);
    return () => clearInterval(timer);
  }, []);

  // Keep the grid's selection in step when the panel closes or another view selects a lot.
  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    const selected = api.getSelectedRows()[0]?.lotId ?? null;
    if (selected === selectedLotId) return;
    if (selectedLotId === null) api.deselectAll();
    else api.getRowNode(selectedLotId)?.setSelected(true, true);
  }, [selectedLotId]);

  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    api.setColumnsVisible(columnsShownInPanel, !panelOpen);
    const selected = api.getSelectedNodes()[0];
    if (selected) api.ensureNodeVisible(selected);
  }, [panelOpen]);

  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<QuarantineRow>) => {
      const selected = event.api.getSelectedRows()[0]?.lotId ?? null;
      if (selected !== useQuarantineStore.getState().selectedLotId) select(selected);
    },
    [select],
  );

  return (
    <div className="quarantine-grid" data-testid="quarantine-grid">
      <AgGridReact<QuarantineRow>
        theme={appGridTheme}
        columnDefs={quarantineColumns}
        defaultColDef={quarantineDefaultColDef}
        getRowId={getQuarantineRowId}
        rowSelection={rowSelection}
        onGridReady={onGridReady}
        onSelectionChanged={onSelectionChanged}
        quickFilterText={quickFilter}
        loading={!loaded}
        localeText={localeText}
        tooltipShowDelay={400}
        animateRows={false}
        rowClassRules={rowClassRules}
      />
    </div>
  );
}
