// The Audit view's contract: this workstation's audit trail, newest first, with the verdict on its
// hash chain, so whoever reads it knows whether it can be trusted.
import { z } from 'zod';

export interface AuditRow {
  /** The entry's place in the chain. */
  id: number;
  at: string;
  /** Who did it: a user, `system`, or `gateway:erp` for a reply. */
  actor: string;
  /** The role the user acted in, as signed in; null for `system` and the gateway's replies. */
  role: string | null;
  action: string;
  /** What it concerns: a lot, an order, an approval, an exception, or the command type. */
  subject: string;
  /** The command the entry sent or answers, when it is about one: one id across request, reply and audit. */
  commandId: string | null;
  /**
   * The flow the entry belongs to, the same on every workstation: the approval a request, its decision
   * and what was approved share it; otherwise the lot, order or exception.
   */
  correlationId: string;
  /** The rest, as the entry holds it (compact JSON). */
  detail: string;
}

export interface AuditChainVerdict {
  kind: 'edited' | 'deleted' | 'reordered' | 'cut-off';
  entryId: number | null;
  message: string;
}

export interface AuditSnapshot {
  /** The newest entries, at most `limit` of them. */
  rows: AuditRow[];
  /** Entries in the whole trail, and the hash of the last (the chain's head). */
  entries: number;
  head: string;
  /** Null: the chain is intact from its first entry to its head. */
  broken: AuditChainVerdict | null;
}

export const defaultAuditLimit = 5000;

export const auditArgSchemas = {
  'audit.entries': z.object({ limit: z.number().int().min(1).max(100_000).optional() }),
} as const;

export interface AuditApi {
  'audit.entries': (args: { limit?: number | undefined }) => AuditSnapshot;
}
