// Flags of `npm run cli -- <command>`: `--name value` or `--name=value`, each known, each once.

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Parses argv against the allowed flag names; a missing or unknown flag is named in the error. */
export function parseFlags<Name extends string>(argv: readonly string[], allowed: readonly Name[], required: readonly Name[]): Record<Name, string | undefined> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new CliUsageError(`${arg}: expected a flag such as ${allowed.map((name) => `--${name}`).join(', ')}`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!(allowed as readonly string[]).includes(name)) throw new CliUsageError(`--${name}: unknown flag (known: ${allowed.map((n) => `--${n}`).join(', ')})`);
    if (values.has(name)) throw new CliUsageError(`--${name}: given twice`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new CliUsageError(`--${name}: needs a value`);
    values.set(name, value);
  }
  for (const name of required) if (!values.has(name)) throw new CliUsageError(`--${name}: missing`);
  return Object.fromEntries(allowed.map((name) => [name, values.get(name)])) as Record<Name, string | undefined>;
}

export function integerFlag(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) throw new CliUsageError(`--${name}: "${text}" is not an integer`);
  return Number(text);
}

export function numberFlag(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new CliUsageError(`--${name}: "${text}" is not a number`);
  return value;
}
