// The exceptions grid. It reads rows from the impact slice and applies each change as an AG Grid
// transaction (add or update by exception id), so selection, scroll and sort survive pushed updates.
import type { GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { RefObject } from 'react';
import type { ExceptionRow } from '../../../shared/api/impact';
import { appGridTheme } from '../../grid/grid-theme';
import { selectableGridProps, useGridSelection } from '../../grid/use-grid-selection';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { useImpactStore, type ImpactState } from '../../state/impact-slice';
import { exceptionColumns, exceptionDefaultColDef, getExceptionRowId } from './exception-columns';
import { exportingGridOptions } from '../../grid/csv-export';

/** A little denser than the app's default: the grid shares the height with the selected exception's orders. */
const exceptionsGridTheme = appGridTheme.withParams({ rowHeight: 48 });
const localeText = { noRowsToShow: 'No exceptions: no supplier delay, blocked lot or line stoppage has been reported' };
const selectExceptions = (state: ImpactState) => state.exceptionsById;
const rowId = (row: ExceptionRow) => row.id;
const currentSelectedId = () => useImpactStore.getState().selectedExceptionId;
/** Open exceptions carry an accent edge: they wait for a planner. */
const rowClassRules = {
  'row--open': (params: { data?: ExceptionRow }) => params.data?.status === 'open',
};

export function ExceptionsGrid({ apiRef, detailOpen, quickFilter }: { apiRef: RefObject<GridApi<ExceptionRow> | null>; detailOpen: boolean; quickFilter: string }) {
  const { gridApi, onGridReady } = useRowTransactions(useImpactStore, selectExceptions);
  const loaded = useImpactStore((state) => state.loaded);
  const selectedId = useImpactStore((state) => state.selectedExceptionId);
  const select = useImpactStore((state) => state.select);
  // The grid gets shorter when the detail opens: the selection keeps the selected exception in sight.
  const { onSelectionChanged, onGridReady: onReady } = useGridSelection({ gridApi, selectedId, currentSelectedId, select, rowId, panelOpen: detailOpen, feedReady: onGridReady, apiRef });

  return (
    <div className="order-impact-grid" data-testid="exceptions-grid">
      <AgGridReact<ExceptionRow>
        {...exportingGridOptions}
        {...selectableGridProps}
        theme={exceptionsGridTheme}
        columnDefs={exceptionColumns}
        defaultColDef={exceptionDefaultColDef}
        getRowId={getExceptionRowId}
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
