// An escalation of a human task that passed its due time, as it goes upstream and comes back: what it
// is about (the approval, or the inspection lot a disposition is for), the task's SLA type and due time.
import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './domain';
import { slaTaskTypes } from './sla';

export const escalationSchema = z.object({
  /** The approval or inspection lot the task is for: one escalation each. */
  subjectId: idSchema,
  taskType: z.enum(slaTaskTypes),
  /** The task's subject as supervisors read it. */
  subject: z.string().min(1).max(500),
  plant: idSchema.optional(),
  dueAt: isoDateTimeSchema,
  /** What happened by itself at the due time, when the SLA says so ("kept blocked"). */
  autoAction: z.string().max(200).optional(),
});
