// The approvals grid. It reads rows from the approvals slice and applies each change as an AG Grid
// transaction (add or update by approval id), so selection, scroll and sort survive pushed updates.
import type { GridApi, GridReadyEvent, SelectionChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, type RefObject } from 'react';
import type { ApprovalRow } from '../../../shared/api/approvals';
import { appGridTheme } from '../../grid/grid-theme';
import { useRowTransactions } from '../../grid/use-row-transactions';
import { isAwaitingDecision, useApprovalsStore, type ApprovalsState } from '../../state/approvals-slice';
import { approvalColumns, approvalColumnsShownInPanel, approvalDefaultColDef, getApprovalRowId } from './approval-columns';

const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const localeText = { noRowsToShow: 'No approval requests: nothing waits for a supervisor' };
const selectApprovals = (state: ApprovalsState) => state.rowsById;
/** An accent edge on requests waiting for a decision, a red one on conflicts. */
const rowClassRules = {
  'approval-row--awaiting': (params: { data?: ApprovalRow }) => params.data !== undefined && isAwaitingDecision(params.data) && params.data.refusedUpstream === null,
  'approval-row--conflict': (params: { data?: ApprovalRow }) => (params.data?.refusedUpstream ?? null) !== null,
};

export function ApprovalsGrid({ apiRef, panelOpen }: { apiRef: RefObject<GridApi<ApprovalRow> | null>; panelOpen: boolean }) {
  const { gridApi, onGridReady } = useRowTransactions(useApprovalsStore, selectApprovals);
  const loaded = useApprovalsStore((state) => state.loaded);
  const selectedApprovalId = useApprovalsStore((state) => state.selectedApprovalId);
  const select = useApprovalsStore((state) => state.select);

  const onReady = useCallback(
    (event: GridReadyEvent<ApprovalRow>) => {
      apiRef.current = event.api;
      onGridReady(event);
      // Back from another view: the selection lives on in the slice, the new grid has to show it.
      const selectedId = useApprovalsStore.getState().selectedApprovalId;
      if (selectedId !== null) event.api.getRowNode(selectedId)?.setSelected(true, true);
      event.api.setColumnsVisible(approvalColumnsShownInPanel, selectedId === null);
    },
    [apiRef, onGridReady],
  );

  // Keep the grid's selection in step when the panel closes.
  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    const selected = api.getSelectedRows()[0]?.id ?? null;
    if (selected === selectedApprovalId) return;
    if (selectedApprovalId === null) api.deselectAll();
    else api.getRowNode(selectedApprovalId)?.setSelected(true, true);
  }, [gridApi, selectedApprovalId]);

  useEffect(() => {
    const api = gridApi.current;
    if (!api) return;
    api.setColumnsVisible(approvalColumnsShownInPanel, !panelOpen);
    const selected = api.getSelectedNodes()[0];
    if (selected) api.ensureNodeVisible(selected);
  }, [gridApi, panelOpen]);

  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<ApprovalRow>) => {
      const selected = event.api.getSelectedRows()[0]?.id ?? null;
      if (selected !== useApprovalsStore.getState().selectedApprovalId) select(selected);
    },
    [select],
  );

  return (
    <div className="approvals-grid" data-testid="approvals-grid">
      <AgGridReact<ApprovalRow>
        theme={appGridTheme}
        columnDefs={approvalColumns}
        defaultColDef={approvalDefaultColDef}
        getRowId={getApprovalRowId}
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
