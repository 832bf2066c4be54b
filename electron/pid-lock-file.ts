// A lock file holding its owner's process id: taken only if absent (O_EXCL), read to find who holds it,
// and a holder whose process is gone can be told apart. The web host's data folder and the renderer
// build both lock this way.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Whether a process with this pid runs (EPERM: it does, under another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in the lock file; null when there is none, or it is being written. */
export function lockHolder(lockPath: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Creates the lock file with this process's pid; false when it exists already. */
export function tryTakeLockFile(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes the lock file if this process holds it. */
export function releaseLockFile(lockPath: string): void {
  if (lockHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
}
