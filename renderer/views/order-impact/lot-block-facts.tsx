import type { LotBlockDetail } from '../../../shared/api/impact';
import { formatQuantity } from '../../format/numbers';
import { DisruptionFactList } from './disruption-fact-list';
import { describeLotDecision } from './lot-block-format';

/** What failed: the lot, its inspection lot, the defect and its usage decision; the orders that counted on it follow below. */
export function LotBlockFacts({ detail }: { detail: LotBlockDetail }) {
  const facts = [
    ['Lot', detail.lotId],
    ['Inspection lot', detail.inspectionLotId],
    ['Supplier', detail.supplierId ?? 'None'],
    // What failed inspection; what stays in stock after the usage decision is the decision's.
    ['Quantity failed', formatQuantity(detail.quantity, detail.unit)],
    ['Defect', `${detail.defectCode} — ${detail.defectText}`],
    ['Usage decision', describeLotDecision(detail)],
  ] as const;
  return <DisruptionFactList facts={facts} wide={['Defect', 'Usage decision']} testId="lot-block-facts" />;
}
