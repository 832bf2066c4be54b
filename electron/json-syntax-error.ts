// Where a JSON text first breaks the grammar (RFC 8259), as a line and column a person finds in an
// editor, and what was expected there. JSON.parse says where only sometimes, and then quotes the text
// around it, which in a settings file may hold a connector's token: this names at most one character.

export interface JsonSyntaxProblem {
  /** 1-based; \n, \r\n and a lone \r each end a line. */
  line: number;
  /** 1-based, in characters (code points) from the start of the line. */
  column: number;
  problem: string;
}

type Expecting = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const whitespace = new Set([' ', '\t', '\n', '\r']);
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function positionOf(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...text.slice(lineStart, at)].length + 1 };
}

function describe(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const c = text.codePointAt(at)!;
  if (c === 0x0a || c === 0x0d) return 'a line break';
  if (c === 0x09) return 'a tab';
  if (c < 0x20) return `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const char = String.fromCodePoint(c);
  return char === '"' ? `'"'` : `"${char}"`;
}

/** Two mistakes hand-edited JSON often has, said outright. */
function hint(c: string | undefined): string {
  if (c === '/') return ' (JSON allows no comments)';
  if (c === "'") return ' (JSON takes double quotes)';
  return '';
}

/** Null when the text is valid JSON; else the first place it is not. */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const stack: ('object' | 'array')[] = [];
  let expecting: Expecting = 'value';
  let afterComma = false;
  const fail = (at: number, problem: string): JsonSyntaxProblem => ({ ...positionOf(text, at), problem });
  const afterValue = (): Expecting => (stack.length === 0 ? 'end' : 'comma-or-close');
  const isDigit = (at: number) => text[at] !== undefined && text[at]! >= '0' && text[at]! <= '9';

  /** Scans the string that starts at i; on success i is just past its closing quote. */
  function scanString(): JsonSyntaxProblem | null {
    i++;
    for (;;) {
      if (i >= text.length) return fail(i, 'expected \'"\' to close the string, found the end of the file');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return fail(i, `expected '"' to close the string, found ${describe(text, i)}`);
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i, 'expected four hex digits after \\u');
          i += 6;
          continue;
        }
        if (next === undefined || !escapes.has(next)) return fail(i, `${next === undefined ? 'a lone \\' : `the escape \\${next}`} is not one JSON knows (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        i += 2;
        continue;
      }
      i++;
    }
  }

  /** Scans the number that starts at i: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  function scanNumber(): JsonSyntaxProblem | null {
    if (text[i] === '-') i++;
    if (!isDigit(i)) return fail(i, `expected a digit, found ${describe(text, i)}`);
    if (text[i] === '0') i++;
    else while (isDigit(i)) i++;
    if (text[i] === '.') {
      i++;
      if (!isDigit(i)) return fail(i, `expected a digit after the decimal point, found ${describe(text, i)}`);
      while (isDigit(i)) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(i)) return fail(i, `expected a digit in the exponent, found ${describe(text, i)}`);
      while (isDigit(i)) i++;
    }
    return null;
  }

  for (;;) {
    while (i < text.length && whitespace.has(text[i]!)) i++;
    const c = text[i];
    if (expecting === 'end') return i >= text.length ? null : fail(i, `expected the end of the file after the JSON value, found ${describe(text, i)}`);
    if (expecting === 'comma-or-close') {
      const top = stack.at(-1)!;
      const close = top === 'object' ? '}' : ']';
      if (c === ',') {
        i++;
        expecting = top === 'object' ? 'key' : 'value';
        afterComma = true;
        continue;
      }
      if (c !== close) return fail(i, `expected ',' or '${close}', found ${describe(text, i)}`);
      i++;
      stack.pop();
      expecting = afterValue();
      continue;
    }
    if (expecting === 'colon') {
      if (c !== ':') return fail(i, `expected ':' after the key, found ${describe(text, i)}`);
      i++;
      expecting = 'value';
      continue;
    }
    if (expecting === 'key' || expecting === 'key-or-close') {
      if (c === '}' && expecting === 'key-or-close') {
        i++;
        stack.pop();
        expecting = afterValue();
        continue;
      }
      if (c === '}' && afterComma) return fail(i, "expected a key after ',', found \"}\" (JSON allows no comma before '}')");
      if (c !== '"') return fail(i, `expected a key in double quotes, found ${describe(text, i)}${hint(c)}`);
      const problem = scanString();
      if (problem) return problem;
      expecting = 'colon';
      afterComma = false;
      continue;
    }
    // A value (or, right after '[', the end of the array).
    if (c === ']' && expecting === 'value-or-close') {
      i++;
      stack.pop();
      expecting = afterValue();
      continue;
    }
    if (c === ']' && afterComma) return fail(i, "expected a value after ',', found \"]\" (JSON allows no comma before ']')");
    afterComma = false;
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i++;
      expecting = c === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    let problem: JsonSyntaxProblem | null = null;
    if (c === '"') problem = scanString();
    else if (c === '-' || isDigit(i)) problem = scanNumber();
    else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      if (!literal) return fail(i, `expected a value, found ${describe(text, i)}${hint(c)}`);
      i += literal.length;
    }
    if (problem) return problem;
    expecting = afterValue();
  }
}
