// Canonical events (gateway -> app): one envelope, a payload schema per event type.
import { z } from 'zod';
import { describeZodError } from './describe-error';
import { planDateSchema } from './dataset';
import { projectedEffectSchema, substitutionRequestSchema } from './approval-payloads';
import { idSchema, isoDateTimeSchema, quantitySchema, stockTypeSchema } from './domain';

export const eventEnvelopeSchema = z.object({
  id: idSchema,
  stream: idSchema,
  seq: z.number().int().positive(),
  type: z.string().min(1),
  source: z.string().min(1),
  occurredAt: isoDateTimeSchema,
  plant: idSchema.optional(),
  correlationId: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

const lotRef = {
  lotId: idSchema,
  /** The lot's upstream version after this change. */
  lotVersion: z.number().int().nonnegative(),
};

export const eventPayloadSchemas = {
  'goods.received': z.object({
    ...lotRef,
    itemId: idSchema,
    plant: idSchema,
    quantity: quantitySchema,
    unit: idSchema,
    stockType: stockTypeSchema,
    supplierId: idSchema.optional(),
    purchaseOrder: idSchema.optional(),
  }),
  'inspection.failed': z.object({
    ...lotRef,
    inspectionLotId: idSchema,
    itemId: idSchema,
    plant: idSchema,
    quantity: quantitySchema,
    unit: idSchema,
    supplierId: idSchema.optional(),
    defectCode: idSchema,
    defectText: z.string().max(500),
  }),
  'inspection.passed': z.object({
    ...lotRef,
    inspectionLotId: idSchema,
  }),
  'lot.consumed': z.object({
    ...lotRef,
    productionOrderId: idSchema,
    quantity: quantitySchema.positive(),
  }),
  /** A supplier's ASN moves a PO schedule line's receipt to a later (or earlier) date. */
  'asn.delayed': z.object({
    poLineId: idSchema,
    asnId: idSchema,
    itemId: idSchema,
    plant: idSchema,
    supplierId: idSchema,
    quantity: quantitySchema,
    previousDate: planDateSchema,
    newDate: planDateSchema,
    reason: z.string().max(500).optional(),
  }),
  /** Someone asked for a supervisor's approval; correlationId is the approvalId. */
  'approval.requested': z.object({
    approvalId: idSchema,
    kind: z.literal('substitution'),
    subject: z.string().min(1).max(300),
    requestedBy: idSchema,
    requestedAt: isoDateTimeSchema,
    substitution: substitutionRequestSchema,
    exceptionId: idSchema.optional(),
    projected: projectedEffectSchema.optional(),
  }),
  /** A supervisor decided a request; correlationId is the approvalId. */
  'approval.decided': z.object({
    approvalId: idSchema,
    decision: z.enum(['approve', 'reject']),
    decidedBy: idSchema,
    decidedAt: isoDateTimeSchema,
    reason: z.string().max(1000),
  }),
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export const eventTypes = Object.keys(eventPayloadSchemas) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

export type CanonicalEvent = {
  [T in EventType]: Omit<EventEnvelope, 'type' | 'payload'> & { type: T; payload: EventPayload<T> };
}[EventType];

export type ParsedEvent =
  | { ok: true; event: CanonicalEvent }
  | { ok: false; reason: string; envelope?: EventEnvelope };

/** Validates an incoming message; never throws. A failure names the field and the problem. */
export function parseEvent(raw: unknown): ParsedEvent {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: describeZodError(envelope.error) };
  const type = envelope.data.type;
  if (!Object.hasOwn(eventPayloadSchemas, type)) {
    return { ok: false, reason: `type: unknown event type "${type}"`, envelope: envelope.data };
  }
  const schema = eventPayloadSchemas[type as EventType];
  const payload = schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    const reason = describeZodError(payload.error)
      .split('; ')
      .map((part) => `payload.${part}`)
      .join('; ');
    return { ok: false, reason, envelope: envelope.data };
  }
  return { ok: true, event: { ...envelope.data, payload: payload.data } as CanonicalEvent };
}
