// Money columns read the company currency when they draw: a grid that drew its rows before the core
// said the currency ("value 1,268") draws them again once it is known ("value EUR 1,268").
import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import { useMasterStore } from '../state/master-slice';

export function useCurrencyRefresh<Row>(gridApi: RefObject<GridApi<Row> | null>): void {
  const currency = useMasterStore((state) => state.currency);
  useEffect(() => {
    if (currency !== null) gridApi.current?.refreshCells({ force: true });
  }, [gridApi, currency]);
}
