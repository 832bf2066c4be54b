// Canonical commands (app -> gateway) and the gateway's reply.
import { z } from 'zod';
import { planDateSchema } from './dataset';
import { approvalRequestSchema } from './approval-payloads';
import { describeZodError } from './describe-error';
import { exceptionAnswerSchema } from './exception-answer';
import { usagePostingsSchema } from './usage-decision';
import { escalationSchema } from './escalation';
import { inventoryAdjustmentSchema } from './cycle-count';
import {
  basedOnSchema,
  idSchema,
  isoDateTimeSchema,
  plantUnitCodeSchema,
  quantitySchema,
  stockTypeSchema,
} from './domain';

/** A command to the WMS about one bin, on account of one cycle count. */
const binCommandSchema = z.object({ countId: idSchema, plant: idSchema, bin: idSchema, reason: z.string().min(1).max(500) });

export const commandPayloadSchemas = {
  'lot.setStatus': z.object({
    lotId: idSchema,
    stockType: stockTypeSchema,
    reason: z.string().min(1).max(500),
    /**
     * Containment: the failed lot (and its inspection lot) this one was made from. The ERP opens an
     * inspection lot for the blocked lot, so it gets a usage decision of its own.
     */
    containedBy: z.object({ lotId: idSchema, inspectionLotId: idSchema }).optional(),
  }),
  /** A usage decision: the lot's quantity posted, in parts, to where each part goes (shared/usage-decision.ts). */
  'lot.disposition': z.object({
    lotId: idSchema,
    inspectionLotId: idSchema.optional(),
    valuation: z.enum(['accept', 'reject']),
    code: idSchema,
    postings: usagePostingsSchema,
    reason: z.string().min(1).max(1000),
    deviationNumber: idSchema.optional(),
    /** Use-as-is needs a supervisor's approval: the gateway applies only what was approved, once. */
    approvalId: idSchema.optional(),
    approvedBy: idSchema.optional(),
  }),
  /** A warehouse task: move the lot's stock to another storage location (e.g. the hold area). */
  'wms.moveTask': z.object({
    moveTaskId: idSchema,
    lotId: idSchema,
    plant: idSchema,
    toLocation: idSchema,
    reason: z.string().min(1).max(500),
  }),
  /** A complaint to the supplier about a failed lot, with the evidence; procurement hears of it. */
  'supplierCase.open': z.object({
    caseId: idSchema,
    supplierId: idSchema,
    lotId: idSchema,
    inspectionLotId: idSchema,
    itemId: idSchema,
    quantity: quantitySchema,
    unit: idSchema,
    defectCode: idSchema,
    defectText: z.string().max(500),
    evidence: z.array(z.string().min(1).max(500)).max(50),
    notify: z.array(z.enum(['procurement', 'quality'])).max(2),
  }),
  /** A notification in the ERP (a quality or a maintenance notification) for the people who act on it. */
  'notification.create': z.object({
    notificationId: idSchema,
    kind: z.enum(['quality', 'maintenance']),
    plant: idSchema,
    subject: z.string().min(1).max(300),
    text: z.string().max(2000),
    productionOrderId: idSchema.optional(),
    itemId: idSchema.optional(),
  }),
  /** Deliveries waiting for a lot's release may ship: finished goods were released. */
  'shipment.releaseHold': z.object({
    lotId: idSchema,
    itemId: idSchema,
    plant: idSchema,
    quantity: quantitySchema,
    unit: idSchema,
    reason: z.string().min(1).max(500),
  }),
  /** Ask the supplier to deliver a PO schedule line by an earlier date. */
  'po.expedite': z.object({
    poLineId: idSchema,
    requestedDate: planDateSchema,
    reason: z.string().min(1).max(500),
  }),
  /** A new PO schedule line, e.g. with an alternate supplier. */
  'po.create': z.object({
    poLineId: idSchema,
    supplierId: idSchema,
    itemId: idSchema,
    plant: idSchema,
    quantity: quantitySchema.positive(),
    requestedDate: planDateSchema,
    reason: z.string().min(1).max(500),
  }),
  /** Production orders use an alternate component instead of the one in their BOM. */
  'substitution.apply': z.object({
    productionOrderIds: z.array(idSchema).min(1),
    fromItemId: idSchema,
    toItemId: idSchema,
    plant: idSchema,
    reason: z.string().min(1).max(500),
    /** The approval that allows it; the gateway refuses a substitution nobody else approved. */
    approvalId: idSchema,
    approvedBy: idSchema,
  }),
  /** Ask a supervisor (on any workstation) to approve; the gateway publishes it as `approval.requested`. */
  'approval.request': approvalRequestSchema({}),
  /** A supervisor's decision on a request; the requester's own decision is refused. */
  'approval.decide': z.object({
    approvalId: idSchema,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().max(1000),
  }),
  /** A stock transport order between plants. */
  'transfer.request': z.object({
    transferId: idSchema,
    itemId: idSchema,
    fromPlant: idSchema,
    toPlant: idSchema,
    quantity: quantitySchema.positive(),
    shipDate: planDateSchema,
    arrivalDate: planDateSchema,
    reason: z.string().min(1).max(500),
    /** A transfer above the approval threshold: the supervisor's approval it follows, used once. */
    approvalId: idSchema.optional(),
    approvedBy: idSchema.optional(),
  }),
  'production.reschedule': z.object({
    productionOrderId: idSchema,
    startDate: planDateSchema,
    dueDate: planDateSchema,
    reason: z.string().min(1).max(500),
  }),
  /** A production order moves to another plant's line that can make the item (a line stoppage's reroute). */
  'production.reroute': z.object({
    productionOrderId: idSchema,
    toPlant: idSchema,
    toLine: idSchema,
    startDate: planDateSchema,
    dueDate: planDateSchema,
    reason: z.string().min(1).max(500),
  }),
  /**
   * A planner answered an Order Impact exception: the gateway takes the first answer and refuses a
   * second, naming who answered; the response's own commands follow once the answer is accepted.
   */
  'exception.answer': exceptionAnswerSchema,
  /** The ERP's PO schedule line takes the receipt date an ASN announced. */
  'po.updateReceiptDate': z.object({
    poLineId: idSchema,
    receiptDate: planDateSchema,
    reason: z.string().min(1).max(500),
  }),
  /**
   * A human task passed its due time: supervisors are told on every workstation. Sent by each
   * workstation whose timer fires, under one id derived from the task's subject; the gateway takes
   * the first escalation of a subject and refuses another.
   */
  'escalation.raise': escalationSchema,
  /** The WMS stops picking from a bin whose count is disputed, until `wms.pickRelease`. */
  'wms.pickPause': binCommandSchema,
  'wms.pickRelease': binCommandSchema,
  /** The WMS sends its counters to count the bin again (an adjustment the supervisor rejected). */
  'wms.recount': binCommandSchema,
  /**
   * The book follows the count: `quantity` is the difference (counted minus book). Above tolerance it
   * names the adjustment approval it follows, used once.
   */
  'inventory.adjust': inventoryAdjustmentSchema.extend({
    reason: z.string().min(1).max(500),
    approvalId: idSchema.optional(),
    approvedBy: idSchema.optional(),
  }),
  /** An operator maps a plant's unit code to a unit of master data; the gateway puts it on the plant's stream. */
  'plant.mapUnit': z.object({
    plant: idSchema,
    code: plantUnitCodeSchema,
    unit: idSchema,
  }),
} as const;

export type CommandType = keyof typeof commandPayloadSchemas;
export type CommandPayload<T extends CommandType> = z.infer<(typeof commandPayloadSchemas)[T]>;

export const commandEnvelopeSchema = z.object({
  commandId: idSchema,
  type: z.string().min(1),
  issuedBy: idSchema,
  issuedAt: isoDateTimeSchema,
  basedOn: basedOnSchema.optional(),
  payload: z.unknown(),
  /**
   * The session token of the person who decided it, as it was when they decided: the gateway takes
   * the issuer from it. Absent on what a workstation sends on its own, and on a follow-up.
   */
  session: z.string().min(1).max(8192).optional(),
  /** A follow-up (the substitution after its approval): the person's command it comes from, whose issuer it takes. */
  onBehalfOf: idSchema.optional(),
});
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

export type CanonicalCommand = {
  [T in CommandType]: Omit<CommandEnvelope, 'type' | 'payload'> & { type: T; payload: CommandPayload<T> };
}[CommandType];

export const commandReplySchema = z.object({
  commandId: idSchema,
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  /** The entity's upstream version after the command was applied (or the current one on rejection). */
  version: z.number().int().nonnegative().optional(),
});
export type CommandReply = z.infer<typeof commandReplySchema>;

export type ParsedCommand = { ok: true; command: CanonicalCommand } | { ok: false; reason: string };

/** Validates a command as the gateway receives it; never throws. */
export function parseCommand(raw: unknown): ParsedCommand {
  const envelope = commandEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: describeZodError(envelope.error) };
  const type = envelope.data.type;
  if (!Object.hasOwn(commandPayloadSchemas, type)) {
    return { ok: false, reason: `type: unknown command type "${type}"` };
  }
  const payload = commandPayloadSchemas[type as CommandType].safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, reason: `payload: ${describeZodError(payload.error)}` };
  }
  return { ok: true, command: { ...envelope.data, payload: payload.data } as CanonicalCommand };
}
