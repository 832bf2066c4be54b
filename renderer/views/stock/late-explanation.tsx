// Why an order is late, level by level, each step opening the list of its item at its plant: the chain
// from the order down to the receipt that is late or missing.
import type { LateExplanation } from '../../../shared/api/stock-requirements';
import { formatPlanDate } from '../../format/time';
import { openStockList } from '../../state/stock-actions';
import { useStockStore } from '../../state/stock-slice';

const lateText = (daysLate: number | null) => (daysLate === null ? 'never covered' : daysLate > 0 ? `${daysLate} d late` : 'on time');

export function LateExplanationCard({ explanation }: { explanation: LateExplanation }) {
  return (
    <section className="late-explanation" aria-label={`Why ${explanation.orderId} is late`} data-testid="late-explanation">
      <header className="late-explanation__header">
        <div>
          <strong>{explanation.orderId}</strong> is {lateText(explanation.daysLate) === 'on time' ? 'on time' : <span className="text-danger">{lateText(explanation.daysLate)}</span>}
          {explanation.because && (
            <p className="late-explanation__because" data-testid="late-because">
              {explanation.because.charAt(0).toUpperCase() + explanation.because.slice(1)}.
            </p>
          )}
        </div>
        <button type="button" className="button button--small" onClick={() => useStockStore.getState().explained(null)} aria-label="Close the explanation">
          Close
        </button>
      </header>
      <ol className="late-explanation__steps">
        {explanation.steps.map((step, at) => (
          <li key={`${step.level}-${step.kind}-${step.document}-${at}`} style={{ paddingInlineStart: `${step.level * 18}px` }} data-testid={`explain-step-${at}`}>
            <button type="button" className="link-button" onClick={() => openStockList({ itemId: step.itemId, plant: step.plant }, step.document || undefined)} title={`Open the stock/requirements list of ${step.itemId} at ${step.plant}`} data-testid={`explain-open-${step.kind}-${step.document || step.itemId}`}>
              {step.itemId} @ {step.plant}
            </button>{' '}
            <span>{step.text}</span>
            <span className="late-explanation__dates">
              needed {formatPlanDate(step.needDate)}
              {step.coveredDate ? `, covered ${formatPlanDate(step.coveredDate)}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
