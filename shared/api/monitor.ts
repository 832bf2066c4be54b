// Monitor: what support needs to run the app without a developer. Dead letters (a message a connector
// could not take in) replayed once the cause is fixed or discarded with a reason, and workflow
// incidents (a step whose retries are spent) run again; each in the audit trail.
import { z } from 'zod';
import { idSchema } from '../domain';

export interface DeadLetterRow {
  id: number;
  connector: string;
  stream: string | null;
  seq: number | null;
  eventId: string | null;
  /** Why it was not taken in, naming the field ("payload.quantity: …"). */
  reason: string;
  /** The message as it arrived (at most the first 4,000 characters). */
  raw: string;
  receivedAt: string;
  resolution: 'replayed' | 'discarded' | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export interface ReplayResult {
  replayed: number;
  /** Those that fail again, with the reason they fail for now. */
  failed: { id: number; reason: string }[];
}

const deadLetterIdSchema = z.number().int().positive();

export const monitorArgSchemas = {
  'monitor.deadLetters': z.object({ open: z.boolean().optional(), limit: z.number().int().min(1).max(1000).optional() }),
  /** One dead letter, or every open one of a reason. */
  'monitor.replayDeadLetters': z.union([z.object({ id: deadLetterIdSchema }), z.object({ reason: z.string().min(1).max(2000) })]),
  'monitor.discardDeadLetter': z.object({ id: deadLetterIdSchema, reason: z.string().trim().min(1, 'say why it is discarded').max(500) }),
  'monitor.retryIncident': z.object({ instanceId: idSchema }),
} as const;

export interface MonitorApi {
  /** Newest first; `open`: only those neither replayed nor discarded. */
  'monitor.deadLetters': (args: { open?: boolean; limit?: number }) => DeadLetterRow[];
  'monitor.replayDeadLetters': (args: { id: number } | { reason: string }) => ReplayResult;
  'monitor.discardDeadLetter': (args: { id: number; reason: string }) => { discarded: true };
  /** Runs the incident's step again (its cause fixed); it is an incident again if it fails. */
  'monitor.retryIncident': (args: { instanceId: string }) => { retried: true };
}
