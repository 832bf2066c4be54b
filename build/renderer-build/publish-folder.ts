// Puts a fully written folder in the place of another by renames alone, so that a reader finds either
// the whole old folder, the whole new one, or (for the instant between two renames) none; never a
// folder being emptied or half written.
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isRunning } from '../../electron/pid-lock-file';

/** A sibling of `target` named for this process, so leftovers of a crashed run can be told apart. */
export function scratchSibling(target: string, purpose: 'build' | 'old'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}-${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Renames `built` to `target`. A folder cannot be renamed over a non-empty one, so an existing
 * `target` is first renamed aside (and removed once the new one is in place). Another publisher may
 * put its folder there in between; then that one is moved aside too and the rename tried again.
 */
export function publishFolder(built: string, target: string, maxAttempts = 10): void {
  const asides: string[] = [];
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        renameSync(built, target);
        return;
      } catch (error) {
        if (!['ENOTEMPTY', 'EEXIST', 'EPERM'].includes(errorCode(error) ?? '') || attempt >= maxAttempts) throw error;
      }
      const aside = scratchSibling(target, 'old');
      try {
        renameSync(target, aside);
        asides.push(aside);
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
  } finally {
    for (const aside of asides) rmSync(aside, { recursive: true, force: true });
  }
}

/** Removes the scratch folders next to `target` that a process no longer running left behind. */
export function removeLeftoverScratch(target: string): void {
  const prefix = `.${path.basename(target)}-`;
  const pattern = /^(?:build|old)-(\d+)-[0-9a-f]+$/;
  let entries: string[];
  try {
    entries = readdirSync(path.dirname(target));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = pattern.exec(entry.slice(prefix.length))?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(path.join(path.dirname(target), entry), { recursive: true, force: true });
  }
}
