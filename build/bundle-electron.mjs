// `npm run build:electron`: bundles the Electron main process, the preload and the rebalancing worker
// into CommonJS files under dist/electron/. The preload must be one file because a sandboxed preload
// cannot require our modules.
import path from 'node:path';
import { stdout } from 'node:process';
import { build } from 'esbuild';

const repoRoot = path.resolve(import.meta.dirname, '..');
const outDir = path.join(repoRoot, 'dist/electron');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: repoRoot,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
    // Native modules and ws's optional native helpers load from node_modules at run time; so does pino,
    // whose transport (pino-roll) runs in a worker thread started from pino's own files.
    external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate', 'pino', 'pino-roll'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    external: ['electron'],
  }),
  // A worker thread starts from a file of its own: the rebalancing optimizer runs off the UI thread.
  build({
    ...common,
    entryPoints: ['orchestration-core/analysis/rebalancing/rebalance-worker.ts'],
    outfile: path.join(outDir, 'rebalance-worker.cjs'),
  }),
]);
stdout.write(`Electron main and preload bundled into ${path.relative(repoRoot, outDir)}/\n`);
