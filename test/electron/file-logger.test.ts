// The hosts' log file: one JSON object a line with time, level, message and the entry's fields (a
// workflow's correlation id among them), in the data folder's logs/, written through pino-roll's
// worker; the readable line still goes to the echo.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../electron/file-logger';
import { makeTempDir } from '../helpers/temp-dir';

describe('the log file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('holds each entry as one JSON line with its fields, rotated by date in logs/', async () => {
    const echoed: string[] = [];
    const echo = { info: (m: string) => echoed.push(`info ${m}`), warn: (m: string) => echoed.push(`warn ${m}`), error: (m: string) => echoed.push(`error ${m}`) };
    const logger = createFileLogger(temp.dir, echo);
    logger.info('Rebalancing solved', { items: 12 });
    logger.error('workflow inspection-failed step block failed', { instanceId: 'WF-1', correlationId: 'L-7', attempt: 3, incident: true });
    await logger.close();
    const files = readdirSync(path.join(temp.dir, 'logs'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^plant-orchestrator\.\d{4}-\d{2}-\d{2}\.1\.log$/);
    const lines = readFileSync(path.join(temp.dir, 'logs', files[0]!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'Rebalancing solved', items: 12, pid: process.pid });
    expect(Date.parse(String(lines[0]!['time']))).not.toBeNaN();
    expect(lines[1]).toMatchObject({ level: 'error', correlationId: 'L-7', instanceId: 'WF-1', incident: true });
    expect(echoed).toEqual(['info Rebalancing solved', 'error workflow inspection-failed step block failed']);
  });
});
