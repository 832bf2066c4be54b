// build/use-node22.sh only picks Node: sourced by a user who then runs `npm install && npm start`, it
// must not also keep Electron's binary away. CI, which never launches Electron, says so itself.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('build/use-node22.sh', () => {
  it('puts Node 22 or later first on PATH and leaves the Electron download alone', () => {
    const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...environment } = process.env;
    const run = spawnSync('bash', ['-c', 'source build/use-node22.sh && node -p "process.versions.node" && echo "skip=${ELECTRON_SKIP_BINARY_DOWNLOAD-unset}"'], {
      cwd: repoRoot,
      env: environment,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const [version, skip] = run.stdout.trim().split('\n');
    expect(Number(version!.split('.')[0])).toBeGreaterThanOrEqual(22);
    expect(skip).toBe('skip=unset');
  });

  it('.ci/run skips the Electron binary before it installs', () => {
    const lines = readFileSync(path.join(repoRoot, '.ci/run'), 'utf8').split('\n');
    const skip = lines.indexOf('export ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    const install = lines.findIndex((line) => line.startsWith('npm ci'));
    expect(skip).toBeGreaterThan(lines.findIndex((line) => line.startsWith('source build/use-node22.sh')));
    expect(install).toBeGreaterThan(skip);
  });
});
