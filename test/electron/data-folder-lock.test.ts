// One web host per data folder: a second is refused naming the first, a lock left by a process that
// is gone is taken over, and releasing frees the folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, lockDataFolder } from '../../electron/data-folder-lock';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('data-folder-');
});
afterEach(() => temp.remove());

describe('lockDataFolder', () => {
  it('refuses a folder another running host holds, naming the folder, the process and the way out', () => {
    writeFileSync(temp.file('web-host.lock'), String(process.ppid));
    expect(() => lockDataFolder(temp.dir)).toThrow(new DataFolderInUseError(temp.dir, process.ppid));
    expect(() => lockDataFolder(temp.dir)).toThrow(
      `the data folder ${temp.dir} is in use by another web host (process ${process.ppid}); give this one a folder of its own with PLANT_ORCHESTRATOR_DATA`,
    );
  });

  it('takes over the lock of a process that is gone, and releases it', () => {
    writeFileSync(temp.file('web-host.lock'), String(spawnSync(process.execPath, ['-e', '']).pid));
    const lock = lockDataFolder(temp.dir);
    expect(readFileSync(temp.file('web-host.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(existsSync(temp.file('web-host.lock'))).toBe(false);
  });
});
