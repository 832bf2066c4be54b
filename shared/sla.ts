// How long each kind of human task may wait before it is overdue and escalated to supervisors, and
// what happens by itself when nobody acted: the settings' `sla` block, read into the workflows' policy.
import { z } from 'zod';

const dueHoursSchema = z.number().positive().max(24 * 90);

/** A disposition nobody made in time may keep the lot blocked by itself (the usage decision stays a person's). */
export const dispositionAutoActions = ['keep-blocked'] as const;
export type DispositionAutoAction = (typeof dispositionAutoActions)[number];

export const slaSettingsSchema = z
  .strictObject({
    disposition: z.strictObject({ dueHours: dueHoursSchema.default(48), autoAction: z.enum(dispositionAutoActions).optional() }).default({ dueHours: 48 }),
    substitutionApproval: z.strictObject({ dueHours: dueHoursSchema.default(4) }).default({ dueHours: 4 }),
    useAsIsApproval: z.strictObject({ dueHours: dueHoursSchema.default(4) }).default({ dueHours: 4 }),
    transferApproval: z.strictObject({ dueHours: dueHoursSchema.default(4) }).default({ dueHours: 4 }),
    adjustmentApproval: z.strictObject({ dueHours: dueHoursSchema.default(8) }).default({ dueHours: 8 }),
  })
  .default({ disposition: { dueHours: 48 }, substitutionApproval: { dueHours: 4 }, useAsIsApproval: { dueHours: 4 }, transferApproval: { dueHours: 4 }, adjustmentApproval: { dueHours: 8 } });
export type SlaSettings = z.infer<typeof slaSettingsSchema>;
export const slaTaskTypes = ['disposition', 'substitutionApproval', 'useAsIsApproval', 'transferApproval', 'adjustmentApproval'] as const satisfies readonly (keyof SlaSettings)[];
export type SlaTaskType = (typeof slaTaskTypes)[number];

export const defaultSla: SlaSettings = slaSettingsSchema.parse(undefined);

/** The SLA of an approval of this kind. */
export const approvalSlaType = { substitution: 'substitutionApproval', 'use-as-is': 'useAsIsApproval', transfer: 'transferApproval', adjustment: 'adjustmentApproval' } as const satisfies Record<string, SlaTaskType>;

/** When a task of this type that began at `from` falls due. */
export function slaDueAt(sla: SlaSettings, type: SlaTaskType, from: string): string {
  return new Date(Date.parse(from) + sla[type].dueHours * 3_600_000).toISOString();
}
