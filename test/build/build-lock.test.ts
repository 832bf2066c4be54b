// One renderer build at a time: a second waits for the first, a lock whose process is gone is taken
// over, and a lock held too long is reported with its holder and its file.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withBuildLock } from '../../build/renderer-build/build-lock';
import { makeTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';

let temp: ReturnType<typeof makeTempDir>;
let lockPath: string;
beforeEach(() => {
  temp = makeTempDir('build-lock-');
  lockPath = temp.file('.renderer-build.lock');
});
afterEach(() => temp.remove());

describe('withBuildLock', () => {
  it('runs a second build only after the first is done, and removes the lock after', async () => {
    const events: string[] = [];
    let finishFirst!: () => void;
    const first = withBuildLock(lockPath, async () => {
      events.push('first starts');
      await new Promise<void>((resolve) => (finishFirst = resolve));
      events.push('first ends');
    });
    await waitFor('the first build to start', () => events.includes('first starts'));
    const waitedFor: number[] = [];
    const second = withBuildLock(lockPath, async () => void events.push('second runs'), { pollMs: 5, onWait: (pid) => waitedFor.push(pid) });
    await waitFor('the second build to wait', () => waitedFor.length > 0);
    finishFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first starts', 'first ends', 'second runs']);
    expect(waitedFor).toEqual([process.pid]);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock whose process is gone', async () => {
    writeFileSync(lockPath, String(spawnSync(process.execPath, ['-e', '']).pid));
    await expect(withBuildLock(lockPath, async () => 'built', { waitMs: 1_000, pollMs: 5 })).resolves.toBe('built');
  });

  it('gives up on a lock a running process holds, naming the process and the file', async () => {
    writeFileSync(lockPath, String(process.ppid));
    const held = withBuildLock(lockPath, async () => 'built', { waitMs: 20, pollMs: 5 });
    await expect(held).rejects.toThrow(`another renderer build (pid ${process.ppid}) has held ${lockPath} for over`);
    await expect(held).rejects.toThrow(/remove that file if no build is running/);
    expect(existsSync(lockPath)).toBe(true);
  });
});
