// A single-row selection shared by a grid and its slice: a click selects in the slice, the slice's
// selection (set elsewhere, or kept while another view was open) shows in the grid, and the selected
// row stays in sight when a side panel takes room and some columns step aside.
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
}

export function useGridSelection<Row>(options: GridSelectionOptions<Row>) {
  const { gridApi, selectedId, currentSelectedId, select, rowId, panelOpen, hiddenWhilePanelOpen } = options;

  // The slice's selection changed (the panel closed, another view selected a row): show it.
  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    const selected = api.getSelectedRows()[0];
    if ((selected === undefined ? null : rowId(selected)) === selectedId) return;
    if (selectedId === null) api.deselectAll();
    else api.getRowNode(selectedId)?.setSelected(true, true);
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

  /** For onGridReady: a new grid (back from another view) shows the selection the slice kept. */
  const showKeptSelection = useCallback(
    (event: GridReadyEvent<Row>) => {
      const id = currentSelectedId();
      if (id !== null) event.api.getRowNode(id)?.setSelected(true, true);
      if (hiddenWhilePanelOpen) event.api.setColumnsVisible([...hiddenWhilePanelOpen], id === null);
    },
    [currentSelectedId, hiddenWhilePanelOpen],
  );

  return { onSelectionChanged, showKeptSelection };
}
