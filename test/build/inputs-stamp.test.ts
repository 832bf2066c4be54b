// The renderer build's stamp: any change to what the build reads changes it, nothing else does.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsStamp, readStamp, stampFileName } from '../../build/renderer-build/inputs-stamp';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
const inputs = { folders: ['renderer', 'shared'], files: ['package-lock.json'] };
const stamp = () => inputsStamp(temp.dir, inputs);

beforeEach(() => {
  temp = makeTempDir('stamp-');
  mkdirSync(temp.file('renderer/app'), { recursive: true });
  mkdirSync(temp.file('shared'));
  writeFileSync(temp.file('renderer/app/view.tsx'), 'export const a = 1;');
  writeFileSync(temp.file('shared/domain.ts'), 'export const b = 2;');
  writeFileSync(temp.file('package-lock.json'), '{}');
  writeFileSync(temp.file('README.md'), 'not an input');
});
afterEach(() => temp.remove());

describe('inputsStamp', () => {
  it('is the same for the same files, and changes with an edit, a rename, a new file or a dependency', () => {
    const first = stamp();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(temp.file('README.md'), 'edited, but the build does not read it');
    expect(stamp()).toBe(first);

    writeFileSync(temp.file('renderer/app/view.tsx'), 'export const a = 2;');
    const edited = stamp();
    expect(edited).not.toBe(first);
    renameSync(temp.file('shared/domain.ts'), temp.file('shared/domain-types.ts'));
    const renamed = stamp();
    expect(renamed).not.toBe(edited);
    writeFileSync(temp.file('shared/new.ts'), '');
    const added = stamp();
    expect(added).not.toBe(renamed);
    writeFileSync(temp.file('package-lock.json'), '{"lockfileVersion":3}');
    expect(stamp()).not.toBe(added);
  });

  it('reads the stamp a build left, or null where there is none', () => {
    expect(readStamp(temp.file('renderer'))).toBeNull();
    writeFileSync(path.join(temp.file('renderer'), stampFileName), 'abc\n');
    expect(readStamp(temp.file('renderer'))).toBe('abc');
    expect(readStamp(temp.file('missing'))).toBeNull();
  });
});
