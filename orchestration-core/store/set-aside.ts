// A workstation's cache that cannot be opened (not a database, damaged, or written by a newer version
// of the app) is never deleted: it is renamed aside with a dated name, with its WAL, and a fresh cache
// takes its place, which catches up from the gateway. How many decisions it still held unsent is said,
// where the file can still be read, so `npm run cli -- outbox export` can write them out.
import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openStore, StoreOpenError, type Store } from './open-store';

export interface SetAsideCache {
  /** Where the old file is now. */
  movedTo: string;
  /** Why it could not be opened, as SQLite or the migrations said. */
  reason: string;
  /** Decisions (commands) it held that the gateway never answered; null when the file cannot be read at all. */
  unsentDecisions: number | null;
}

/** Errors a damaged or foreign file gives, as opposed to a full disk or a locked folder (which are not the file's fault). */
function isUnusableFile(error: unknown): boolean {
  if (error instanceof StoreOpenError) return true;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB';
}

/** What the old file still holds unsent, read without writing to it. */
export function countUnsent(path: string): number | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** "plant-orchestrator.sqlite.2026-12-08T01-05-00Z.set-aside": sorts by date, never taken for the cache. */
export function setAsideName(path: string, at: Date): string {
  return `${path}.${at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.set-aside`;
}

export function openStoreOrSetAside(path: string, now: () => Date): { store: Store; setAside: SetAsideCache | null } {
  try {
    return { store: openStore(path), setAside: null };
  } catch (error) {
    if (!isUnusableFile(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const unsentDecisions = countUnsent(path);
    let movedTo = setAsideName(path, now());
    for (let n = 2; existsSync(movedTo); n++) movedTo = `${setAsideName(path, now())}.${n}`;
    renameSync(path, movedTo);
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
    return { store: openStore(path), setAside: { movedTo, reason, unsentDecisions } };
  }
}

/** The message the host shows and logs: what happened, that nothing was deleted, and what to do about unsent decisions. */
export function describeSetAside(path: string, setAside: SetAsideCache): string {
  const unsent =
    setAside.unsentDecisions === null
      ? ' Whether it held decisions not yet sent cannot be read from it.'
      : setAside.unsentDecisions === 0
        ? ' It held no decisions waiting to be sent.'
        : ` It held ${setAside.unsentDecisions} ${setAside.unsentDecisions === 1 ? 'decision' : 'decisions'} not yet sent: \`npm run cli -- outbox export --db ${setAside.movedTo}\` writes them out.`;
  return `The local cache ${path} could not be opened (${setAside.reason}). It was kept, moved to ${setAside.movedTo}, and a fresh cache catches up from the gateway.${unsent}`;
}
