import type { SupplierDelayDetail } from '../../../shared/api/impact';
import { formatQuantity } from '../../format/numbers';
import { formatReceiptMove } from './impact-format';

/** What the supplier's ASN said: which PO line moved, by how much, and why. */
export function DelayFacts({ detail }: { detail: SupplierDelayDetail }) {
  const facts: [string, string][] = [
    ['PO line', detail.poLineId],
    ['ASN', detail.asnId],
    ['Supplier', detail.supplierId],
    ['Quantity', formatQuantity(detail.quantity, '')],
    ['Receipt date', formatReceiptMove(detail)],
    ['Reason', detail.reason ?? 'None given'],
  ];
  return (
    <dl className="delay-facts" data-testid="delay-facts">
      {facts.map(([term, value]) => (
        <div className={`delay-facts__fact${term === 'Reason' ? ' delay-facts__fact--wide' : ''}`} key={term}>
          <dt>{term}</dt>
          <dd title={value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
