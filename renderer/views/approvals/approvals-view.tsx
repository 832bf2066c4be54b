// The Approvals view: requests that policy says a supervisor must approve, in a grid, and the selected
// one's facts and decision beside it.
import './approvals.css';
import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef } from 'react';
import type { ApprovalRow } from '../../../shared/api/approvals';
import { formatCount } from '../../format/numbers';
import { csvExportParams } from '../../grid/csv-export';
import { selectSelectedApproval, useApprovalsStore } from '../../state/approvals-slice';
import { useSessionStore } from '../../state/session-slice';
import { csvFileName } from '../order-impact/impact-format';
import { countApprovals } from './approval-format';
import { ApprovalPanel } from './approval-panel';
import { ApprovalsGrid } from './approvals-grid';

export function ApprovalsView() {
  const rowsById = useApprovalsStore((state) => state.rowsById);
  const loadError = useApprovalsStore((state) => state.loadError);
  const selected = useApprovalsStore(selectSelectedApproval);
  const select = useApprovalsStore((state) => state.select);
  const role = useSessionStore((state) => state.session?.role ?? null);
  const counts = useMemo(() => countApprovals(Object.values(rowsById)), [rowsById]);
  const gridApi = useRef<GridApi<ApprovalRow> | null>(null);

  return (
    <section className="view approvals-view" aria-labelledby="approvals-title">
      <header className="view-header">
        <div>
          <h1 id="approvals-title">Approvals</h1>
          <p className="view-header__summary" data-testid="approvals-summary">
            <strong>{counts.awaiting} awaiting a decision</strong>
            {/* Some are not this user's to decide (their own requests): say how many are. */}
            {counts.yours > 0 && counts.yours < counts.awaiting && <> · {counts.yours} yours to decide</>}
            {counts.sent > 0 && <> · {counts.sent} sent, waiting for upstream</>}
            {counts.conflicts > 0 && <span className="text-danger"> · {formatCount(counts.conflicts, 'conflict')}</span>}
            {counts.decided > 0 && <> · {counts.decided} decided</>}
            {!selected && counts.total > 0 && <span className="view-header__hint"> — select a request to see it{role === 'supervisor' ? ' and decide' : ''}</span>}
          </p>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => gridApi.current?.exportDataAsCsv(csvExportParams(csvFileName('approvals'), { allColumns: true }))}
          disabled={counts.total === 0}
          aria-label="Export the approval requests as CSV"
          data-testid="export-approvals"
        >
          Export CSV
        </button>
      </header>
      {loadError && (
        <p className="callout callout--danger" role="alert">
          The approval requests could not be loaded: {loadError}
        </p>
      )}
      <div className={`view__body${selected ? ' approvals-view__body--with-panel' : ''}`}>
        <ApprovalsGrid apiRef={gridApi} panelOpen={selected !== null} />
        {selected && <ApprovalPanel row={selected} onClose={() => select(null)} />}
      </div>
    </section>
  );
}
