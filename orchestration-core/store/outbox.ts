// Commands waiting to go upstream. A row is written in the same transaction as the decision that
// minted its commandId, and stays pending until the gateway replies.
import type Database from 'better-sqlite3';
import type { CanonicalCommand, CommandReply } from '../../shared/commands';

export interface OutboxEntry {
  seq: number;
  commandId: string;
  connector: string;
  type: string;
  entityId: string | null;
  /** What its audit entries are about: the entity, or the lot a move task or supplier case names. */
  subject: string | null;
  command: CanonicalCommand;
  status: 'pending' | 'accepted' | 'duplicate' | 'rejected';
  attempts: number;
}

interface OutboxRow {
  seq: number;
  command_id: string;
  connector: string;
  type: string;
  entity_id: string | null;
  subject: string | null;
  envelope: string;
  status: OutboxEntry['status'];
  attempts: number;
}

export function createOutbox(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO outbox (command_id, connector, type, entity_id, subject, envelope, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
  );
  const pending = db.prepare<[string, number, number], OutboxRow>(
    `SELECT * FROM outbox WHERE connector = ? AND status = 'pending' AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const byId = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE command_id = ?');
  const refusal = db.prepare<[string], string | null>("SELECT json_extract(reply, '$.reason') FROM outbox WHERE command_id = ? AND status = 'rejected'").pluck();
  const markReplied = db.prepare(
    `UPDATE outbox SET status = ?, reply = ?, replied_at = ? WHERE command_id = ? AND status = 'pending'`,
  );
  const markAttempt = db.prepare(
    'UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE command_id = ?',
  );
  const markAttempts = db.transaction((commandIds: readonly string[], at: string) => {
    for (const commandId of commandIds) markAttempt.run(at, commandId);
  });
  const depth = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE connector = ? AND status = 'pending'`,
  );
  const pendingForEntity = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE entity_id = ? AND status = 'pending'`,
  );

  return {
    /** `entityId` counts as a change of that entity pending upstream; `subject` (the entity by default) is what the audit names. */
    enqueue(command: CanonicalCommand, connector: string, entityId: string | null, at: string, subject: string | null = entityId): void {
      insert.run(command.commandId, connector, command.type, entityId, subject, JSON.stringify(command), at);
    },
    /** Pending commands of a connector after `afterSeq`, oldest first. */
    pending(connector: string, afterSeq: number, limit: number): OutboxEntry[] {
      return pending.all(connector, afterSeq, limit).map(toEntry);
    },
    /** Why upstream refused the command; null when it did not (or gave no reason). */
    refusal: (commandId: string): string | null => refusal.get(commandId) ?? null,
    get(commandId: string): OutboxEntry | undefined {
      const row = byId.get(commandId);
      return row ? toEntry(row) : undefined;
    },
    /** Records the reply; false when the command already had one (a late duplicate reply). */
    recordReply(reply: CommandReply, at: string): boolean {
      return markReplied.run(reply.status, JSON.stringify(reply), at, reply.commandId).changes === 1;
    },
    /** Marks the commands about to be sent, in one transaction (a window of them at a time). */
    recordAttempts(commandIds: readonly string[], at: string): void {
      markAttempts(commandIds, at);
    },
    depth: (connector: string): number => depth.get(connector)?.n ?? 0,
    /** Commands on this entity still on their way upstream: each will bump its upstream version. */
    pendingForEntity: (entityId: string): number => pendingForEntity.get(entityId)?.n ?? 0,
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    seq: row.seq,
    commandId: row.command_id,
    connector: row.connector,
    type: row.type,
    entityId: row.entity_id,
    subject: row.subject,
    command: JSON.parse(row.envelope) as CanonicalCommand,
    status: row.status,
    attempts: row.attempts,
  };
}
