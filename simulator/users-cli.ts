// `npm run simulator -- users …`: who may sign in at a gateway, changed in its SQLite file (also while
// it runs: a disabled user's tokens are refused from their next command on).
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { PlantRoles } from '../shared/auth/session-claims';
import { roles as knownRoles, type Role } from '../shared/domain';
import { defaultDatabasePath } from './cli-args';
import { createIdentity, summary } from './identity/identity';

export const usersUsage = `npm run simulator -- users COMMAND [NAME] [flags]

  list                                   the users, their roles per plant, disabled or locked
  add NAME --roles P1:planner[,P2:supervisor] --password PW [--display-name TEXT]
  roles NAME --roles P1:planner,...      replaces the user's roles
  password NAME --password PW            sets a new password and lifts a lock
  disable NAME                           no more sign-ins, and no token of theirs is honoured
  enable NAME

  --db FILE   the gateway's SQLite file (default ${defaultDatabasePath})
  The password may also come from PLANT_USER_PASSWORD instead of --password.
  Roles: ${knownRoles.join(', ')}.`;

export class UsersCliError extends Error {}

/** "P1:planner,P2:supervisor" → { P1: ['planner'], P2: ['supervisor'] }. */
export function parseRoles(text: string): PlantRoles {
  const out: Record<string, Role[]> = {};
  for (const part of text.split(',').map((piece) => piece.trim()).filter(Boolean)) {
    const [plant, role, extra] = part.split(':');
    if (!plant || !role || extra !== undefined) throw new UsersCliError(`--roles: "${part}" is not PLANT:ROLE`);
    if (!(knownRoles as readonly string[]).includes(role)) throw new UsersCliError(`--roles: "${role}" is not a role (${knownRoles.join(', ')})`);
    const atPlant = (out[plant] ??= []);
    if (!atPlant.includes(role as Role)) atPlant.push(role as Role);
  }
  if (Object.keys(out).length === 0) throw new UsersCliError('--roles: give PLANT:ROLE at least once');
  return out;
}

function parseFlags(args: readonly string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (!['--db', '--roles', '--password', '--display-name'].includes(arg)) throw new UsersCliError(`${arg}: not a flag of users (see --help)`);
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsersCliError(`${arg}: needs a value`);
    flags.set(arg, value);
  }
  return { positional, flags };
}

/** Runs one users command; returns what it prints. */
export async function runUsersCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) return usersUsage;
  const { positional, flags } = parseFlags(args);
  const [command, name, extra] = positional;
  if (extra !== undefined) throw new UsersCliError(`${extra}: one user at a time`);
  const databasePath = flags.get('--db') ?? defaultDatabasePath;
  if (!existsSync(databasePath)) throw new UsersCliError(`--db: there is no gateway database at ${databasePath}; start the simulator once, or give --db`);
  const password = (): string => {
    const value = flags.get('--password') ?? env.PLANT_USER_PASSWORD;
    if (!value) throw new UsersCliError('--password: give the password (or set PLANT_USER_PASSWORD)');
    return value;
  };
  const user = (): string => {
    if (!name) throw new UsersCliError(`${command}: name the user`);
    return name;
  };
  const roles = (): PlantRoles => {
    const value = flags.get('--roles');
    if (!value) throw new UsersCliError('--roles: give PLANT:ROLE[,PLANT:ROLE…]');
    return parseRoles(value);
  };

  const db = new Database(databasePath, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    const identity = await createIdentity(db, { clock: () => new Date() });
    const at = new Date().toISOString();
    const shown = (userName: string): string => JSON.stringify(summary(identity.users.get(userName)!));
    switch (command) {
      case 'list':
        return JSON.stringify(identity.summaries(), null, 2);
      case 'add': {
        const displayName = flags.get('--display-name');
        return JSON.stringify(await identity.addUser({ name: user(), password: password(), roles: roles(), ...(displayName ? { displayName } : {}) }));
      }
      case 'roles':
        identity.users.setRoles(user(), roles(), at);
        return shown(user());
      case 'password':
        await identity.setPassword(user(), password());
        return shown(user());
      case 'disable':
        identity.users.disable(user(), at);
        return shown(user());
      case 'enable':
        identity.users.enable(user(), at);
        return shown(user());
      default:
        throw new UsersCliError(`${command ?? ''}: not a users command (list, add, roles, password, disable, enable)`);
    }
  } finally {
    db.close();
  }
}
