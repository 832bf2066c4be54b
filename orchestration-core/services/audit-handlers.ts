// The Audit view's reads: the newest entries of this workstation's trail and whether its chain holds.
import { defaultAuditLimit, type AuditApi, type AuditRow } from '../../shared/api/audit';
import type { Handlers } from '../../shared/api';
import type { ChainRow } from '../store/audit-verify';
import type { Repos } from '../store/repos';

/** The command an entry sent or answers: commands name it `commandId` in their detail. */
function commandIdOf(detail: string): string | null {
  const parsed = JSON.parse(detail) as { commandId?: unknown };
  return typeof parsed.commandId === 'string' ? parsed.commandId : null;
}

const toRow = (row: ChainRow): AuditRow => ({ id: row.id, at: row.at, actor: row.actor, action: row.action, subject: row.subject, commandId: commandIdOf(row.detail), detail: row.detail });

export function createAuditHandlers(deps: { repos: Pick<Repos, 'audit'> }): Handlers<AuditApi> {
  const { audit } = deps.repos;
  return {
    'audit.entries': ({ limit }) => {
      const verdict = audit.verify();
      return { rows: audit.newest(limit ?? defaultAuditLimit).map(toRow), entries: verdict.entries, head: verdict.head, broken: verdict.broken };
    },
  };
}
