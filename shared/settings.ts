// Settings schema, one for both hosts (electron-store in Electron, conf in the plain-Node host).
// Strict objects: a key the schema does not know (a misspelling) is an error, not silently ignored.
import { z } from 'zod';
import { idSchema } from './domain';
import { defaultDeviationNumberPattern } from './usage-decision';
import { slaSettingsSchema } from './sla';
import { cycleCountSettingsSchema } from './cycle-count';

/** A regular expression, checked when the settings are read: a broken one names itself at start. */
const patternSchema = z.string().min(1).max(200).refine((pattern) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');

export const connectorSettingsSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['erp', 'plant']),
  /** socket.io URL of the gateway, namespace included (e.g. http://127.0.0.1:4100/erp). */
  url: z.url(),
  token: z.string(),
  streams: z.array(idSchema).min(1),
});
export type ConnectorSettings = z.infer<typeof connectorSettingsSchema>;

/**
 * Keys older files hold that are no longer read: who uses the app and in which role is the gateway's
 * to say at sign-in. The hosts drop them with a log line, never trust them.
 */
export const retiredSettingsKeys = ['user', 'role'] as const;

export const settingsSchema = z.strictObject({
  plant: idSchema.nullable().default(null),
  /** Empty: start the embedded simulator and connect to it. */
  connectors: z.array(connectorSettingsSchema).default([]),
  /** Policy thresholds the workflows decide by. */
  thresholds: z
    .strictObject({
      /** Good share of a production order's output (0..1) below which quality and maintenance are alerted, for items without their own. */
      minimumYield: z.number().gt(0).max(1).default(0.95),
      /** Value (revenue protected) above which a rebalancing transfer needs a supervisor's approval. */
      transferApprovalValue: z.number().nonnegative().default(10_000),
    })
    .default({ minimumYield: 0.95, transferApprovalValue: 10_000 }),
  /** Quality policy: what a deviation number for a use-as-is looks like (checked here and by the gateway). */
  quality: z
    .strictObject({ deviationNumberPattern: patternSchema.default(defaultDeviationNumberPattern) })
    .default({ deviationNumberPattern: defaultDeviationNumberPattern }),
  /** Due times per human task type, and what happens by itself when one passes (shared/sla.ts). */
  sla: slaSettingsSchema,
  /** Cycle counts: the tolerance per item class below which a variance is adjusted without approval (shared/cycle-count.ts). */
  cycleCount: cycleCountSettingsSchema,
  ui: z
    .strictObject({ density: z.enum(['compact', 'touch']).default('compact') })
    .default({ density: 'compact' }),
});
export type Settings = z.infer<typeof settingsSchema>;
