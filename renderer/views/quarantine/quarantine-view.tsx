// The Quarantine view, ready for the floor: a scan field that has the focus, filters above the grid of
// lots on hold, the selected lot's disposition panel beside it, and a touch density for gloves.
import './quarantine.css';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DensityToggle } from '../../app/density-toggle';
import { selectSelectedRow, useQuarantineStore } from '../../state/quarantine-slice';
import { useSessionStore } from '../../state/session-slice';
import { AlertsStrip } from '../alerts/alerts-strip';
import { DispositionPanel } from './disposition-panel';
import { LotScanField } from './lot-scan-field';
import { QuarantineFilterBar } from './quarantine-filter-bar';
import { QuarantineGrid } from './quarantine-grid';
import { countByTaskState, describeShown } from './quarantine-format';

/** Where typing belongs to the element itself: a scan there must not be taken away from it. */
function takesText(element: EventTarget): boolean {
  return element instanceof HTMLElement && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

export function QuarantineView() {
  const [quickFilter, setQuickFilter] = useState('');
  const [scanText, setScanText] = useState('');
  const [shown, setShown] = useState(0);
  const scanRef = useRef<HTMLInputElement>(null);
  const rowsById = useQuarantineStore((state) => state.rowsById);
  const loadError = useQuarantineStore((state) => state.loadError);
  const selectedRow = useQuarantineStore(selectSelectedRow);
  const decides = useSessionStore((state) => state.session?.role === 'quality-engineer');
  const select = useQuarantineStore((state) => state.select);
  const scanned = useQuarantineStore((state) => state.scanned);
  const counts = useMemo(() => countByTaskState(Object.values(rowsById)), [rowsById]);

  /** Back to the scanner: after a decision, or when the panel closes. */
  const backToScan = useCallback(() => {
    setScanText('');
    scanned(null);
    scanRef.current?.focus();
  }, [scanned]);

  /**
   * A handheld scanner types like a keyboard into whatever has the focus: a character typed on a button
   * or in the grid goes to the scan field instead, replacing what it held, so a scan is never lost.
   */
  const sendScansToScanField = useCallback((event: KeyboardEvent<HTMLElement>) => {
    const field = scanRef.current;
    if (!field || event.target === field || takesText(event.target) || event.key.length !== 1 || event.key === ' ' || event.ctrlKey || event.metaKey || event.altKey) return;
    field.focus();
    field.select();
  }, []);

  return (
    <section className="view quarantine-view" aria-labelledby="quarantine-title" onKeyDown={sendScansToScanField}>
      <AlertsStrip />
      <header className="view-header">
        <div>
          <h1 id="quarantine-title">Quarantine</h1>
          <p className="view-header__summary" data-testid="quarantine-summary">
            {/* Decided lots have left quarantine upstream; they stay listed so everyone sees the outcome. */}
            {describeShown(shown, counts.total)} · <strong>{counts.awaiting} awaiting decision</strong>
            {counts.conflicts > 0 && <span className="text-danger" title="Decisions the ERP or the gateway refused: decide again or withdraw"> · {counts.conflicts} refused</span>}
            {counts.awaitingApproval > 0 && <> · {counts.awaitingApproval} awaiting approval</>}
            {counts.pending > 0 && <> · {counts.pending} pending upstream</>}
            {counts.decided > 0 && <> · {counts.decided} decided</>}
            {counts.withdrawn > 0 && <> · {counts.withdrawn} withdrawn</>}
            {!selectedRow && counts.total > 0 && <span className="view-header__hint"> — scan or select a lot to {decides ? 'decide' : 'see it'}</span>}
          </p>
        </div>
        <div className="view-header__actions">
          <label className="search-field">
            <span className="visually-hidden">Search lots</span>
            <input type="search" value={quickFilter} onChange={(event) => setQuickFilter(event.target.value)} placeholder="Search lot, item, defect…" data-testid="quarantine-search" />
          </label>
          <DensityToggle />
        </div>
      </header>
      <div className="floor-bar">
        <LotScanField inputRef={scanRef} value={scanText} onChange={setScanText} onFound={() => setQuickFilter('')} />
        <QuarantineFilterBar />
      </div>
      {loadError && (
        <p className="callout callout--danger" role="alert">
          The lots on hold could not be loaded: {loadError}
        </p>
      )}
      <div className={`view__body${selectedRow ? ' quarantine-view__body--with-panel' : ''}`}>
        <QuarantineGrid quickFilter={quickFilter} panelOpen={selectedRow !== null} onShownCountChange={setShown} />
        {selectedRow && (
          <DispositionPanel
            row={selectedRow}
            onClose={() => {
              select(null);
              backToScan();
            }}
            onDone={backToScan}
          />
        )}
      </div>
    </section>
  );
}
