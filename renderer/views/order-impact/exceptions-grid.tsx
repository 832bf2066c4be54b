// The exceptions grid. It reads rows from the impact slice and applies each change as an AG Grid
// transaction (add or update by exception id), so selection, scroll and sort survive pushed updates.
import type { GridApi, GridReadyEvent, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, type RefObject } from 'react';
import type { ExceptionRow } from '../../../shared/api/impact';
import { appGridTheme } from '../../grid/grid-theme';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { useImpactStore, type ImpactState } from '../../state/impact-slice';
import { exceptionColumns, exceptionDefaultColDef, getExceptionRowId } from './exception-columns';

/** A little denser than the app's default: the grid shares the height with the selected exception's orders. */
const exceptionsGridTheme = appGridTheme.withParams({ rowHeight: 48 });
const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const localeText = { noRowsToShow: 'No exceptions: no supplier delay has been reported' };
const selectExceptions = (state: ImpactState) => state.exceptionsById;
/** Open exceptions carry an accent edge: they wait for a planner. */
const rowClassRules = {
  'row--open': (params: { data?: ExceptionRow }) => params.data?.status === 'open',
};

export function ExceptionsGrid({ apiRef, detailOpen }: { apiRef: RefObject<GridApi<ExceptionRow> | null>; detailOpen: boolean }) {
  const { gridApi, onGridReady } = useRowTransactions(useImpactStore, selectExceptions);
  const loaded = useImpactStore((state) => state.loaded);
  const selectedExceptionId = useImpactStore((state) => state.selectedExceptionId);
  const select = useImpactStore((state) => state.select);

  const onReady = useCallback(
    (event: GridReadyEvent<ExceptionRow>) => {
      apiRef.current = event.api;
      onGridReady(event);
      // Back from another view: the selection lives on in the slice, the new grid has to show it.
      const selectedId = useImpactStore.getState().selectedExceptionId;
      if (selectedId !== null) event.api.getRowNode(selectedId)?.setSelected(true, true);
    },
    [apiRef, onGridReady],
  );

  // Keep the grid's selection in step when the detail closes.
  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    const selected = api.getSelectedRows()[0]?.id ?? null;
    if (selected === selectedExceptionId) return;
    if (selectedExceptionId === null) api.deselectAll();
    else api.getRowNode(selectedExceptionId)?.setSelected(true, true);
  }, [gridApi, selectedExceptionId]);

  // The grid gets shorter when the detail opens: keep the selected exception in sight.
  useEffect(() => {
    const selected = gridApi.current?.getSelectedNodes()[0];
    if (selected) gridApi.current?.ensureNodeVisible(selected);
  }, [gridApi, detailOpen]);

  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<ExceptionRow>) => {
      const selected = event.api.getSelectedRows()[0]?.id ?? null;
      if (selected !== useImpactStore.getState().selectedExceptionId) select(selected);
    },
    [select],
  );

  return (
    <div className="order-impact-grid" data-testid="exceptions-grid">
      <AgGridReact<ExceptionRow>
        theme={exceptionsGridTheme}
        columnDefs={exceptionColumns}
        defaultColDef={exceptionDefaultColDef}
        getRowId={getExceptionRowId}
        rowSelection={rowSelection}
        onGridReady={onReady}
        onSelectionChanged={onSelectionChanged}
        loading={!loaded}
        localeText={localeText}
        tooltipShowDelay={400}
        animateRows={false}
        rowClassRules={rowClassRules}
      />
    </div>
  );
}
