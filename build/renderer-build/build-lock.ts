// One renderer build at a time per checkout: a second `npm run build:renderer` (or `start:web`)
// waits for the first and then finds the build current. The lock is a file holding the builder's pid;
// a lock whose process is gone is taken over. Correctness does not rest on it (publishFolder never
// leaves a half-written folder), it only saves building twice.
import { rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning, lockHolder, releaseLockFile, tryTakeLockFile } from '../../electron/pid-lock-file';

export interface BuildLockOptions {
  /** How long to wait for another build before giving up. */
  waitMs?: number;
  pollMs?: number;
  /** Called once when the lock is held by another running process. */
  onWait?: (holderPid: number) => void;
}

function ageMs(lockPath: string): number {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

async function acquire(lockPath: string, options: BuildLockOptions): Promise<void> {
  const waitMs = options.waitMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 100;
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    if (tryTakeLockFile(lockPath)) return;
    const holder = lockHolder(lockPath);
    // A lock without a pid is one being written, unless it has stayed so for seconds (its writer died).
    const abandoned = holder === null ? ageMs(lockPath) > 5_000 : !isRunning(holder);
    if (abandoned) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`another renderer build (pid ${holder ?? 'unknown'}) has held ${lockPath} for over ${Math.round(waitMs / 1000)} s; remove that file if no build is running`);
    }
    if (!told && holder !== null) {
      told = true;
      options.onWait?.(holder);
    }
    await sleep(pollMs);
  }
}

/** Runs `work` while holding the lock file at `lockPath`; waits while another running process holds it. */
export async function withBuildLock<T>(lockPath: string, work: () => Promise<T>, options: BuildLockOptions = {}): Promise<T> {
  await acquire(lockPath, options);
  try {
    return await work();
  } finally {
    releaseLockFile(lockPath);
  }
}
