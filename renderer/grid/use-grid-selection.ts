// A single-row selection shared by a grid and its slice: a click selects in the slice, the slice's
// selection (set elsewhere, or kept while another view was open) shows in the grid, and the selected
// row stays in sight when a side panel takes room and some columns step aside. Also: columns drawn
// from the clock, redrawn now and then.
import type { GridApi, GridReadyEvent, SelectionChangedEvent } from 'ag-grid-community';
import { useCallback, useEffect, type RefObject } from 'react';

/** The props every selectable grid of the app passes to AgGridReact. */
export const selectableGridProps = {
  rowSelection: { mode: 'singleRow', checkboxes: false, enableClickSelection: true },
  tooltipShowDelay: 400,
  animateRows: false,
  // Columns step aside at once when a panel opens: no half-moved header to read (or to screenshot).
  suppressColumnMoveAnimation: true,
} as const;

export interface GridSelectionOptions<Row> {
  gridApi: RefObject<GridApi<Row> | null>;
  /** The slice's selected row id. */
  selectedId: string | null;
  /** Reads the slice's selected id now (not the rendered one): stable. */
  currentSelectedId: () => string | null;
  select: (id: string | null) => void;
  rowId: (row: Row) => string;
  /** Whether the side panel is open: columns in `hiddenWhilePanelOpen` step aside meanwhile. */
  panelOpen: boolean;
  hiddenWhilePanelOpen?: readonly string[];
  /** The row feed's onGridReady (useRowTransactions), run before the kept selection is shown. */
  feedReady: (event: GridReadyEvent<Row>) => void;
  /** Where the view keeps the grid's API (for its CSV export), when it does. */
  apiRef?: RefObject<GridApi<Row> | null>;
}

export function useGridSelection<Row>(options: GridSelectionOptions<Row>) {
  const { gridApi, selectedId, currentSelectedId, select, rowId, panelOpen, hiddenWhilePanelOpen, feedReady, apiRef } = options;

  // The slice's selection changed (the panel closed, another view selected a row): show it.
  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    const selected = api.getSelectedRows()[0];
    if ((selected === undefined ? null : rowId(selected)) === selectedId) return;
    if (selectedId === null) {
      api.deselectAll();
      return;
    }
    // Selected elsewhere (a scanned lot, another view): the row comes into sight too.
    const node = api.getRowNode(selectedId);
    node?.setSelected(true, true);
    if (node?.displayed) api.ensureNodeVisible(node, 'middle');
  }, [gridApi, selectedId, rowId]);

  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    if (hiddenWhilePanelOpen) api.setColumnsVisible([...hiddenWhilePanelOpen], !panelOpen);
    const selected = api.getSelectedNodes()[0];
    if (selected) api.ensureNodeVisible(selected);
  }, [gridApi, panelOpen, hiddenWhilePanelOpen]);

  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<Row>) => {
      const selected = event.api.getSelectedRows()[0];
      const id = selected === undefined ? null : rowId(selected);
      if (id !== currentSelectedId()) select(id);
    },
    [currentSelectedId, select, rowId],
  );

  /** The grid's onGridReady: rows first, then the selection the slice kept (back from another view). */
  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      if (apiRef) apiRef.current = event.api;
      feedReady(event);
      const id = currentSelectedId();
      if (id !== null) event.api.getRowNode(id)?.setSelected(true, true);
      if (hiddenWhilePanelOpen) event.api.setColumnsVisible([...hiddenWhilePanelOpen], id === null);
    },
    [apiRef, feedReady, currentSelectedId, hiddenWhilePanelOpen],
  );

  return { onSelectionChanged, onGridReady };
}

/** Redraws a column computed from the clock (an age, a due time) now and then. */
export function useClockColumn<Row>(gridApi: RefObject<GridApi<Row> | null>, colId: string, everyMs = 60_000): void {
  useEffect(() => {
    const timer = setInterval(() => gridApi.current?.refreshCells({ columns: [colId], force: true }), everyMs);
    return () => clearInterval(timer);
  }, [gridApi, colId, everyMs]);
}
