// Feeds an AG Grid from a store's rows-by-id: all rows when the grid is ready, then the changes as
// transactions (add, update, remove by row id), at most one per animation frame, so selection,
// scroll and sort survive pushed updates and a burst of them costs one grid refresh.
import type { GridApi, GridReadyEvent } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { createRowTransactionBatch } from './row-transaction-batch';

interface RowStore<State> {
  getState(): State;
  subscribe(listener: (state: State) => void): () => void;
}

export interface RowTransactions<Row> {
  gridApi: RefObject<GridApi<Row> | null>;
  onGridReady(event: GridReadyEvent<Row>): void;
}

const liveApi = <Row>(api: GridApi<Row> | null): GridApi<Row> | null => (api && !api.isDestroyed() ? api : null);

/** `selectRows` must be stable (defined outside the component): it is read on every store change. */
export function useRowTransactions<State, Row>(store: RowStore<State>, selectRows: (state: State) => Readonly<Record<string, Row>>): RowTransactions<Row> {
  const gridApi = useRef<GridApi<Row> | null>(null);
  const [batch] = useState(() =>
    createRowTransactionBatch<Row>((delta) => {
      const api = liveApi(gridApi.current);
      api?.applyTransaction(delta);
      return api !== null;
    }),
  );

  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      gridApi.current = event.api;
      // A new grid (a remount) starts empty, whatever an earlier one was shown.
      batch.showNow(selectRows(store.getState()));
    },
    [batch, store, selectRows],
  );

  useEffect(() => {
    const stop = store.subscribe((state) => {
      if (liveApi(gridApi.current)) batch.changed(selectRows(state));
    });
    return () => {
      stop();
      batch.cancel();
    };
  }, [batch, store, selectRows]);

  return { gridApi, onGridReady };
}
