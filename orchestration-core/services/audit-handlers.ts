// The Audit view's reads: the newest entries of this workstation's trail and whether its chain holds.
import { defaultAuditLimit, type AuditApi, type AuditRow } from '../../shared/api/audit';
import type { Handlers } from '../../shared/api';
import type { ChainRow } from '../store/audit-verify';
import type { Repos } from '../store/repos';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The command an entry sent or answers, its role and its flow, as the detail names them (older entries: the subject). */
function toRow(row: ChainRow): AuditRow {
  const detail = JSON.parse(row.detail) as { commandId?: unknown; role?: unknown; correlationId?: unknown; approvalId?: unknown };
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    role: text(detail.role),
    action: row.action,
    subject: row.subject,
    commandId: text(detail.commandId),
    correlationId: text(detail.correlationId) ?? text(detail.approvalId) ?? row.subject,
    detail: row.detail,
  };
}

export function createAuditHandlers(deps: { repos: Pick<Repos, 'audit'> }): Handlers<AuditApi> {
  const { audit } = deps.repos;
  return {
    'audit.entries': ({ limit }) => {
      const verdict = audit.verify();
      return { rows: audit.newest(limit ?? defaultAuditLimit).map(toRow), entries: verdict.entries, head: verdict.head, broken: verdict.broken };
    },
  };
}
