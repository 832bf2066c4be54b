import type { SupplierDelayDetail } from '../../../shared/api/impact';
import { formatQuantity } from '../../format/numbers';
import { DisruptionFactList } from './disruption-fact-list';
import { formatReceiptMove } from './impact-format';

/** What the supplier's ASN said: which PO line moved, by how much, and why. */
export function DelayFacts({ detail }: { detail: SupplierDelayDetail }) {
  const facts = [
    ['PO line', detail.poLineId],
    ['ASN', detail.asnId],
    ['Supplier', detail.supplierId],
    ['Quantity', formatQuantity(detail.quantity, detail.unit ?? '')],
    ['Receipt date', formatReceiptMove(detail)],
    ['Reason', detail.reason ?? 'None given'],
  ] as const;
  return <DisruptionFactList facts={facts} wide="Reason" testId="delay-facts" />;
}
