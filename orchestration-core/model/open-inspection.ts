// A failed inspection a snapshot reports (still open, or closed by a usage decision this workstation
// never heard of), as the event that would have announced it.
import type { CanonicalEvent, EventPayload } from '../../shared/events';
import type { OpenInspection } from '../../shared/sync-protocol';
import type { Lot } from './lot';
import { snapshotEvent } from './snapshot-events';

export function openInspectionAsEvent(open: OpenInspection, lot: Lot): Extract<CanonicalEvent, { type: 'inspection.failed' }> {
  return snapshotEvent('inspection.failed', { id: `snapshot:${open.inspectionLotId}`, occurredAt: open.failedAt, correlationId: lot.lotId, plant: lot.plant }, {
    lotId: lot.lotId,
    lotVersion: lot.version,
    inspectionLotId: open.inspectionLotId,
    itemId: lot.itemId,
    plant: lot.plant,
    quantity: lot.quantity,
    unit: lot.unit,
    ...(lot.supplierId ? { supplierId: lot.supplierId } : {}),
    defectCode: open.defectCode,
    defectText: open.defectText,
  });
}

/** The failure a usage decision closed, as it failed: the lot as it was then, before its parts left. */
export function decidedInspectionAsEvent(made: EventPayload<'usageDecision.made'>, lot: Lot): Extract<CanonicalEvent, { type: 'inspection.failed' }> | undefined {
  const failure = made.failure;
  if (!failure) return undefined;
  const open = { inspectionLotId: made.inspectionLotId, lotId: made.lotId, defectCode: failure.defectCode, defectText: failure.defectText, failedAt: failure.failedAt };
  const event = openInspectionAsEvent(open, lot);
  // The stock type it has now, after its decision: nothing for this workstation to block.
  return { ...event, id: `snapshot:decided:${made.inspectionLotId}`, payload: { ...event.payload, quantity: failure.quantity, stockType: lot.stockType } };
}
