// The audit chain heads workstations report with their commands: every report kept, the latest per
// workstation answered, so `audit verify --gateway` finds a tail cut off a workstation's file.
import type Database from 'better-sqlite3';
import type { Socket } from 'socket.io';
import { auditHeadMessages, auditHeadSchema, latestHeadRequestSchema, type AuditHead } from '../shared/auth/audit-head';

export class AuditHeadBook {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    db.exec('CREATE TABLE IF NOT EXISTS audit_heads (id INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, head TEXT NOT NULL, entries INTEGER NOT NULL, reported_at TEXT NOT NULL)');
    db.exec('CREATE INDEX IF NOT EXISTS audit_heads_by_client ON audit_heads (client_id, id)');
  }

  record(clientId: string, head: AuditHead): void {
    this.db.prepare('INSERT INTO audit_heads (client_id, head, entries, reported_at) VALUES (?, ?, ?, ?)').run(clientId, head.head, head.entries, head.at);
  }

  latest(clientId: string): AuditHead | null {
    const row = this.db.prepare<[string], { head: string; entries: number; reported_at: string }>('SELECT head, entries, reported_at FROM audit_heads WHERE client_id = ? ORDER BY id DESC LIMIT 1').get(clientId);
    return row ? { head: row.head, entries: row.entries, at: row.reported_at } : null;
  }
}

export function answerAuditHeads(socket: Socket, book: AuditHeadBook, clientId: string): void {
  socket.on(auditHeadMessages.report, (raw: unknown) => {
    const head = auditHeadSchema.safeParse(raw);
    // A report that does not parse is a workstation's bug, not an attack on anything: it is not kept.
    if (head.success) book.record(clientId, head.data);
  });
  socket.on(auditHeadMessages.latest, (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const request = latestHeadRequestSchema.safeParse(args.length > 1 ? args[0] : undefined);
    (ack as (answer: unknown) => void)(request.success ? { ok: true, head: book.latest(request.data.clientId) } : { ok: false, reason: `clientId: ${request.error.issues[0]?.message ?? 'missing'}` });
  });
}
