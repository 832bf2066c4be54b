// The rebalancing grid: rows from the slice as AG Grid transactions; open proposals can be selected
// (checkboxes) for Accept selected / Reject selected. The sort by status (see compareProposals) holds
// through pushed changes: AG Grid sorts each transaction's rows into place.
import type { GridApi, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { RefObject } from 'react';
import type { RebalancingProposal } from '../../../shared/api/rebalancing';
import { appGridTheme } from '../../grid/grid-theme';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { useRebalancingStore, type RebalancingState } from '../../state/rebalancing-slice';
import { getProposalRowId, proposalColumns, proposalDefaultColDef } from './rebalancing-columns';

const selectRows = (state: RebalancingState) => state.rowsById;
const rowSelection = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false, isRowSelectable: (node: { data?: RebalancingProposal }) => node.data?.status === 'proposed' } as const;

interface RebalancingGridProps {
  apiRef: RefObject<GridApi<RebalancingProposal> | null>;
  onSelected(ids: string[]): void;
  emptyText: string;
  /** The view's search: rows with any column containing every word typed. */
  quickFilter: string;
}

export function RebalancingGrid({ apiRef, onSelected, emptyText, quickFilter }: RebalancingGridProps) {
  const { onGridReady } = useRowTransactions(useRebalancingStore, selectRows);
  const loaded = useRebalancingStore((state) => state.loaded);
  return (
    <div className="rebalancing-grid" data-testid="rebalancing-grid">
      <AgGridReact<RebalancingProposal>
        theme={appGridTheme}
        columnDefs={proposalColumns}
        defaultColDef={proposalDefaultColDef}
        getRowId={getProposalRowId}
        rowSelection={rowSelection}
        animateRows={false}
        quickFilterText={quickFilter}
        onGridReady={(event) => {
          apiRef.current = event.api;
          onGridReady(event);
        }}
        onSelectionChanged={(event: SelectionChangedEvent<RebalancingProposal>) => onSelected(event.api.getSelectedRows().filter((row) => row.status === 'proposed').map((row) => row.id))}
        loading={!loaded}
        overlayNoRowsTemplate={emptyText}
      />
    </div>
  );
}
