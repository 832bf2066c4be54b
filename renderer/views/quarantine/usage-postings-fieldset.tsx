// The postings of a usage decision: one line per kind with a quantity in the lot's unit, "Rest" to put
// what is left on the line and "All" for the whole lot on it (the one-click flow), and the balance of
// what is posted against what the lot holds.
import { dispositionDecisions, type DispositionDecision } from '../../../shared/domain';
import { decisionLabels, decisionShortLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { describeBalance, restFor, withRest, allTo, type DraftReading, type PostedLot, type PostingBalance, type PostingDraft } from './posting-draft';

/** The tooltip of each line: what posting a quantity there does. */
const postingMeanings: Record<DispositionDecision, string> = {
  release: 'Fit for use: moves to unrestricted stock.',
  'use-as-is': 'Used despite the defect under a deviation: restricted stock; a supervisor must approve.',
  rework: 'Goes to rework before it can be used; stays blocked meanwhile.',
  'keep-blocked': 'Stays blocked, e.g. until more tests are done.',
  scrap: 'Written off and scrapped: leaves the plant’s stock.',
  'return-to-vendor': 'Goes back to the supplier, with a complaint: leaves the plant’s stock.',
};

interface UsagePostingsProps {
  idPrefix: string;
  lot: PostedLot;
  draft: PostingDraft;
  onDraftChange(draft: PostingDraft): void;
  reading: DraftReading;
  balance: PostingBalance;
  disabled: boolean;
  /** Why return to vendor cannot be posted (no supplier on record), or null when it can. */
  returnToVendorBlocked: string | null;
  error: string | undefined;
}

export function UsagePostingsFieldset({ idPrefix, lot, draft, onDraftChange, reading, balance, disabled, returnToVendorBlocked, error }: UsagePostingsProps) {
  const errorId = `${idPrefix}-postings-error`;
  const balanceId = `${idPrefix}-postings-balance`;
  return (
    <fieldset className="usage-postings" aria-describedby={`${balanceId}${error ? ` ${errorId}` : ''}`}>
      <legend>
        Usage decision <span className="usage-postings__hint">— where the lot’s {formatQuantity(lot.quantity, lot.unit)} go</span>
      </legend>
      {dispositionDecisions.map((kind) => {
        const blocked = kind === 'return-to-vendor' ? returnToVendorBlocked : null;
        const lineDisabled = disabled || blocked !== null;
        const rest = restFor(draft, kind, lot);
        const invalid = reading.invalid[kind];
        const posted = reading.postings.some((posting) => posting.decision === kind);
        const inputId = `${idPrefix}-posting-${kind}`;
        return (
          <div key={kind} className={`posting-line${posted ? ' posting-line--posted' : ''}${blocked ? ' posting-line--blocked' : ''}`} title={blocked ?? postingMeanings[kind]}>
            <label htmlFor={inputId} className="posting-line__label">
              {decisionShortLabels[kind]}
            </label>
            <span className="quantity-input">
              <input
                id={inputId}
                type="text"
                inputMode={lot.decimals === 0 ? 'numeric' : 'decimal'}
                autoComplete="off"
                value={draft[kind]}
                placeholder="0"
                onChange={(event) => onDraftChange({ ...draft, [kind]: event.target.value })}
                disabled={lineDisabled}
                aria-label={`${decisionLabels[kind]}, quantity in ${lot.unit}`}
                aria-invalid={invalid || (error && posted) ? true : undefined}
                aria-describedby={invalid ? `${inputId}-problem` : undefined}
                data-testid={`posting-${kind}`}
              />
              <span className="quantity-input__unit" aria-hidden="true">
                {lot.unit}
              </span>
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => onDraftChange(withRest(draft, kind, lot))}
              disabled={lineDisabled || rest <= 0 || String(rest) === draft[kind].trim()}
              aria-label={`Post the remaining ${formatQuantity(rest, lot.unit)} to ${decisionLabels[kind]}`}
              data-testid={`posting-rest-${kind}`}
            >
              Rest
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => onDraftChange(allTo(kind, lot.quantity))}
              disabled={lineDisabled}
              aria-label={`All ${formatQuantity(lot.quantity, lot.unit)} to ${decisionLabels[kind]}`}
              data-testid={`decision-${kind}`}
            >
              All
            </button>
            {invalid && (
              <p className="field-error posting-line__problem" id={`${inputId}-problem`} role="alert">
                {invalid}
              </p>
            )}
          </div>
        );
      })}
      <p className={`postings-balance postings-balance--${balance.state}`} id={balanceId} role="status" data-testid="postings-balance">
        {describeBalance(balance)}
      </p>
      {error && (
        <p className="field-error" id={errorId} role="alert" data-testid="postings-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
