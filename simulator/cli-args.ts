// Command-line flags of `npm run simulator`, checked so a typo names the flag instead of starting wrong.
import type { GatewayOptions } from './gateway';

export const usage = `usage: npm run simulator -- [--port 4100] [--db ./.data/simulator.sqlite] [--seed 1]
                              [--failure-every-ms 0] [--token dev-token] [--retention N]
                              [--planning-scale 1]`;

export class CliArgumentError extends Error {
  override name = 'CliArgumentError';
}

type Flag = '--port' | '--db' | '--seed' | '--failure-every-ms' | '--token' | '--retention' | '--planning-scale';
const flags: readonly Flag[] = ['--port', '--db', '--seed', '--failure-every-ms', '--token', '--retention', '--planning-scale'];

function integerFlag(flag: Flag, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^-?\d+$/.test(text)) throw new CliArgumentError(`${flag}: "${text}" is not an integer`);
  const value = Number(text);
  if (value < min || value > max) throw new CliArgumentError(`${flag}: ${value} is outside ${min}..${max}`);
  return value;
}

function scaleFlag(text: string): number {
  const value = Number(text);
  if (!(/^\d+(\.\d+)?$/.test(text) && value <= 100)) throw new CliArgumentError(`--planning-scale: "${text}" is not a number from 0 to 100`);
  return value;
}

/** Parses argv (without node and the script); accepts `--flag value` and `--flag=value`. */
export function parseCliArgs(argv: readonly string[]): GatewayOptions {
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    if (!(flags as readonly string[]).includes(name ?? '')) throw new CliArgumentError(`${arg}: unknown flag\n${usage}`);
    const flag = name as Flag;
    if (values.has(flag)) throw new CliArgumentError(`${flag}: given twice`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new CliArgumentError(`${flag}: needs a value`);
    }
    values.set(flag, value);
  }
  const port = values.get('--port');
  const seed = values.get('--seed');
  const every = values.get('--failure-every-ms');
  const retention = values.get('--retention');
  const planningScale = values.get('--planning-scale');
  return {
    databasePath: values.get('--db') ?? './.data/simulator.sqlite',
    port: port === undefined ? 4100 : integerFlag('--port', port, 0, 65535),
    seed: seed === undefined ? 1 : integerFlag('--seed', seed, -(2 ** 31), 2 ** 32 - 1),
    inspectionFailureEveryMs: every === undefined ? 0 : integerFlag('--failure-every-ms', every, 0),
    token: values.get('--token') ?? 'dev-token',
    ...(retention === undefined ? {} : { retention: integerFlag('--retention', retention, 1) }),
    planningScale: planningScale === undefined ? 1 : scaleFlag(planningScale),
  };
}
