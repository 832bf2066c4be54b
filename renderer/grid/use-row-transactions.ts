// Feeds an AG Grid from a store's rows-by-id: all rows when the grid is ready, then each change as one
// transaction (add, update, remove by row id), so selection, scroll and sort survive pushed updates.
import type { GridApi, GridReadyEvent } from 'ag-grid-community';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { diffRowsById, isEmptyDelta } from './row-delta';

interface RowStore<State> {
  getState(): State;
  subscribe(listener: (state: State) => void): () => void;
}

export interface RowTransactions<Row> {
  gridApi: RefObject<GridApi<Row> | null>;
  onGridReady(event: GridReadyEvent<Row>): void;
}

/** `selectRows` must be stable (defined outside the component): it is read on every store change. */
export function useRowTransactions<State, Row>(store: RowStore<State>, selectRows: (state: State) => Readonly<Record<string, Row>>): RowTransactions<Row> {
  const gridApi = useRef<GridApi<Row> | null>(null);
  const shownRows = useRef<Readonly<Record<string, Row>>>({});

  const showChanges = useCallback((rowsById: Readonly<Record<string, Row>>) => {
    const api = gridApi.current;
    if (!api || api.isDestroyed()) return;
    const delta = diffRowsById(shownRows.current, rowsById);
    shownRows.current = rowsById;
    if (!isEmptyDelta(delta)) api.applyTransaction(delta);
  }, []);

  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      gridApi.current = event.api;
      // A new grid (a remount) starts empty, whatever an earlier one was shown.
      shownRows.current = {};
      showChanges(selectRows(store.getState()));
    },
    [showChanges, store, selectRows],
  );

  useEffect(() => store.subscribe((state) => showChanges(selectRows(state))), [showChanges, store, selectRows]);

  return { gridApi, onGridReady };
}
