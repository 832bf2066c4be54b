// A workflow's lines in the host's log files, as Monitor lists them: written by the real file logger
// (pino and pino-roll), found by correlation id or instance id, older files' lines first, the newest
// ones kept when there are more than asked for.
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../electron/file-logger';
import { createLogLineReader } from '../../electron/log-lines';
import { makeTempDir } from '../helpers/temp-dir';

const quiet = { info() {}, warn() {}, error() {} };

describe('log lines of a workflow', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.remove());

  it('finds the lines of a correlation id or an instance id, and nothing of another workflow', async () => {
    temp = makeTempDir();
    const logger = createFileLogger(temp.dir, quiet);
    logger.info('workflow step', { correlationId: 'L-000001', instanceId: 'i-1', step: 'decided' });
    logger.info('workflow step', { correlationId: 'L-000002', instanceId: 'i-2' });
    logger.error('workflow inspection-failed step decided failed', { instanceId: 'i-1', error: 'lot L-000001 is not in the local cache' });
    logger.warn('mentions L-000001 in its message only');
    await logger.close();
    const found = await createLogLineReader(logger.folder).find({ correlationId: 'L-000001', instanceId: 'i-1' }, 10);
    expect(found.lines.map((line) => [line.level, line.message])).toEqual([
      ['info', 'workflow step'],
      ['error', 'workflow inspection-failed step decided failed'],
    ]);
    expect(found.lines[0]!.fields).toEqual({ correlationId: 'L-000001', instanceId: 'i-1', step: 'decided' });
    expect(Date.parse(found.lines[0]!.at)).not.toBeNaN();
    expect(found.files).toBe(1);
    expect(found.bytes).toBeGreaterThan(0);
  });

  it('puts an older file’s lines first and keeps the newest when there are more than the limit', async () => {
    temp = makeTempDir();
    const line = (n: number) => JSON.stringify({ level: 'info', time: `2026-12-0${n}T08:00:00.000Z`, msg: `step ${n}`, correlationId: 'CC-1' });
    const older = path.join(temp.dir, 'plant-orchestrator.2026-12-01.1.log');
    const newer = path.join(temp.dir, 'plant-orchestrator.2026-12-02.1.log');
    writeFileSync(older, `${line(1)}\n${line(2)}\nnot json but CC-1\n`);
    writeFileSync(newer, `${line(3)}\n${line(4)}\n`);
    utimesSync(older, new Date('2026-12-01T09:00:00Z'), new Date('2026-12-01T09:00:00Z'));
    const reader = createLogLineReader(temp.dir);
    expect((await reader.find({ correlationId: 'CC-1' }, 10)).lines.map((l) => l.message)).toEqual(['step 1', 'step 2', 'step 3', 'step 4']);
    expect((await reader.find({ correlationId: 'CC-1' }, 3)).lines.map((l) => l.message)).toEqual(['step 2', 'step 3', 'step 4']);
  });

  it('finds nothing, and says so, where there is no log folder yet', async () => {
    temp = makeTempDir();
    expect(await createLogLineReader(path.join(temp.dir, 'logs')).find({ correlationId: 'L-1' }, 10)).toEqual({ lines: [], files: 0, bytes: 0 });
  });

  it('reads a large file a piece at a time and still finds a line that straddles two pieces', async () => {
    temp = makeTempDir();
    const filler = JSON.stringify({ level: 'info', time: '2026-12-08T08:00:00.000Z', msg: 'other work', correlationId: 'L-OTHER' });
    const wanted = JSON.stringify({ level: 'warn', time: '2026-12-08T09:00:00.000Z', msg: 'the one', correlationId: 'L-WANTED' });
    // Enough filler that the wanted line sits across the 4 MB boundary of the first piece.
    const before = Math.floor((4 * 1024 * 1024 - 40) / (filler.length + 1));
    const text = `${Array<string>(before).fill(filler).join('\n')}\n${wanted}\n${Array<string>(2000).fill(filler).join('\n')}\n`;
    writeFileSync(path.join(temp.dir, 'plant-orchestrator.2026-12-08.1.log'), text);
    const found = await createLogLineReader(temp.dir).find({ correlationId: 'L-WANTED' }, 10);
    expect(found.lines.map((line) => [line.level, line.message])).toEqual([['warn', 'the one']]);
    expect(found.bytes).toBe(Buffer.byteLength(text));
  });
});
