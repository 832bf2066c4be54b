// Canonical events (gateway -> app): one envelope, a payload schema per event type.
import { z } from 'zod';
import { describeZodError } from './describe-error';
import { exceptionAnswerSchema } from './exception-answer';
import { planDateSchema, poLineSchema, productionOrderSchema, transferSchema } from './dataset';
import { approvalRequestSchema } from './approval-payloads';
import { dispositionDecisionSchema, idSchema, isoDateTimeSchema, plantUnitCodeSchema, quantitySchema, stockTypeSchema } from './domain';
import { usagePostingsSchema } from './usage-decision';
import { cycleCountSchema, inventoryAdjustmentSchema } from './cycle-count';
import { escalationSchema } from './escalation';

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

const reportedSubLotSchema = z.object({
  subLotId: idSchema,
  status: z.string().max(80).optional(),
  stockType: stockTypeSchema.optional(),
  quantity: quantitySchema.optional(),
  unit: idSchema.optional(),
});

const plannedMaterialSchema = z.object({
  itemId: idSchema,
  use: z.enum(['consumed', 'produced', 'co-product', 'by-product']),
  quantity: quantitySchema.optional(),
  unit: idSchema.optional(),
});

/** One lot (or sub-lot) of material a production order actually consumed or produced. */
export const materialActualSchema = z.object({
  itemId: idSchema.optional(),
  lotId: idSchema.optional(),
  subLotId: idSchema.optional(),
  quantity: quantitySchema,
  unit: idSchema.optional(),
});
export type MaterialActual = z.infer<typeof materialActualSchema>;

export const testResultSchema = z.object({
  testId: idSchema,
  description: z.string().max(300).optional(),
  value: z.string().max(300).optional(),
  unit: idSchema.optional(),
  /** pass / fail when the message says so; absent when it only carries a value. */
  outcome: z.enum(['pass', 'fail']).optional(),
  testedAt: isoDateTimeSchema.optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

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
    /** The PO schedule line the receipt delivers: it leaves the open supply, its stock is the lot now. */
    poLineId: idSchema.optional(),
    /** A receipt into quality inspection opens an inspection lot. */
    inspectionLotId: idSchema.optional(),
    /** A receipt from production: the order that made the lot. */
    productionOrderId: idSchema.optional(),
    /** A receipt of a stock transport order at its destination: the transfer it completes. */
    transferId: idSchema.optional(),
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
    /** Opened for containment: the failed lot this one was made from. */
    containedBy: idSchema.optional(),
    /** The lot's stock type now, when not quality inspection (a lot blocked for containment). */
    stockType: stockTypeSchema.optional(),
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
  /**
   * The ERP changed a lot's stock on someone's command (a block, a usage decision, possibly from
   * another workstation): the lot's full state after it, so every workstation's cache follows.
   */
  'lot.statusChanged': z.object({
    ...lotRef,
    itemId: idSchema,
    plant: idSchema,
    quantity: quantitySchema,
    unit: idSchema,
    stockType: stockTypeSchema,
    changedBy: idSchema,
    reason: z.string().max(1000),
  }),
  /**
   * The ERP posted a usage decision (SAP QM: the inspection lot's status becomes "usage decision made"),
   * whichever workstation sent it: who decided and when, the postings, and the lot and sub-lots it
   * left in stock. It follows the parts' own lot.statusChanged events on the same stream.
   */
  'usageDecision.made': z.object({
    ...lotRef,
    inspectionLotId: idSchema,
    /** The lot.disposition that carried it: a workstation knows its own decision by it. */
    commandId: idSchema,
    decidedBy: idSchema,
    decidedAt: isoDateTimeSchema,
    valuation: z.enum(['accept', 'reject']),
    code: idSchema,
    postings: usagePostingsSchema,
    reason: z.string().max(1000),
    deviationNumber: idSchema.optional(),
    approvedBy: idSchema.optional(),
    /** The supervisor's approval a use-as-is went under: the flow's correlation on every workstation. */
    approvalId: idSchema.optional(),
    unit: idSchema,
    /**
     * The failed inspection it closed, as it was: a workstation that never heard of the failure (it
     * joined later) holds the lot as every other did, decided.
     */
    failure: z.object({ defectCode: idSchema, defectText: z.string().max(500), failedAt: isoDateTimeSchema, quantity: quantitySchema }).optional(),
    /** What stays in stock: the lot itself first, then each sub-lot; scrap and returns are not parts. */
    parts: z
      .array(z.object({ lotId: idSchema, decision: dispositionDecisionSchema, stockType: stockTypeSchema, quantity: quantitySchema }))
      .min(1)
      .max(6),
  }),
  /** A production lot's output (or a plant's lot) was released to finished-goods stock. */
  'fg.released': z.object({
    ...lotRef,
    itemId: idSchema,
    plant: idSchema,
    quantity: quantitySchema,
    unit: idSchema,
    productionOrderId: idSchema.optional(),
  }),
  /** Master data changed upstream; from a B2MML MaterialDefinition, an item. */
  'master.changed': z.object({
    entity: z.literal('item'),
    itemId: idSchema,
    description: z.string().max(300).optional(),
    unit: idSchema.optional(),
    properties: z.record(z.string().max(80), z.string().max(500)).default({}),
  }),
  /**
   * A plant system's statement of a material lot (B2MML MaterialLot), with its sub-lots. The plant
   * carries no ERP lot version, so this never overrides the ERP's stock type of a lot the cache knows.
   */
  'lot.reported': z.object({
    lotId: idSchema,
    itemId: idSchema.optional(),
    plant: idSchema.optional(),
    /** The plant's status word, as sent (e.g. Released, Quarantined). */
    status: z.string().max(80).optional(),
    stockType: stockTypeSchema.optional(),
    quantity: quantitySchema.optional(),
    unit: idSchema.optional(),
    expiresAt: isoDateTimeSchema.optional(),
    properties: z.record(z.string().max(80), z.string().max(500)).default({}),
    subLots: z.array(reportedSubLotSchema).max(1000).default([]),
  }),
  /** An order released to production, with the materials it will consume and produce (B2MML ProductionSchedule). */
  'production.released': z.object({
    productionOrderId: idSchema,
    plant: idSchema.optional(),
    startAt: isoDateTimeSchema.optional(),
    endAt: isoDateTimeSchema.optional(),
    materials: z.array(plannedMaterialSchema).max(1000),
  }),
  /**
   * A production order (or one of its operations) reported what it consumed and produced, lot by
   * lot: the genealogy. Yield is the good quantity produced; scrap what was lost on the way.
   */
  'production.completed': z.object({
    productionOrderId: idSchema,
    plant: idSchema.optional(),
    itemId: idSchema.optional(),
    yieldQuantity: quantitySchema.optional(),
    scrapQuantity: quantitySchema.optional(),
    unit: idSchema.optional(),
    consumed: z.array(materialActualSchema).max(1000).default([]),
    produced: z.array(materialActualSchema).max(1000).default([]),
  }),
  /** Inspection results recorded against a lot (B2MML TestResult / QualityTestResult). */
  'inspection.recorded': z.object({
    lotId: idSchema,
    subLotId: idSchema.optional(),
    inspectionLotId: idSchema.optional(),
    results: z.array(testResultSchema).min(1).max(1000),
  }),
  /** A production line stopped (breakdown, tooling, staffing); expectedDays is the plant's estimate. */
  'line.stopped': z.object({
    stoppageId: idSchema,
    plant: idSchema,
    line: idSchema,
    from: planDateSchema,
    expectedDays: z.number().int().min(1).max(365),
    reason: z.string().max(500),
  }),
  /** The line runs again. */
  'line.restarted': z.object({
    stoppageId: idSchema,
    plant: idSchema,
    line: idSchema,
    on: planDateSchema,
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
  /**
   * The ERP changed a planning record on someone's command (a receipt date, an expedite, a new PO line;
   * a production order rescheduled, rerouted or given a substitute; a stock transport order): the
   * record as it is now, so every workstation's plan follows, not only the one that sent the command.
   */
  'planning.changed': z.object({
    change: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('poLine'), poLine: poLineSchema }),
      z.object({ kind: z.literal('productionOrder'), order: productionOrderSchema }),
      z.object({ kind: z.literal('transfer'), transfer: transferSchema }),
    ]),
    /** The command that changed it: a workstation knows its own change by it. */
    commandId: idSchema,
    changedBy: idSchema,
    reason: z.string().max(1000),
  }),
  /** A planner's answer to an exception, from whichever workstation; correlationId is the exceptionId. */
  'exception.answered': exceptionAnswerSchema.extend({
    /** The exception.answer that carried it: a workstation knows its own answer by it. */
    commandId: idSchema,
    answeredBy: idSchema,
    answeredAt: isoDateTimeSchema,
  }),
  /** Someone asked for a supervisor's approval; correlationId is the approvalId. */
  'approval.requested': approvalRequestSchema({ requestedBy: idSchema, requestedAt: isoDateTimeSchema }),
  /** A human task passed its due time, escalated once (correlationId: what it is about, the approval or the lot). */
  'escalation.raised': escalationSchema.extend({ raisedAt: isoDateTimeSchema }),
  /**
   * An operator mapped a plant's unit code to a unit of master data (KGM stands for KG), on the plant's
   * own stream: every workstation reads the messages after it the same way, and replays the dead
   * letters before it that the code sent there.
   */
  'plant.unitMapped': z.object({
    plant: idSchema,
    code: plantUnitCodeSchema,
    unit: idSchema,
    mappedBy: idSchema,
    mappedAt: isoDateTimeSchema,
  }),
  /** The plant's WMS counted a bin (correlationId: the count's id). */
  'cyclecount.variance': cycleCountSchema,
  /** The book now says what was counted (correlationId: the count's id). */
  'inventory.adjusted': inventoryAdjustmentSchema.extend({
    adjustedBy: idSchema,
    adjustedAt: isoDateTimeSchema,
    approvalId: idSchema.optional(),
  }),
  /** Picks from a bin paused or released again (correlationId: the count's id). */
  'bin.picksChanged': z.object({ countId: idSchema, plant: idSchema, bin: idSchema, paused: z.boolean(), changedBy: idSchema, reason: z.string().max(500) }),
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
