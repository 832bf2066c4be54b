// The JSON error locator agrees with JSON.parse on what is JSON, and points inside the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../../electron/json-syntax-error';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON texts, then the same with a character dropped, doubled or replaced: mostly broken, sometimes not. */
const jsonText = fc.jsonValue().chain((value) => fc.constantFrom(JSON.stringify(value), JSON.stringify(value, null, 2)));
const jsonChars = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\n', ' ', 'a', '1', '-', '.', 'e', 't', 'n', '/', "'", '\u0001');
const editedJson = fc.tuple(jsonText, fc.nat(), fc.constantFrom('drop', 'double', 'replace'), jsonChars).map(([text, at, edit, char]) => {
  const i = text.length === 0 ? 0 : at % text.length;
  if (edit === 'drop') return text.slice(0, i) + text.slice(i + 1);
  if (edit === 'double') return text.slice(0, i) + text[i] + text.slice(i);
  return text.slice(0, i) + char + text.slice(i + 1);
});

function linesOf(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

describe('locateJsonSyntaxError', () => {
  it('finds a problem exactly when JSON.parse refuses the text, at a line and column inside it', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, editedJson, fc.string({ unit: 'binary' })), (text) => {
        const problem = locateJsonSyntaxError(text);
        expect(problem === null).toBe(isJson(text));
        if (problem) {
          const lines = linesOf(text);
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines.length);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeLessThanOrEqual([...lines[problem.line - 1]!].length + 1);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
