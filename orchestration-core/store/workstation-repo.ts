// The workstation's own facts (migration 0017): its client id, the gateway's public key, the last user,
// the settings it ran with last.
import type Database from 'better-sqlite3';

/** `settings`: the settings it ran with last, flattened (services/settings-audit.ts). */
export type WorkstationKey = 'clientId' | 'gatewayPublicKey' | 'lastUser' | 'settings';

export function createWorkstationRepo(db: Database.Database) {
  const read = db.prepare<[string], string>('SELECT value FROM workstation WHERE key = ?').pluck();
  const remove = db.prepare('DELETE FROM workstation WHERE key = ?');
  const write = db.prepare('INSERT INTO workstation (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
  return {
    get: (key: WorkstationKey): string | null => read.get(key) ?? null,
    set: (key: WorkstationKey, value: string, at: string): void => {
      write.run(key, value, at);
    },
    forget: (key: WorkstationKey): void => {
      remove.run(key);
    },
  };
}
export type WorkstationRepo = ReturnType<typeof createWorkstationRepo>;
