// Command-line flags of `npm run simulator`, checked so a typo names the flag instead of starting wrong.
// One table gives each flag's value, default and meaning, for the parser and for --help alike.
import { randomBytes } from 'node:crypto';
import { defaultDeviationNumberPattern } from '../shared/usage-decision';
import type { GatewayOptions } from './gateway';

export const defaultDatabasePath = './.data/simulator.sqlite';

type Flag = '--port' | '--db' | '--seed' | '--failure-every-ms' | '--token' | '--operator-token' | '--retention' | '--planning-scale' | '--deviation-pattern' | '--session-hours';

const flagTable: readonly { flag: Flag; value: string; defaultText: string; meaning: string }[] = [
  { flag: '--port', value: 'N', defaultText: '4100', meaning: 'port on 127.0.0.1 to listen on; 0 picks a free one' },
  { flag: '--db', value: 'FILE', defaultText: defaultDatabasePath, meaning: "SQLite file of the gateway's state, kept between runs" },
  { flag: '--seed', value: 'N', defaultText: '1', meaning: 'seed of the data a new database starts with, and of the scripted failures' },
  { flag: '--failure-every-ms', value: 'N', defaultText: '0', meaning: 'fail an incoming inspection every N ms; 0 never' },
  { flag: '--token', value: 'TEXT', defaultText: 'dev-token', meaning: 'token a connector must present to connect' },
  { flag: '--operator-token', value: 'TEXT', defaultText: 'PLANT_SIMULATOR_OPERATOR_TOKEN, else a new one printed at start', meaning: 'token the /control/ endpoints require (Authorization: Bearer TEXT), 8 characters at least' },
  { flag: '--retention', value: 'N', defaultText: 'all', meaning: 'events kept per stream for replay; an older cursor gets a snapshot' },
  { flag: '--planning-scale', value: 'S', defaultText: '1', meaning: "size of the ERP's planning dataset, 0 (none) to 100; 1 is about 10,000 production orders" },
  { flag: '--deviation-pattern', value: 'REGEX', defaultText: defaultDeviationNumberPattern, meaning: 'what a use-as-is deviation number must look like; others are refused' },
  { flag: '--session-hours', value: 'N', defaultText: '12', meaning: 'how long a sign-in holds (1 to 168 hours): a workstation works offline on it until then' },
];
const flags: readonly string[] = flagTable.map((row) => row.flag);
const helpFlags: readonly string[] = ['--help', '-h'];

function usageRows(): string {
  const rows = [...flagTable.map((row) => [`${row.flag} ${row.value}`, `${row.meaning} (default ${row.defaultText})`]), ['-h, --help', 'print this and exit']];
  const width = Math.max(...rows.map(([left]) => left!.length)) + 2;
  return rows.map(([left, right]) => `  ${left!.padEnd(width)}${right}`).join('\n');
}

export const usage = `usage: npm run simulator -- [flags]

The simulated ERP and plant P1 behind a socket.io gateway on 127.0.0.1, with HTTP control
endpoints under /control/ (see README.md). Each flag is --flag value or --flag=value.

${usageRows()}`;

export class CliArgumentError extends Error {
  override name = 'CliArgumentError';
}

/** What the command line asks for: the usage, or a gateway with these options. */
/** `operatorTokenMade`: no token was given, so the one in the options was made now and must be shown. */
export type SimulatorRequest = { kind: 'help' } | { kind: 'run'; options: GatewayOptions; operatorTokenMade: boolean };

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

/** Parses argv (without node and the script); accepts `--flag value` and `--flag=value`, and `--help` or `-h`. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SimulatorRequest {
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (helpFlags.includes(arg)) return { kind: 'help' };
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    if (!flags.includes(name ?? '')) throw new CliArgumentError(`${arg}: unknown flag\n${usage}`);
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
  const deviationPattern = values.get('--deviation-pattern');
  const sessionHours = values.get('--session-hours');
  if (deviationPattern !== undefined) {
    try {
      new RegExp(deviationPattern, 'u');
    } catch {
      throw new CliArgumentError(`--deviation-pattern: "${deviationPattern}" is not a valid regular expression`);
    }
  }
  const operatorToken = values.get('--operator-token') ?? env.PLANT_SIMULATOR_OPERATOR_TOKEN;
  if (operatorToken !== undefined && operatorToken.length < 8) throw new CliArgumentError('--operator-token: needs 8 characters at least');
  const options: GatewayOptions = {
    databasePath: values.get('--db') ?? defaultDatabasePath,
    control: { operatorToken: operatorToken ?? randomBytes(18).toString('base64url') },
    port: port === undefined ? 4100 : integerFlag('--port', port, 0, 65535),
    seed: seed === undefined ? 1 : integerFlag('--seed', seed, -(2 ** 31), 2 ** 32 - 1),
    inspectionFailureEveryMs: every === undefined ? 0 : integerFlag('--failure-every-ms', every, 0),
    token: values.get('--token') ?? 'dev-token',
    ...(retention === undefined ? {} : { retention: integerFlag('--retention', retention, 1) }),
    planningScale: planningScale === undefined ? 1 : scaleFlag(planningScale),
    ...(deviationPattern === undefined ? {} : { deviationNumberPattern: deviationPattern }),
    ...(sessionHours === undefined ? {} : { sessionHours: integerFlag('--session-hours', sessionHours, 1, 168) }),
  };
  return { kind: 'run', options, operatorTokenMade: operatorToken === undefined };
}
