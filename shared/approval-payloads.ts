// What an approval request carries on the wire, in commands and events alike.
import { z } from 'zod';
import { idSchema } from './domain';

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
