// Both hosts read settings through one schema; the conf-backed reader is the one testable without Electron.
// Also through the web host's own start (tsx electron/web-host-main.ts), as a person would meet it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSla } from '../../shared/sla';
import { defaultCycleCountSettings } from '../../shared/cycle-count';
import { loadSettingsFromConf } from '../../electron/settings-conf';
import { InvalidSettingsError } from '../../electron/settings-parse';
import { makeTempDir } from '../helpers/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('settings-');
});
afterEach(() => temp.remove());

describe('loadSettingsFromConf', () => {
  it('fills the defaults on first launch and writes them to a file the user can edit', () => {
    const settings = loadSettingsFromConf({ cwd: temp.dir }).values;
    expect(settings).toEqual({ plant: null, connectors: [], thresholds: { minimumYield: 0.95, transferApprovalValue: 10_000 }, quality: { deviationNumberPattern: '^DEV-\\d{1,8}$' }, sla: defaultSla, cycleCount: defaultCycleCountSettings, ui: { density: 'compact' } });
    expect(JSON.parse(readFileSync(path.join(temp.dir, 'config.json'), 'utf8'))).toEqual(settings);
  });

  it('refuses a deviation number pattern that is not a regular expression, naming it', () => {
    writeFileSync(path.join(temp.dir, 'config.json'), JSON.stringify({ quality: { deviationNumberPattern: '^DEV-(' } }));
    expect(() => loadSettingsFromConf({ cwd: temp.dir })).toThrow(/quality\.deviationNumberPattern: is not a valid regular expression/);
  });

  it('reads stored settings', () => {
    const stored = {
      plant: 'P2',
      connectors: [{ id: 'erp', kind: 'erp', url: 'http://127.0.0.1:4100/erp', token: 't', streams: ['erp'] }],
    };
    writeFileSync(path.join(temp.dir, 'config.json'), JSON.stringify(stored));
    expect(loadSettingsFromConf({ cwd: temp.dir }).values).toMatchObject(stored);
  });

  it('migrates an older file: its user and role leave it, the rest stays as written', () => {
    const stored = { user: 'sup.lee', role: 'supervisor', plant: 'P2' };
    writeFileSync(path.join(temp.dir, 'config.json'), JSON.stringify(stored));
    expect(loadSettingsFromConf({ cwd: temp.dir }).values).not.toHaveProperty('role');
    expect(JSON.parse(readFileSync(path.join(temp.dir, 'config.json'), 'utf8'))).toEqual({ plant: 'P2' });
  });

  it('names the file and each invalid field, and leaves the file alone', () => {
    const stored = JSON.stringify({ plant: '', connectors: [{ id: 'erp', kind: 'erp', url: 'not a url', token: 't', streams: [] }], thresholds: { minimumYield: 1.5 } });
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
    expect(message).toMatch(/plant: /);
    expect(message).toMatch(/connectors\.0\.url: /);
    expect(message).toMatch(/connectors\.0\.streams: /);
    expect(message).toMatch(/thresholds\.minimumYield: /);
    expect(readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(stored);
  });

  it('stops the web host from starting when the gateway it is given is no http(s) address', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/web-host-main.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PLANT_ORCHESTRATOR_CONFIG_DIR: temp.dir, PLANT_ORCHESTRATOR_DATA: temp.file('data'), PORT: '0', PLANT_ORCHESTRATOR_GATEWAY: '127.0.0.1:4300' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`PLANT_ORCHESTRATOR_GATEWAY must be the gateway's http(s) address, such as http://127.0.0.1:4100, got "127.0.0.1:4300"`);
  });

  it('refuses an unknown key in the folder PLANT_ORCHESTRATOR_CONFIG_DIR names, by its path, and leaves the file alone', () => {
    const stored = '{\n  "plants": "P1",\n  "thresholds": { "minimumYeld": 0.9 }\n}\n';
    writeFileSync(path.join(temp.dir, 'config.json'), stored);
    const before = process.env['PLANT_ORCHESTRATOR_CONFIG_DIR'];
    process.env['PLANT_ORCHESTRATOR_CONFIG_DIR'] = temp.dir;
    try {
      expect(() => loadSettingsFromConf()).toThrow(
        `The settings in ${path.join(temp.dir, 'config.json')} are invalid: thresholds.minimumYeld: unknown key (did you mean "minimumYield"?); plants: unknown key (did you mean "plant"?).`,
      );
    } finally {
      if (before === undefined) delete process.env['PLANT_ORCHESTRATOR_CONFIG_DIR'];
      else process.env['PLANT_ORCHESTRATOR_CONFIG_DIR'] = before;
    }
    expect(readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(stored);
  });

  it('reports a file that is not JSON by line and column, and neither resets nor rewrites it', () => {
    const stored = '{\n  "role": "planner",\n  "plant": "P1",\n}\n';
    writeFileSync(path.join(temp.dir, 'config.json'), stored);
    expect(() => loadSettingsFromConf({ cwd: temp.dir })).toThrow(
      `The settings in ${path.join(temp.dir, 'config.json')} are not valid JSON: line 4, column 1: expected a key after ',', found "}" (JSON allows no comma before '}').`,
    );
    expect(readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(stored);
    expect(readdirSync(temp.dir)).toEqual(['config.json']);
  });

  it('stops the web host from starting, with the message, when its settings file is not JSON', () => {
    const stored = '{ "role": "planner" "plant": "P1" }';
    writeFileSync(path.join(temp.dir, 'config.json'), stored);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/web-host-main.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PLANT_ORCHESTRATOR_CONFIG_DIR: temp.dir, PLANT_ORCHESTRATOR_DATA: temp.file('data'), PORT: '0' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('web host: http');
    expect(run.stderr).toContain(
      `Plant Orchestrator web host failed to start: The settings in ${path.join(temp.dir, 'config.json')} are not valid JSON: line 1, column 21: expected ',' or '}', found '"'.`,
    );
    expect(readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(stored);
  });
});
