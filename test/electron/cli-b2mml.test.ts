// `npm run cli -- b2mml FILE`: prints the canonical events of a B2MML message; a message the
// adapter refuses, or a file it cannot read, is named with the reason and exits with 2.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEvent } from '../../shared/events';
import { b2mmlFixtureDir } from '../helpers/b2mml-messages';
import { makeTempDir } from '../helpers/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'b2mml', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

describe('cli b2mml', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('prints the MAT example as a JSON array holding its master.changed event', () => {
    const run = cli(path.join(b2mmlFixtureDir, 'examples-v0401/MAT-20121210170256-CRBN0001.xml'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const events: unknown[] = JSON.parse(run.stdout);
    expect(events).toEqual([
      {
        id: 'cli:MAT-20121210170256-CRBN0001.xml/1',
        stream: 'plant.cli',
        seq: 1,
        type: 'master.changed',
        source: 'b2mml:DEV130',
        occurredAt: '2012-12-10T17:02:56Z',
        correlationId: 'CRBN0001',
        schemaVersion: 1,
        payload: { entity: 'item', itemId: 'CRBN0001', description: 'Product Courbon0001', unit: 'KG', properties: { HazardousMaterialWarning: 'C,XN' } },
      },
    ]);
    expect(events.every((event) => parseEvent(event).ok)).toBe(true);
  });

  it('names a malformed file and why, and exits with 2', () => {
    const file = temp.file('cut-short.xml');
    writeFileSync(file, '<SyncMaterialLot xmlns="http://www.mesa.org/xml/B2MML">\n  <DataArea>\n    <MaterialLot><ID>L-1</ID>');
    const run = cli(file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(`b2mml: ${file}: xml: not well-formed: the message ends inside <MaterialLot> with 3 elements left open`);
  });

  it('names a file it cannot read, and a missing FILE, with exit 2', () => {
    const missing = temp.file('no-such.xml');
    const unread = cli(missing);
    expect(unread.status).toBe(2);
    expect(unread.stderr).toContain(`b2mml: ${missing}: cannot read: ENOENT`);
    const bare = cli();
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('b2mml: give one FILE');
  });
});
