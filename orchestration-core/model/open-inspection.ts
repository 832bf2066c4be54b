// A failed inspection a snapshot reports as open state, as the event that would have announced it.
import type { CanonicalEvent } from '../../shared/events';
import type { OpenInspection } from '../../shared/sync-protocol';
import type { Lot } from '../store/lots-repo';

export function openInspectionAsEvent(open: OpenInspection, lot: Lot): Extract<CanonicalEvent, { type: 'inspection.failed' }> {
  return {
    id: `snapshot:${open.inspectionLotId}`,
    stream: 'snapshot',
    seq: 1,
    type: 'inspection.failed',
    source: 'snapshot',
    occurredAt: open.failedAt,
    plant: lot.plant,
    correlationId: lot.lotId,
    schemaVersion: 1,
    payload: {
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
    },
  };
}
