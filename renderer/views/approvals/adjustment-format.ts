// How an adjustment approval reads: a cycle count against its book, the difference with its sign and
// value, the tolerance it went past, and the bin's last movements.
import type { AdjustmentRequest } from '../../../shared/api/approvals';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatDateTime } from '../../format/time';

/** "+12 EA", "−70 EA": a difference with its sign. */
export function formatDifference(difference: number, unit: string): string {
  return `${difference > 0 ? '+' : difference < 0 ? '−' : ''}${formatQuantity(Math.abs(difference), unit)}`;
}

/** What an adjustment asks, for the panel: the count against its book, the difference, its value, and the tolerance it exceeds. */
export function adjustmentFacts(adjustment: AdjustmentRequest, itemDescription: string): [string, string][] {
  const { tolerance } = adjustment;
  return [
    ['Count', `${adjustment.countId}, by ${adjustment.countedBy}, ${formatDateTime(adjustment.countedAt)}`],
    ['Bin', `${adjustment.bin} at ${adjustment.plant}`],
    ['Item', `${adjustment.itemId}${itemDescription && itemDescription !== adjustment.itemId ? ` — ${itemDescription}` : ''} (class ${adjustment.itemClass})`],
    ...(adjustment.lotId ? ([['Lot', adjustment.lotId]] as [string, string][]) : []),
    ['Counted', formatQuantity(adjustment.countedQuantity, adjustment.unit)],
    ['Book', formatQuantity(adjustment.bookQuantity, adjustment.unit)],
    ['Difference', `${formatDifference(adjustment.difference, adjustment.unit)} (${adjustment.percent} %)`],
    ['Value', `${formatMoney(adjustment.value)} (${adjustment.unitPrice.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} per ${adjustment.unit})`],
    ['Tolerance', `class ${adjustment.itemClass}: ${tolerance.quantityPercent} % and ${formatMoney(tolerance.value)}`],
  ];
}

/** The bin's last movements before the count, newest first: "05 Dec, 00:09 · goods receipt +15,464 EA · GR-L-000132". */
export function describeMovement(movement: AdjustmentRequest['lastMovements'][number], unit: string): string {
  return `${formatDateTime(movement.at)} · ${movement.kind.replace('-', ' ')} ${formatDifference(movement.quantity, unit)} · ${movement.document}`;
}
