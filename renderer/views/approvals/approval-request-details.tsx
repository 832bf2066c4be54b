// What the selected request asks, by kind: a substitution with its production orders and projected effect,
// a use-as-is of part of a failed lot under a deviation, a transfer, or a cycle count's adjustment. Who
// requested it and when come last in each.
import type { AdjustmentRequest, ApprovalRow, DeviationRequest, SubstitutionRequest, TransferApprovalRequest } from '../../../shared/api/approvals';
import { adjustmentFacts, describeMovement } from './adjustment-format';
import { formatDateTime, formatDue } from '../../format/time';
import { deviationFacts, formatOrderCount, projectedFacts, substitutionFacts, transferFacts } from './approval-format';
import { Facts } from './approval-facts';
import { compareEffects } from '../order-impact/response-format';

function requestedFacts(row: ApprovalRow): [string, string][] {
  return [
    ['Requested', `${row.requestedBy}, ${formatDateTime(row.requestedAt)}`],
    ...(row.status === 'pending' && row.dueAt ? ([['Due', `${formatDateTime(row.dueAt)} (${formatDue(row.dueAt, Date.now()).text})`]] as [string, string][]) : []),
    ...(row.status === 'pending' && row.escalatedAt ? ([['Escalated', `${formatDateTime(row.escalatedAt)}, to every supervisor`]] as [string, string][]) : []),
  ];
}

export function SubstitutionDetails({ row, substitution }: { row: ApprovalRow; substitution: SubstitutionRequest }) {
  return (
    <>
      <Facts
        testId="approval-substitution"
        facts={[...substitutionFacts(substitution, row), ...requestedFacts(row), ...(row.exceptionId ? ([['Exception', row.exceptionId]] as [string, string][]) : [])]}
      />
      <section className="approval-panel__section" aria-labelledby="approval-orders-title">
        <h3 id="approval-orders-title">{formatOrderCount(substitution.productionOrderIds.length)}</h3>
        <ul className="approval-orders" data-testid="approval-production-orders">
          {substitution.productionOrderIds.map((orderId) => (
            <li key={orderId}>{orderId}</li>
          ))}
        </ul>
      </section>
      <section className="approval-panel__section" aria-labelledby="approval-projected-title">
        <h3 id="approval-projected-title">Projected effect if approved</h3>
        {row.projected && row.baseline ? (
          <>
            <dl className="facts" data-testid="approval-projected">
              {compareEffects(row.baseline, row.projected).map((comparison) => (
                <div className="facts__row" key={comparison.measure}>
                  <dt>{comparison.label}</dt>
                  <dd>
                    {comparison.current} → <strong>{comparison.projected}</strong>
                    {comparison.change && <span className={`response-effect__change response-effect__change--${comparison.trend}`}> ({comparison.change})</span>}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="approval-panel__note">Now (the disruption with no response) → if approved, against the plan before the disruption, as the requester was shown it.</p>
          </>
        ) : row.projected ? (
          <>
            <Facts facts={projectedFacts(row.projected)} testId="approval-projected" />
            <p className="approval-panel__note">Against the plan before the disruption, as the requester was shown it.</p>
          </>
        ) : (
          <p className="approval-panel__note">No projection came with this request.</p>
        )}
      </section>
    </>
  );
}

export function DeviationDetails({ row, deviation }: { row: ApprovalRow; deviation: DeviationRequest }) {
  return (
    <>
      <Facts testId="approval-deviation" facts={[...deviationFacts(deviation, row.fromItemDescription), ...requestedFacts(row)]} />
      {row.status === 'pending' && (
        <p className="approval-panel__note">
          Approved, the quality engineer’s usage decision for the lot goes upstream as posted. Rejected, it goes back to the quality engineer to decide again.
        </p>
      )}
    </>
  );
}

export function TransferDetails({ row, transfer }: { row: ApprovalRow; transfer: TransferApprovalRequest }) {
  return (
    <>
      <Facts testId="approval-transfer" facts={[...transferFacts(transfer, row.fromItemDescription), ...requestedFacts(row)]} />
      {row.status === 'pending' && (
        <p className="approval-panel__note">Approved, the planner’s transfer goes to the ERP as proposed. Rejected, the proposal is rejected with your reason.</p>
      )}
    </>
  );
}

export function AdjustmentDetails({ row, adjustment }: { row: ApprovalRow; adjustment: AdjustmentRequest }) {
  return (
    <>
      <Facts testId="approval-adjustment" facts={[...adjustmentFacts(adjustment, row.fromItemDescription), ...requestedFacts(row)]} />
      <section className="approval-panel__section" aria-labelledby="approval-movements-title">
        <h3 id="approval-movements-title">Last movements of the bin</h3>
        {adjustment.lastMovements.length === 0 ? (
          <p className="approval-panel__note">The WMS listed no movements before the count.</p>
        ) : (
          <ul className="approval-movements" data-testid="approval-bin-movements">
            {adjustment.lastMovements.map((movement) => (
              <li key={`${movement.at}-${movement.document}`}>{describeMovement(movement, adjustment.unit)}</li>
            ))}
          </ul>
        )}
      </section>
      {row.status === 'pending' && (
        <p className="approval-panel__note">
          Picks from the bin are paused. Approved, the book is adjusted by the difference and the bin is released. Rejected, the WMS counts the bin again; it stays paused until that count is settled. {adjustment.countedBy} counted it and cannot approve it.
        </p>
      )}
    </>
  );
}
