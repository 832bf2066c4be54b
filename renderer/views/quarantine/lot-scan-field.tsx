// The scan field: a handheld scanner types a lot id and Enter. A lot on hold opens in the panel (the
// grid scrolls to it); any other id is looked up and the answer shown beside the field. The field
// keeps the focus, its text selected, so the next scan replaces it.
import type { RefObject } from 'react';
import { scanLot } from '../../state/quarantine-actions';
import { useQuarantineStore } from '../../state/quarantine-slice';
import { describeScan } from './quarantine-format';

interface LotScanFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange(value: string): void;
  /** A scanned lot is on hold here: the view clears what would hide it. */
  onFound(): void;
}

export function LotScanField({ inputRef, value, onChange, onFound }: LotScanFieldProps) {
  const scan = useQuarantineStore((state) => state.scan);
  const result = describeScan(scan);
  return (
    <div className="lot-scan">
      <label className="lot-scan__field">
        <span className="lot-scan__label">Scan lot</span>
        <input
          ref={inputRef}
          type="text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            event.currentTarget.select();
            void scanLot(value).then((found) => found && onFound());
          }}
          // The floor's first action is a scan: the field is ready for the scanner when the view opens.
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="Scan or type a lot id, then Enter"
          aria-describedby="lot-scan-result"
          data-testid="lot-scan"
        />
      </label>
      <p id="lot-scan-result" className={`lot-scan__result${result ? ` lot-scan__result--${result.tone}` : ''}`} role="status" aria-live="polite" data-testid="scan-result">
        {result?.text ?? ''}
      </p>
    </div>
  );
}
