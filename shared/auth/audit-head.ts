// A workstation's audit chain head as it tells the gateway with every batch of commands: the gateway
// keeps the latest per workstation, so a tail cut off the workstation's file is found against it.
import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../domain';

export const auditHeadMessages = {
  /** Workstation → gateway, no ack: AuditHead. */
  report: 'audit.head',
  /** `{ clientId }` with an ack: the latest AuditHead that workstation reported, or null. */
  latest: 'audit.latestHead',
} as const;

export const auditHeadSchema = z.object({
  /** The hash of the chain's last entry (64 hex digits). */
  head: z.string().regex(/^[0-9a-f]{64}$/, 'is not a chain head (64 hex digits)'),
  entries: z.number().int().nonnegative(),
  at: isoDateTimeSchema,
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

export const latestHeadRequestSchema = z.object({ clientId: idSchema });
