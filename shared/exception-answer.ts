// A planner's answer to an Order Impact exception as it travels: the gateway keeps one per exception
// and publishes it, so every workstation shows the exception answered, by whom, with the note, and
// nobody answers it a second time.
import { z } from 'zod';
import { projectedEffectSchema } from './approval-payloads';
import { idSchema } from './domain';

export const exceptionResponseIds = ['expedite', 'alternate-supplier', 'substitute', 'transfer', 'reschedule', 'accept-delay'] as const;
export const exceptionResponseIdSchema = z.enum(exceptionResponseIds);

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
});
export type ExceptionAnswer = z.infer<typeof exceptionAnswerSchema>;
