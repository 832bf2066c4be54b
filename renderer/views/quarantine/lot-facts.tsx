import type { QuarantineRow } from '../../../shared/api/quarantine';
import { inspectionLotStatusLabels, stockTypeLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { openStockList } from '../../state/stock-actions';
import { describeLotCycleCount, slaFacts } from './hold-notes';
import { describeHold } from './quarantine-format';

/** What the quality engineer needs to know about a lot before deciding. */
export function LotFacts({ row, now }: { row: QuarantineRow; now: number }) {
  const facts: [string, string][] = [
    ['Item', `${row.itemId} — ${row.itemDescription}`],
    ['Plant', row.plant],
    ['Quantity', formatQuantity(row.quantity, row.unit)],
    ['Stock type', stockTypeLabels[row.stockType]],
    ['Defect', `${row.defectCode} — ${row.defectText}`],
    ...(row.containedBy ? ([['Contained', `Blocked with the usage decision of ${row.containedBy}, which it was made from; decide it on its own`]] as [string, string][]) : []),
    ['On hold', describeHold(row, now)],
    ['Inspection lot', `${row.inspectionLotId} · ${inspectionLotStatusLabels[row.inspectionLotStatus]}`],
    ['Supplier', row.supplierId ?? 'In-house production'],
    ['Consumed', row.consumedQuantity > 0 ? `${formatQuantity(row.consumedQuantity, row.unit)} by production orders` : 'None'],
    ...slaFacts(row, now),
    ...(row.cycleCount ? ([['Cycle count', describeLotCycleCount(row.cycleCount, row.unit)]] as [string, string][]) : []),
  ];
  return (
    <dl className="facts" data-testid="lot-facts">
      {facts.map(([term, value]) => (
        <div className="facts__row" key={term}>
          <dt>{term}</dt>
          <dd>
            {value}
            {term === 'Plant' && (
              <>
                {' · '}
                {/* What the held lot means for the plan: the item's supply and demand at the plant. */}
                <button type="button" className="link-button" onClick={() => openStockList({ itemId: row.itemId, plant: row.plant })} data-testid="open-lot-stock">
                  stock/requirements
                </button>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
