// One web host per data folder, as Electron keeps one instance per userData folder: two cores on one
// SQLite file (and two embedded simulators on another) would both apply the same events and push the
// same decisions. The lock is a file holding the host's pid; one whose process is gone is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(`the data folder ${dataDir} is in use by another web host (process ${holderPid}); give this one a folder of its own with PLANT_ORCHESTRATOR_DATA`);
    this.name = 'DataFolderInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(lockPath: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the data folder for this process, or throws DataFolderInUseError naming the host that has it. */
export function lockDataFolder(dataDir: string): { release(): void } {
  const lockPath = path.join(dataDir, 'web-host.lock');
  for (let attempt = 1; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const holder = holderOf(lockPath);
    if (holder !== null && holder !== process.pid && isRunning(holder)) throw new DataFolderInUseError(dataDir, holder);
    rmSync(lockPath, { force: true });
  }
  return {
    release() {
      if (holderOf(lockPath) === process.pid) rmSync(lockPath, { force: true });
    },
  };
}
