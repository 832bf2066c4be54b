// The audit chain heads workstations report with their commands: every report kept, the latest per
// workstation answered, so `audit verify --gateway` finds a tail cut off a workstation's file.
import type Database from 'better-sqlite3';
import type { Socket } from 'socket.io';
import { splitAck } from './socket-ack';
import { auditHeadMessages, auditHeadSchema, latestHeadRequestSchema, type AuditHead } from '../shared/auth/audit-head';

export class AuditHeadBook {
  private readonly insert: Database.Statement<[string, string, number, string]>;
  private readonly newest: Database.Statement<[string], { head: string; entries: number; reported_at: string }>;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS audit_heads (id INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, head TEXT NOT NULL, entries INTEGER NOT NULL, reported_at TEXT NOT NULL)');
    db.exec('CREATE INDEX IF NOT EXISTS audit_heads_by_client ON audit_heads (client_id, id)');
    // Prepared once: a report comes with every batch of commands.
    this.insert = db.prepare('INSERT INTO audit_heads (client_id, head, entries, reported_at) VALUES (?, ?, ?, ?)');
    this.newest = db.prepare('SELECT head, entries, reported_at FROM audit_heads WHERE client_id = ? ORDER BY id DESC LIMIT 1');
  }

  record(clientId: string, head: AuditHead): void {
    this.insert.run(clientId, head.head, head.entries, head.at);
  }

  latest(clientId: string): AuditHead | null {
    const row = this.newest.get(clientId);
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
    const { message, ack } = splitAck<unknown>(args);
    if (!ack) return;
    const request = latestHeadRequestSchema.safeParse(message);
    ack(request.success ? { ok: true, head: book.latest(request.data.clientId) } : { ok: false, reason: `clientId: ${request.error.issues[0]?.message ?? 'missing'}` });
  });
}
