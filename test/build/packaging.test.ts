// `electron-builder` for Linux `dir`, as `npm run dist` would package the app, against a placeholder
// Electron distribution (Electron's binary cannot be downloaded here: the placeholder is a small file
// carrying Electron's fuse wire, all fuses off). The result is inspected: what the asar holds and what
// it must not, better-sqlite3's native module unpacked, and the fuses the afterPack hook flipped, read
// back from the packed binary.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
// @ts-expect-error: the hook is plain JavaScript, as electron-builder loads it
import { fuses as hookFuses } from '../../build/after-pack.mjs';

const fuses = hookFuses as Record<keyof typeof FuseV1Options, boolean>;

const repoRoot = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;

/** Electron's fuse sentinel, then the wire's version (1), its length and each fuse as '0' (off). */
function placeholderElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, 9, ...Array<number>(9).fill(0x30)]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "placeholder Electron"\n'), Buffer.alloc(256), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire, Buffer.alloc(256)]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'placeholder');
  writeFileSync(path.join(dir, 'version'), electronVersion);
}

describe('packaging', () => {
  it('packs the built main, preload and renderer into the asar, unpacks better-sqlite3, ships no sources or maps, and flips the fuses', async () => {
    const temp = makeTempDir();
    try {
      const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
      expect(build.status, build.stderr).toBe(0);
      const electronDist = path.join(temp.dir, 'electron-dist');
      placeholderElectron(electronDist);
      const output = path.join(temp.dir, 'release');
      const pack = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), '--linux', 'dir', `-c.electronDist=${electronDist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${output}`], { cwd: repoRoot, encoding: 'utf8' });
      expect(pack.status, `${pack.stdout}\n${pack.stderr}`).toBe(0);

      const unpacked = path.join(output, 'linux-unpacked');
      const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
      for (const built of ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/rebalance-worker.cjs', '/dist/renderer/index.html', '/package.json']) expect(files).toContain(built);
      expect(files.filter((file) => /\.(map|ts|tsx)$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
      expect(files.filter((file) => /^\/(test|orchestration-core|renderer|shared|simulator|electron|build|docs)\//.test(file))).toEqual([]);
      // Only what the bundles load at run time: no React (bundled), no test or build tools.
      const modules = new Set(files.filter((file) => file.startsWith('/node_modules/')).map((file) => file.split('/')[2]));
      for (const runtime of ['better-sqlite3', 'pino', 'pino-roll']) expect(modules).toContain(runtime);
      for (const dev of ['react', 'vitest', 'typescript', 'electron', 'electron-builder', '@playwright']) expect(modules).not.toContain(dev);
      expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node'))).toBe(true);

      const wire = await getCurrentFuseWire(path.join(unpacked, 'plant-orchestrator'));
      const states = Object.fromEntries(Object.keys(fuses).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]] === 0x31]));
      expect(states).toEqual(fuses);
      expect(fuses).toEqual({ RunAsNode: false, EnableCookieEncryption: true, EnableNodeOptionsEnvironmentVariable: false, EnableNodeCliInspectArguments: false, EnableEmbeddedAsarIntegrityValidation: true, OnlyLoadAppFromAsar: true });
      expect(readdirSync(unpacked).sort()).toEqual(['LICENSE.electron.txt', 'plant-orchestrator', 'resources', 'version']);
    } finally {
      temp.remove();
    }
  }, 180_000);
});
