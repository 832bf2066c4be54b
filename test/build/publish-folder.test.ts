// Swapping a built folder in by renames: the target ends up exactly the new folder, and scratch
// folders of processes that are gone are cleared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishFolder, removeLeftoverScratch, scratchSibling } from '../../build/renderer-build/publish-folder';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('publish-');
});
afterEach(() => temp.remove());

function writeBuild(folder: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), content);
  }
}

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('publishFolder', () => {
  it('puts the built folder in place when there is none, and over an older one whole', () => {
    const target = temp.file('renderer');
    const first = scratchSibling(target, 'build');
    writeBuild(first, { 'index.html': 'one', 'assets/one.js': '1' });
    publishFolder(first, target);
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('one');

    const second = scratchSibling(target, 'build');
    writeBuild(second, { 'index.html': 'two', 'assets/two.js': '2' });
    publishFolder(second, target);
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('two');
    expect(readdirSync(path.join(target, 'assets'))).toEqual(['two.js']);
    expect(readdirSync(temp.dir)).toEqual(['renderer']);
  });

  it('removes the scratch folders of processes that no longer run, and keeps those of running ones', () => {
    const target = temp.file('renderer');
    const gone = path.join(temp.dir, `.renderer-build-${deadPid()}-abcd1234`);
    const goneOld = path.join(temp.dir, `.renderer-old-${deadPid()}-abcd1234`);
    const mine = scratchSibling(target, 'build');
    const unrelated = temp.file('.renderer-notes');
    for (const folder of [gone, goneOld, mine, unrelated]) mkdirSync(folder);
    removeLeftoverScratch(target);
    expect([gone, goneOld, mine, unrelated].map((folder) => existsSync(folder))).toEqual([false, false, true, true]);
  });
});
