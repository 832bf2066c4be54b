// `npm run build:renderer`: builds the renderer into dist/renderer, unless the build there is current
// (its stamp matches the sources). A build is written to a scratch folder and swapped in whole, so a
// web host starting or running meanwhile never finds the folder emptied or half written, and two
// builds started at once take turns: the second finds the first's build current. `--force` rebuilds.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { build } from 'vite';
import { withBuildLock } from './renderer-build/build-lock';
import { inputsStamp, readStamp, stampFileName } from './renderer-build/inputs-stamp';
import { publishFolder, removeLeftoverScratch, scratchSibling } from './renderer-build/publish-folder';

const repoRoot = path.resolve(import.meta.dirname, '..');
const target = path.join(repoRoot, 'dist/renderer');
const shown = path.relative(repoRoot, target);
/** What the build reads: the renderer, the shared code it imports, its dependencies' versions, and this script. */
const inputs = {
  folders: ['renderer', 'shared', 'build/renderer-build'],
  files: ['build/build-renderer.ts', 'package-lock.json', 'tsconfig.base.json'],
};

async function buildInto(folder: string): Promise<void> {
  await build({
    configFile: path.join(repoRoot, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: folder, emptyOutDir: true },
  });
}

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--force');
  if (unknown.length > 0) {
    console.error(`build-renderer: ${unknown[0]}: unknown flag (known: --force, to rebuild a current build)`);
    return 2;
  }
  const force = args.includes('--force');
  const stamp = inputsStamp(repoRoot, inputs);
  const isCurrent = () => !force && readStamp(target) === stamp;
  if (isCurrent()) {
    process.stdout.write(`renderer: ${shown} is current, not rebuilt\n`);
    return 0;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const onWait = (pid: number) => process.stdout.write(`renderer: waiting for the build of process ${pid}\n`);
  await withBuildLock(
    path.join(path.dirname(target), '.renderer-build.lock'),
    async () => {
      if (isCurrent()) {
        process.stdout.write(`renderer: ${shown} was built meanwhile, not rebuilt\n`);
        return;
      }
      removeLeftoverScratch(target);
      const scratch = scratchSibling(target, 'build');
      try {
        await buildInto(scratch);
        writeFileSync(path.join(scratch, stampFileName), `${stamp}\n`);
        publishFolder(scratch, target);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      process.stdout.write(`renderer: built into ${shown}\n`);
    },
    { onWait },
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('build-renderer: the build failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
