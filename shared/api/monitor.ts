// Monitor: what support needs to run the app without a developer. Dead letters (a message a connector
// could not take in) replayed once the cause is fixed or discarded with a reason, and workflow
// incidents (a step whose retries are spent) run again; each in the audit trail.
import { z } from 'zod';
import { idSchema, plantUnitCodeSchema } from '../domain';

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
  /** Replayed once its cause was fixed, or discarded; null while open. */
  resolution: 'replayed' | 'discarded' | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  /** A discard's reason, or what a replay did. */
  resolutionNote: string | null;
}

export const instanceShows = ['incidents', 'running', 'all'] as const;
export type InstanceShow = (typeof instanceShows)[number];

/** A workflow instance as Monitor lists it. */
export interface MonitorInstanceRow {
  id: string;
  workflow: string;
  version: number;
  /** The triggering event's correlation id: the lot, the PO line, the stoppage. */
  correlationKey: string;
  status: 'running' | 'completed' | 'cancelled';
  /** The step that ran last. */
  step: string | null;
  createdAt: string;
  updatedAt: string;
  /** Stopped at a step whose retries are spent: which, after how many attempts, and what it threw. */
  incident: { step: string; attempts: number; error: string } | null;
  /** What it waits for, in words ("task T-…", "reply cmd-…", "event approval.decided:AP-…", "timer"). */
  waitsFor: string[];
  /** The next timer or retry, when one is set. */
  nextDueAt: string | null;
}

export interface InstanceHistoryEntry {
  kind: string;
  at: string;
  detail: Record<string, unknown>;
}

export interface PendingCommandRow {
  commandId: string;
  connector: string;
  type: string;
  entityId: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  createdAt: string;
}

export interface InstanceCounts {
  all: number;
  running: number;
  incidents: number;
  /** Approvals still undecided that were escalated past their SLA. */
  escalated: number;
}

export interface ReplayResult {
  replayed: number;
  /** Those that fail again, with the reason they fail for now. */
  failed: { id: number; reason: string }[];
}

const deadLetterIdSchema = z.number().int().positive();

export const monitorArgSchemas = {
  'monitor.deadLetters': z.object({ open: z.boolean().optional(), limit: z.number().int().min(1).max(1000).optional() }),
  'monitor.instances': z.object({ show: z.enum(instanceShows), limit: z.number().int().min(1).max(1000).optional() }),
  'monitor.instance': z.object({ id: idSchema }),
  'monitor.outbox': z.object({ limit: z.number().int().min(1).max(1000).optional() }),
  /** One dead letter, or every open one of a reason. */
  'monitor.replayDeadLetters': z.union([z.object({ id: deadLetterIdSchema }), z.object({ reason: z.string().min(1).max(2000) })]),
  'monitor.discardDeadLetter': z.object({ id: deadLetterIdSchema, reason: z.string().trim().min(1, 'say why it is discarded').max(500) }),
  'monitor.retryIncident': z.object({ instanceId: idSchema }),
  'monitor.unitMappings': z.object({}),
  'monitor.mapUnit': z.object({ plant: idSchema, code: plantUnitCodeSchema, unit: idSchema }),
  /** A workflow's lines in the host's log file: those carrying its correlation id or its instance id. */
  'monitor.logLines': z.object({ correlationId: z.string().trim().min(1).max(200), instanceId: idSchema.optional(), limit: z.number().int().min(1).max(1000).optional() }),
} as const;

/** A line of the host's log, as Monitor lists it under a workflow. */
export interface LogLineRow {
  at: string;
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

export interface LogLinesResult {
  lines: LogLineRow[];
  /** The log files' folder; null when this app writes no log file (its lines go to the console only). */
  folder: string | null;
  /** How much was searched: files and bytes. */
  searched: { files: number; bytes: number };
}

export interface MonitorApi {
  /** Newest first; `open`: only those neither replayed nor discarded. */
  'monitor.deadLetters': (args: { open?: boolean; limit?: number }) => DeadLetterRow[];
  'monitor.replayDeadLetters': (args: { id: number } | { reason: string }) => ReplayResult;
  /** Newest first (by last change), a page; with how many there are of each. */
  'monitor.instances': (args: { show: InstanceShow; limit?: number }) => { rows: MonitorInstanceRow[]; counts: InstanceCounts };
  'monitor.instance': (args: { id: string }) => { row: MonitorInstanceRow; history: InstanceHistoryEntry[] };
  /** Commands not yet answered upstream, oldest first. */
  'monitor.outbox': (args: { limit?: number }) => PendingCommandRow[];
  /** The newest lines (200 by default) of the host's log about a workflow, oldest first. */
  'monitor.logLines': (args: { correlationId: string; instanceId?: string; limit?: number }) => Promise<LogLinesResult>;
  'monitor.discardDeadLetter': (args: { id: number; reason: string }) => { discarded: true };
  /** Runs the incident's step again (its cause fixed); it is an incident again if it fails. */
  'monitor.retryIncident': (args: { instanceId: string }) => { retried: true };
  /** The plants' unit codes as mapped so far, and master data's units a code can be mapped to. */
  'monitor.unitMappings': (args: Record<string, never>) => { mappings: UnitMappingRow[]; units: string[] };
  /**
   * Asks the gateway to map a plant's unit code to a unit of master data. Once it comes back on the
   * plant's stream, every workstation reads the plant's messages by it and replays the dead letters the
   * code sent there.
   */
  'monitor.mapUnit': (args: { plant: string; code: string; unit: string }) => { commandId: string };
}

export interface UnitMappingRow {
  plant: string;
  code: string;
  unit: string;
  mappedBy: string;
  mappedAt: string;
}
