// The Audit view: this workstation's audit trail, newest first, under the verdict on its hash chain;
// filtered by user, action, subject (a lot, an order) and time in the grid, exported as CSV.
import './audit.css';
import type { GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditRow, AuditSnapshot } from '../../../shared/api/audit';
import { apiClient } from '../../api/client';
import { formatCount } from '../../format/numbers';
import { csvExportParams, exportingGridOptions } from '../../grid/csv-export';
import { appGridTheme } from '../../grid/grid-theme';
import { csvFileName } from '../order-impact/impact-format';
import { auditColumns, auditDefaultColDef, getAuditRowId } from './audit-columns';

const localeText = { noRowsToShow: 'Nothing recorded at this workstation yet' };

export function AuditView() {
  const [snapshot, setSnapshot] = useState<AuditSnapshot | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const gridApi = useRef<GridApi<AuditRow> | null>(null);
  /** Rows left by the grid's filters; null while none is set. */
  const [filtered, setFiltered] = useState<number | null>(null);

  const load = useCallback(() => {
    apiClient.invoke('audit.entries', {}).then(
      (loaded) => {
        setSnapshot(loaded);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  useEffect(load, [load]);

  const shown = snapshot?.rows.length ?? 0;
  return (
    <section className="view audit-view" aria-labelledby="audit-title">
      <header className="view-header">
        <div>
          <h1 id="audit-title">Audit</h1>
          <p className="view-header__summary" data-testid="audit-summary">
            {snapshot === null ? (
              'Reading the audit trail…'
            ) : (
              <>
                <strong>{formatCount(snapshot.entries, 'entry', 'entries')}</strong>
                {shown < snapshot.entries && <> · the newest {shown} shown</>}
                {filtered !== null && <span data-testid="audit-filtered"> · {formatCount(filtered, 'entry', 'entries')} match the filters</span>}
                {' · '}
                {snapshot.broken ? <span className="text-danger">chain broken</span> : <>chain intact, head {snapshot.head.slice(0, 12)}…</>}
              </>
            )}
          </p>
        </div>
        <div className="view-header__actions">
          <button type="button" className="button" onClick={load} data-testid="audit-refresh">
            Refresh
          </button>
          <button
            type="button"
            className="button"
            onClick={() => gridApi.current?.exportDataAsCsv(csvExportParams(csvFileName('audit'), { allColumns: true }))}
            disabled={shown === 0}
            aria-label="Export the audit entries as CSV"
            data-testid="export-audit"
          >
            Export CSV
          </button>
        </div>
      </header>
      {snapshot?.broken && (
        <p className="callout callout--danger" role="alert" data-testid="audit-broken">
          This workstation’s audit trail was tampered with: {snapshot.broken.message}.
        </p>
      )}
      {loadError && (
        <p className="callout callout--danger" role="alert">
          The audit trail could not be read: {loadError}
        </p>
      )}
      <div className="view__body">
        <div className="audit-grid" data-testid="audit-grid">
          <AgGridReact<AuditRow>
            {...exportingGridOptions}
            theme={appGridTheme}
            rowData={snapshot?.rows ?? null}
            columnDefs={auditColumns}
            defaultColDef={auditDefaultColDef}
            getRowId={getAuditRowId}
            onGridReady={({ api }) => (gridApi.current = api)}
            onFilterChanged={({ api }) => setFiltered(api.isAnyFilterPresent() ? api.getDisplayedRowCount() : null)}
            loading={snapshot === null && loadError === null}
            localeText={localeText}
            enableCellTextSelection
            tooltipShowDelay={400}
          />
        </div>
      </div>
    </section>
  );
}
