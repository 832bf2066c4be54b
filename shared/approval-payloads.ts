// What an approval request carries on the wire, in commands and events alike.
import { z } from 'zod';
import { planDateSchema } from './dataset';
import { idSchema, quantitySchema } from './domain';
import { usagePostingsSchema } from './usage-decision';
import { adjustmentRequestSchema } from './cycle-count';

export type { AdjustmentRequest } from './cycle-count';

export const substitutionRequestSchema = z.object({
  productionOrderIds: z.array(idSchema).min(1),
  fromItemId: idSchema,
  toItemId: idSchema,
  plant: idSchema,
  reason: z.string().min(1).max(500),
});

export const projectedEffectSchema = z.object({
  ordersHit: z.number().int().nonnegative(),
  revenueAtRisk: z.number().finite().nonnegative(),
  worstDaysLate: z.number().int().nullable(),
  unfulfilled: z.number().int().nonnegative(),
});

/** Part of a failed lot used as is under a deviation: policy says a supervisor approves it first. */
export const deviationRequestSchema = z.object({
  lotId: idSchema,
  inspectionLotId: idSchema,
  itemId: idSchema,
  plant: idSchema,
  quantity: quantitySchema.positive(),
  unit: idSchema,
  deviationNumber: idSchema,
  defectCode: idSchema,
  reason: z.string().min(1).max(1000),
  /**
   * The whole usage decision the use-as-is is part of (the use-as-is posting and the rest of the lot's),
   * so every workstation shows what waits for approval; absent in requests from before it was carried.
   */
  postings: usagePostingsSchema.optional(),
});
export type DeviationRequest = z.infer<typeof deviationRequestSchema>;

/** A transfer between plants worth more than the threshold (its value: the revenue it protects): policy says a supervisor approves it first. */
export const transferApprovalRequestSchema = z.object({
  transferId: idSchema,
  itemId: idSchema,
  fromPlant: idSchema,
  toPlant: idSchema,
  quantity: quantitySchema.positive(),
  unit: idSchema,
  shipDate: planDateSchema,
  arrivalDate: planDateSchema,
  value: z.number().finite().nonnegative(),
});
export type TransferApprovalRequest = z.infer<typeof transferApprovalRequestSchema>;

const requestBase = {
  approvalId: idSchema,
  subject: z.string().min(1).max(300),
};

/** What a request asks, by kind; `requested` adds who asked and when (the gateway's event). */
export function approvalRequestSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.discriminatedUnion('kind', [
    z.object({
      ...requestBase,
      ...extra,
      kind: z.literal('substitution'),
      substitution: substitutionRequestSchema,
      exceptionId: idSchema.optional(),
      /** What the requester saw: the disruption with no response (baseline) and with the substitution (projected). */
      projected: projectedEffectSchema.optional(),
      baseline: projectedEffectSchema.optional(),
    }),
    z.object({ ...requestBase, ...extra, kind: z.literal('use-as-is'), deviation: deviationRequestSchema }),
    z.object({ ...requestBase, ...extra, kind: z.literal('transfer'), transfer: transferApprovalRequestSchema }),
    z.object({ ...requestBase, ...extra, kind: z.literal('adjustment'), adjustment: adjustmentRequestSchema }),
  ]);
}
