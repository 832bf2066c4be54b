// The lots-on-hold grid. It reads rows from the quarantine slice and applies each change as an AG Grid
// transaction (add or update by lotId), so selection, scroll and sort survive pushed updates.
import { AgGridReact } from 'ag-grid-react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { appGridTheme } from '../../grid/grid-theme';
import { selectableGridProps, useClockColumn, useGridSelection } from '../../grid/use-grid-selection';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { useQuarantineStore, type QuarantineState } from '../../state/quarantine-slice';
import { getQuarantineRowId, quarantineColumns, quarantineDefaultColDef } from './quarantine-columns';

const localeText = { noRowsToShow: 'No lots on hold' };
const selectLots = (state: QuarantineState) => state.rowsById;
const rowId = (row: QuarantineRow) => row.lotId;
const currentSelectedId = () => useQuarantineStore.getState().selectedLotId;
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
  const { gridApi, onGridReady } = useRowTransactions(useQuarantineStore, selectLots);
  const loaded = useQuarantineStore((state) => state.loaded);
  const selectedId = useQuarantineStore((state) => state.selectedLotId);
  const select = useQuarantineStore((state) => state.select);
  const { onSelectionChanged, onGridReady: onReady } = useGridSelection({
    gridApi,
    selectedId,
    currentSelectedId,
    select,
    rowId,
    panelOpen,
    hiddenWhilePanelOpen: columnsShownInPanel,
    feedReady: onGridReady,
  });
  // Ages are computed from the clock.
  useClockColumn(gridApi, 'age');

  return (
    <div className="quarantine-grid" data-testid="quarantine-grid">
      <AgGridReact<QuarantineRow>
        {...selectableGridProps}
        theme={appGridTheme}
        columnDefs={quarantineColumns}
        defaultColDef={quarantineDefaultColDef}
        getRowId={getQuarantineRowId}
        onGridReady={onReady}
        onSelectionChanged={onSelectionChanged}
        quickFilterText={quickFilter}
        loading={!loaded}
        localeText={localeText}
        rowClassRules={rowClassRules}
      />
    </div>
  );
}
