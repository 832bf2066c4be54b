import type { LotBlockDetail } from '../../../shared/api/impact';
import { formatQuantity } from '../../format/numbers';

/** What failed: the lot, its inspection lot, the defect; the orders that counted on it follow below. */
export function LotBlockFacts({ detail }: { detail: LotBlockDetail }) {
  const facts: [string, string][] = [
    ['Lot', detail.lotId],
    ['Inspection lot', detail.inspectionLotId],
    ['Supplier', detail.supplierId ?? 'None'],
    ['Quantity', formatQuantity(detail.quantity, detail.unit)],
    ['Defect', `${detail.defectCode} — ${detail.defectText}`],
  ];
  return (
    <dl className="delay-facts" data-testid="lot-block-facts">
      {facts.map(([term, value]) => (
        <div className={`delay-facts__fact${term === 'Defect' ? ' delay-facts__fact--wide' : ''}`} key={term}>
          <dt>{term}</dt>
          <dd title={value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
