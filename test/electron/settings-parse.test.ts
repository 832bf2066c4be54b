// Reading a settings file's text and fields: bad JSON by line and column, unknown keys by their path
// with the known key they most likely meant, at the top level and nested.
import { describe, expect, it } from 'vitest';
import { InvalidSettingsError, parseSettingsJson, parseStoredSettings } from '../../electron/settings-parse';
import { nearestName } from '../../electron/settings-problems';

const file = '/home/anna/.config/plant-orchestrator-nodejs/config.json';

function problemOf(run: () => unknown): InvalidSettingsError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidSettingsError) return error;
    throw error;
  }
  throw new Error('expected an InvalidSettingsError');
}

describe('parseStoredSettings', () => {
  it('refuses a misspelt top-level key, naming it and the key it most likely meant', () => {
    const error = problemOf(() => parseStoredSettings({ plants: 'P1' }, file));
    expect(error.problems).toBe('plants: unknown key (did you mean "plant"?)');
    expect(error.message).toBe(`The settings in ${file} are invalid: plants: unknown key (did you mean "plant"?). Fix or remove those fields; missing fields take their defaults.`);
  });

  it('names unknown keys nested in objects and in array entries by their path', () => {
    const stored = {
      thresholds: { minimumYeld: 0.9 },
      ui: { Density: 'touch' },
      connectors: [{ id: 'erp', kind: 'erp', url: 'http://127.0.0.1:4100/erp', token: 't', strems: ['erp'] }],
    };
    expect(problemOf(() => parseStoredSettings(stored, file)).problems.split('; ').sort()).toEqual([
      'connectors.0.streams: Invalid input: expected array, received undefined',
      'connectors.0.strems: unknown key (did you mean "streams"?)',
      'thresholds.minimumYeld: unknown key (did you mean "minimumYield"?)',
      'ui.Density: unknown key (did you mean "density"?)',
    ]);
  });

  it('lists the known keys when an unknown one is no near miss', () => {
    expect(problemOf(() => parseStoredSettings({ colour: 'blue' }, file)).problems).toBe(
      'colour: unknown key (known keys here: plant, connectors, thresholds, quality, sla, cycleCount, ui)',
    );
    expect(problemOf(() => parseStoredSettings({ thresholds: { maxScrap: 3 } }, file)).problems).toBe(
      'thresholds.maxScrap: unknown key (known keys here: minimumYield, transferApprovalValue)',
    );
  });

  it('still takes a file with only known keys, filling the rest with defaults', () => {
    expect(parseStoredSettings({ plant: 'P2', thresholds: { minimumYield: 0.9 } }, file)).toMatchObject({
      plant: 'P2',
      thresholds: { minimumYield: 0.9, transferApprovalValue: 10_000 },
    });
  });

  it('ignores the user and role an older file holds, with a log line each: the gateway says who and which role', () => {
    const warned: string[] = [];
    const logger = { info: () => {}, error: () => {}, warn: (message: string) => void warned.push(message) };
    const settings = parseStoredSettings({ user: 'sv.ines', role: 'supervisor', plant: 'P1' }, file, logger);
    expect(settings).toEqual(expect.objectContaining({ plant: 'P1' }));
    expect(settings).not.toHaveProperty('role');
    expect(settings).not.toHaveProperty('user');
    expect(warned).toEqual([expect.stringMatching(/^Settings: "user" is ignored/), expect.stringMatching(/^Settings: "role" is ignored/)]);
  });
});

describe('parseSettingsJson', () => {
  it('reports bad JSON by line and column, and what was expected there', () => {
    const text = '{\n  "user": "sup.lee",\n  "role" "supervisor"\n}\n';
    const error = problemOf(() => parseSettingsJson(text, file));
    expect(error.kind).toBe('json');
    expect(error.message).toBe(
      `The settings in ${file} are not valid JSON: line 3, column 10: expected ':' after the key, found '"'. The file was left as it is: fix it, or remove it to start from the defaults.`,
    );
  });

  it.each([
    ['{\n  "role": "planner",\n}', 'line 3, column 1: expected a key after \',\', found "}" (JSON allows no comma before \'}\')'],
    ['{\n  // the floor\n  "role": "planner"\n}', 'line 2, column 3: expected a key in double quotes, found "/" (JSON allows no comments)'],
    ["{ 'role': 'planner' }", 'line 1, column 3: expected a key in double quotes, found "\'" (JSON takes double quotes)'],
    ['{\r\n  "connectors": [\r\n    { "token": "s3cret }\r\n  ]\r\n}', "line 3, column 25: expected '\"' to close the string, found a line break"],
    ['{ "user": "anna" ', 'line 1, column 18: expected \',\' or \'}\', found the end of the file'],
    ['', 'line 1, column 1: expected a value, found the end of the file'],
  ])('%j: %s', (text, problem) => {
    expect(problemOf(() => parseSettingsJson(text, file)).problems).toBe(problem);
  });

  it('never quotes the text around the error, which may hold a token', () => {
    const error = problemOf(() => parseSettingsJson('{ "connectors": [{ "token": "s3cret-token" x }] }', file));
    expect(error.message).toContain('line 1, column 44');
    expect(error.message).not.toContain('s3cret');
  });

  it('takes a byte order mark, and refuses JSON that is not one object', () => {
    expect(parseSettingsJson('\uFEFF{"role":"planner"}', file)).toEqual({ role: 'planner' });
    for (const text of ['[]', 'null', '"planner"', '42']) {
      expect(problemOf(() => parseSettingsJson(text, file)).problems).toBe('the file must hold one JSON object, { … }');
    }
  });
});

describe('nearestName', () => {
  it('finds a key a letter or two off, whatever the case, and nothing for an unrelated word', () => {
    expect(nearestName('rol', ['user', 'role', 'plant'])).toBe('role');
    expect(nearestName('PLANT', ['user', 'role', 'plant'])).toBe('plant');
    expect(nearestName('transferApprovalVal', ['minimumYield', 'transferApprovalValue'])).toBe('transferApprovalValue');
    expect(nearestName('colour', ['user', 'role', 'plant'])).toBeNull();
  });
});
