// The web host reads the built renderer once, whole: what it serves then no longer depends on the folder.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoBuiltRendererError, readRendererFiles } from '../../electron/renderer-files';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let rendererDir: string;
beforeEach(() => {
  temp = makeTempDir('renderer-files-');
  rendererDir = temp.file('renderer');
});
afterEach(() => temp.remove());

function writeBuild(folder = rendererDir): void {
  mkdirSync(path.join(folder, 'assets'), { recursive: true });
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(folder, 'assets', 'index-1.js'), 'js');
  writeFileSync(path.join(folder, '.build-stamp'), 'abc\n');
}

describe('readRendererFiles', () => {
  it('reads every file of the build by its request path, without dot files or symlinks', async () => {
    writeBuild();
    writeFileSync(temp.file('secret.txt'), 'TOP SECRET');
    symlinkSync(temp.file('secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    const files = await readRendererFiles(rendererDir);
    expect([...files.keys()].sort()).toEqual(['assets/index-1.js', 'index.html']);
    expect(files.get('assets/index-1.js')?.toString()).toBe('js');
  });

  it('says to build the renderer when there is none', async () => {
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'notes.txt'), 'no index.html');
    await expect(readRendererFiles(rendererDir, { attempts: 2, retryMs: 1 })).rejects.toThrow(
      new NoBuiltRendererError(rendererDir),
    );
    rmSync(rendererDir, { recursive: true });
    await expect(readRendererFiles(rendererDir, { attempts: 2, retryMs: 1 })).rejects.toThrow(`no built renderer in ${rendererDir}: run "npm run build:renderer" first`);
  });

  it('waits for a build being swapped in instead of failing on the instant the folder is missing', async () => {
    // As build/build-renderer.ts publishes: written elsewhere, then renamed into place.
    const scratch = temp.file('.renderer-build-1');
    writeBuild(scratch);
    const reading = readRendererFiles(rendererDir, { attempts: 200, retryMs: 5 });
    setTimeout(() => renameSync(scratch, rendererDir), 20);
    expect([...(await reading).keys()].sort()).toEqual(['assets/index-1.js', 'index.html']);
  });
});
