// The Quarantine view: lots on hold in a grid, the selected lot's disposition panel beside it.
import './quarantine.css';
import { useMemo, useState } from 'react';
import { formatCount } from '../../format/numbers';
import { selectSelectedRow, useQuarantineStore } from '../../state/quarantine-slice';
import { DispositionPanel } from './disposition-panel';
import { QuarantineGrid } from './quarantine-grid';
import { countByTaskState } from './quarantine-format';

export function QuarantineView() {
  const [quickFilter, setQuickFilter] = useState('');
  const rowsById = useQuarantineStore((state) => state.rowsById);
  const loadError = useQuarantineStore((state) => state.loadError);
  const selectedRow = useQuarantineStore(selectSelectedRow);
  const select = useQuarantineStore((state) => state.select);
  const counts = useMemo(() => countByTaskState(Object.values(rowsById)), [rowsById]);

  return (
    <section className="view quarantine-view" aria-labelledby="quarantine-title">
      <header className="view-header">
        <div>
          <h1 id="quarantine-title">Quarantine</h1>
          <p className="view-header__summary" data-testid="quarantine-summary">
            {/* Accepted lots have left quarantine upstream; they stay listed so the engineer sees the outcome. */}
            {formatCount(counts.total, 'lot')} · <strong>{counts.awaiting} awaiting decision</strong>
            {counts.conflicts > 0 && <span className="text-danger"> · {formatCount(counts.conflicts, 'conflict')}</span>}
            {counts.pending > 0 && <> · {counts.pending} pending upstream</>}
            {counts.accepted > 0 && <> · {counts.accepted} accepted</>}
            {!selectedRow && counts.total > 0 && <span className="view-header__hint"> — select a lot to decide</span>}
          </p>
        </div>
        <label className="search-field">
          <span className="visually-hidden">Search lots</span>
          <input
            type="search"
            value={quickFilter}
            onChange={(event) => setQuickFilter(event.target.value)}
            placeholder="Search lot, item, defect…"
            data-testid="quarantine-search"
          />
        </label>
      </header>
      {loadError && (
        <p className="callout callout--danger" role="alert">
          The lots on hold could not be loaded: {loadError}
        </p>
      )}
      <div className={`view__body${selectedRow ? ' quarantine-view__body--with-panel' : ''}`}>
        <QuarantineGrid quickFilter={quickFilter} panelOpen={selectedRow !== null} />
        {selectedRow && <DispositionPanel row={selectedRow} onClose={() => select(null)} />}
      </div>
    </section>
  );
}
