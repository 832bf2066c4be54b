// Builds valid canonical events for tests, numbered per stream like a gateway would.
import type { EventEnvelope, EventPayload, EventType } from '../../shared/events';

export function createEventFactory(start = new Date('2026-11-02T06:00:00Z')) {
  const heads = new Map<string, number>();
  let clock = start.getTime();
  return function event<T extends EventType>(stream: string, type: T, payload: EventPayload<T>, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
    const seq = (heads.get(stream) ?? 0) + 1;
    heads.set(stream, seq);
    clock += 60_000;
    return {
      id: `${stream}-${seq}`,
      stream,
      seq,
      type,
      source: 'test',
      occurredAt: new Date(clock).toISOString(),
      correlationId: 'lotId' in payload ? String(payload.lotId) : `${stream}-${seq}`,
      schemaVersion: 1,
      payload,
      ...overrides,
    };
  };
}

export function inspectionFailurePayload(lotId: string, overrides: Partial<EventPayload<'inspection.failed'>> = {}): EventPayload<'inspection.failed'> {
  return {
    lotId,
    lotVersion: 2,
    inspectionLotId: `IL-${lotId}`,
    itemId: 'I-100',
    plant: 'P1',
    quantity: 120,
    unit: 'EA',
    supplierId: 'S-100',
    defectCode: 'DIM-OOT',
    defectText: 'Bore diameter out of tolerance',
    ...overrides,
  };
}
