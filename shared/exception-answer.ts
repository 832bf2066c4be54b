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

const rerouteUpstreamSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('accepted') }),
  z.object({ state: z.literal('refused'), reason: z.string().max(1000) }),
]);

/** A production order the stopped line held up when the stoppage was answered, as the answering workstation had it. */
const heldUpOrderSchema = z.object({
  productionOrderId: idSchema,
  itemId: idSchema,
  quantity: z.number().finite().nonnegative(),
  startDate: z.string().max(40),
  dueDate: z.string().max(40),
  waitingStartDate: z.string().max(40),
  waitingDueDate: z.string().max(40),
  alternates: z.array(z.object({ plant: idSchema, line: idSchema, freeAfter: z.number().finite(), projected: projectedEffectSchema })).max(10),
  alternatesEvaluated: z.boolean(),
  rerouted: z.object({ plant: idSchema, line: idSchema, commandId: idSchema, upstream: rerouteUpstreamSchema, by: idSchema.optional() }).nullable(),
});

/** Held-up orders an answer carries at most: beyond, a message would outgrow what a gateway takes in one. */
export const heldUpCarriedAtMost = 1000;

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
  /** A line stop's held-up orders when it was answered (with where each was rerouted), for the same reason. */
  heldUp: z.array(heldUpOrderSchema).max(heldUpCarriedAtMost).optional(),
});
export type ExceptionAnswer = z.infer<typeof exceptionAnswerSchema>;
