// One line on what an event or an accepted command did to a lot, as a quality engineer reads it
// beside a decision the gateway refused.
import type { CanonicalEvent } from '../../shared/events';

/** unit: the lot's, for events that carry a quantity without one. */
export function describeLotEvent(event: CanonicalEvent, lotId?: string, unit?: string): string {
  switch (event.type) {
    case 'goods.received':
      return `received ${event.payload.quantity} ${event.payload.unit} into ${event.payload.stockType}`;
    case 'inspection.failed':
      return `inspection lot ${event.payload.inspectionLotId} failed: ${event.payload.defectCode} ${event.payload.defectText}`;
    case 'inspection.passed':
      return `inspection lot ${event.payload.inspectionLotId} passed: released to unrestricted`;
    case 'inspection.recorded':
      return `results recorded: ${event.payload.results.map((r) => `${r.testId}${r.value === undefined ? '' : ` ${r.value}${r.unit ? ` ${r.unit}` : ''}`}${r.outcome ? ` (${r.outcome})` : ''}`).join(', ')}`;
    case 'lot.consumed':
      return `${event.payload.quantity}${unit ? ` ${unit}` : ''} consumed by production order ${event.payload.productionOrderId}`;
    case 'production.completed': {
      const input = event.payload.consumed.find((c) => c.lotId === lotId);
      return `production order ${event.payload.productionOrderId} reported ${input ? `${input.quantity}${input.unit ? ` ${input.unit}` : ''} ` : ''}consumed`;
    }
    case 'lot.statusChanged':
      return `${event.payload.stockType}, ${event.payload.quantity} ${event.payload.unit}, by ${event.payload.changedBy}: ${event.payload.reason}`;
    case 'usageDecision.made':
      return `usage decision ${event.payload.code} by ${event.payload.decidedBy}: ${event.payload.postings.map((p) => `${p.decision} ${p.quantity} ${event.payload.unit}`).join(', ')}`;
    case 'fg.released':
      return `released to finished-goods stock: ${event.payload.quantity} ${event.payload.unit}`;
    case 'lot.reported':
      return `plant reports ${[event.payload.status, event.payload.quantity === undefined ? undefined : `${event.payload.quantity} ${event.payload.unit ?? ''}`.trim()].filter(Boolean).join(', ') || 'the lot'}`;
    default:
      return event.type;
  }
}
