// One web host per data folder, as Electron keeps one instance per userData folder: two cores on one
// SQLite file (and two embedded simulators on another) would both apply the same events and push the
// same decisions. The lock is a file holding the host's pid; one whose process is gone is taken over.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { isRunning, lockHolder, releaseLockFile, tryTakeLockFile } from './pid-lock-file';

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(`the data folder ${dataDir} is in use by another web host (process ${holderPid}); give this one a folder of its own with PLANT_ORCHESTRATOR_DATA`);
    this.name = 'DataFolderInUseError';
  }
}

/** Takes the data folder for this process, or throws DataFolderInUseError naming the host that has it. */
export function lockDataFolder(dataDir: string): { release(): void } {
  const lockPath = path.join(dataDir, 'web-host.lock');
  for (let attempt = 1; !tryTakeLockFile(lockPath); attempt++) {
    const holder = lockHolder(lockPath);
    if (holder !== null && holder !== process.pid && isRunning(holder)) throw new DataFolderInUseError(dataDir, holder);
    if (attempt >= 3) throw new Error(`${lockPath}: could not take the data folder's lock after ${attempt} attempts`);
    rmSync(lockPath, { force: true });
  }
  return { release: () => releaseLockFile(lockPath) };
}
