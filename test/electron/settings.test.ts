// Both hosts read settings through one schema; the conf-backed reader is the one testable without Electron.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettingsFromConf } from '../../electron/settings-conf';
import { InvalidSettingsError } from '../../electron/settings-parse';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('settings-');
});
afterEach(() => temp.remove());

describe('loadSettingsFromConf', () => {
  it('fills the defaults on first launch and writes them to a file the user can edit', () => {
    const settings = loadSettingsFromConf({ cwd: temp.dir });
    expect(settings).toEqual({ user: 'qe.floor', role: 'quality-engineer', plant: null, connectors: [], thresholds: { minimumYield: 0.95, transferApprovalValue: 10_000 }, ui: { density: 'compact' } });
    expect(JSON.parse(readFileSync(path.join(temp.dir, 'config.json'), 'utf8'))).toEqual(settings);
  });

  it('reads stored settings', () => {
    const stored = {
      user: 'sup.lee',
      role: 'supervisor',
      connectors: [{ id: 'erp', kind: 'erp', url: 'http://127.0.0.1:4100/erp', token: 't', streams: ['erp'] }],
    };
    writeFileSync(path.join(temp.dir, 'config.json'), JSON.stringify(stored));
    expect(loadSettingsFromConf({ cwd: temp.dir })).toMatchObject({ ...stored, plant: null });
  });

  it('names the file and each invalid field, and leaves the file alone', () => {
    const stored = JSON.stringify({ role: 'boss', connectors: [{ id: 'erp', kind: 'erp', url: 'not a url', token: 't', streams: [] }], thresholds: { minimumYield: 1.5 } });
    writeFileSync(path.join(temp.dir, 'config.json'), stored);
    let error: unknown;
    try {
      loadSettingsFromConf({ cwd: temp.dir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidSettingsError);
    const message = (error as Error).message;
    expect(message).toContain(path.join(temp.dir, 'config.json'));
    expect(message).toMatch(/role: /);
    expect(message).toMatch(/connectors\.0\.url: /);
    expect(message).toMatch(/connectors\.0\.streams: /);
    expect(message).toMatch(/thresholds\.minimumYield: /);
    expect(readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(stored);
  });
});
