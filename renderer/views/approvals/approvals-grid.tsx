// The approvals grid. It reads rows from the approvals slice and applies each change as an AG Grid
// transaction (add or update by approval id), so selection, scroll and sort survive pushed updates.
import type { GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { RefObject } from 'react';
import type { ApprovalRow } from '../../../shared/api/approvals';
import { appGridTheme } from '../../grid/grid-theme';
import { selectableGridProps, useClockColumn, useGridSelection } from '../../grid/use-grid-selection';
import { useCurrencyRefresh } from '../../grid/use-currency-refresh';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { isAwaitingDecision, useApprovalsStore, type ApprovalsState } from '../../state/approvals-slice';
import { approvalColumns, approvalColumnsShownInPanel, approvalDefaultColDef, getApprovalRowId } from './approval-columns';
import { exportingGridOptions } from '../../grid/csv-export';

const localeText = { noRowsToShow: 'No approval requests: nothing waits for a supervisor' };
const selectApprovals = (state: ApprovalsState) => state.rowsById;
const rowId = (row: ApprovalRow) => row.id;
const currentSelectedId = () => useApprovalsStore.getState().selectedApprovalId;
/** An accent edge on requests waiting for a decision, a red one on conflicts, a red tint on escalated ones. */
const rowClassRules = {
  'approval-row--awaiting': (params: { data?: ApprovalRow }) => params.data !== undefined && isAwaitingDecision(params.data) && params.data.refusedUpstream === null,
  'approval-row--conflict': (params: { data?: ApprovalRow }) => (params.data?.refusedUpstream ?? null) !== null,
  'approval-row--escalated': (params: { data?: ApprovalRow }) => params.data?.status === 'pending' && params.data.escalatedAt !== null,
};

export function ApprovalsGrid({ apiRef, panelOpen }: { apiRef: RefObject<GridApi<ApprovalRow> | null>; panelOpen: boolean }) {
  const { gridApi, onGridReady } = useRowTransactions(useApprovalsStore, selectApprovals);
  const loaded = useApprovalsStore((state) => state.loaded);
  const selectedId = useApprovalsStore((state) => state.selectedApprovalId);
  const select = useApprovalsStore((state) => state.select);
  const { onSelectionChanged, onGridReady: onReady } = useGridSelection({
    gridApi,
    selectedId,
    currentSelectedId,
    select,
    rowId,
    panelOpen,
    hiddenWhilePanelOpen: approvalColumnsShownInPanel,
    feedReady: onGridReady,
    apiRef,
  });
  // Due times are counted from the clock; values are in the currency, once the core said it.
  useClockColumn(gridApi, 'due');
  useCurrencyRefresh(gridApi);

  return (
    <div className="approvals-grid" data-testid="approvals-grid">
      <AgGridReact<ApprovalRow>
        {...exportingGridOptions}
        {...selectableGridProps}
        theme={appGridTheme}
        columnDefs={approvalColumns}
        defaultColDef={approvalDefaultColDef}
        getRowId={getApprovalRowId}
        onGridReady={onReady}
        onSelectionChanged={onSelectionChanged}
        loading={!loaded}
        localeText={localeText}
        rowClassRules={rowClassRules}
      />
    </div>
  );
}
