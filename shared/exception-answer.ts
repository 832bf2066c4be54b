// A planner's answer to an Order Impact exception as it travels: the gateway keeps one per exception
// and publishes it, so every workstation shows the exception answered, by whom, with the note, and
// nobody answers it a second time.
import { z } from 'zod';
import { projectedEffectSchema } from './approval-payloads';
import { idSchema } from './domain';

export const exceptionResponseIds = ['expedite', 'alternate-supplier', 'substitute', 'transfer', 'reschedule', 'accept-delay'] as const;
export const exceptionResponseIdSchema = z.enum(exceptionResponseIds);

const impactedOrderSchema = z.object({ id: idSchema, daysLate: z.number().finite().nullable(), addedDaysLate: z.number().finite().nullable(), unfulfilled: z.boolean() });

/** The orders the exception made later when it was answered, as the answering workstation weighed them. */
export const answeredImpactSchema = z.object({
  productionOrders: z.array(impactedOrderSchema).max(20_000),
  customerOrders: z.array(impactedOrderSchema.extend({ revenueAtRisk: z.number().finite().nonnegative() })).max(20_000),
  totalRevenueAtRisk: z.number().finite().nonnegative(),
});

export const exceptionAnswerSchema = z.object({
  exceptionId: idSchema,
  responseId: exceptionResponseIdSchema,
  /** The response as the planner read it ("Expedite PO-0003065/10"). */
  responseLabel: z.string().min(1).max(300),
  note: z.string().max(1000).optional(),
  /** What the response was projected to leave late; null when nothing was projected. */
  remaining: projectedEffectSchema.nullable(),
  /** A response a supervisor approves first: the answer stands unless the supervisor rejects it. */
  approvalId: idSchema.optional(),
  /**
   * What the exception made later when it was answered: a workstation that joins later weighs the
   * disruption against a plan that already holds the answer, and shows these figures instead.
   */
  weighed: answeredImpactSchema.optional(),
});
export type ExceptionAnswer = z.infer<typeof exceptionAnswerSchema>;
