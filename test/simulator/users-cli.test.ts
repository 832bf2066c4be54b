// The simulator's users commands against a running gateway's SQLite file: what the CLI changes, the
// gateway's next sign-in and its next check of a token see.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { signInMessages, type SignInAnswer } from '../../shared/auth/sign-in';
import { parseRoles, runUsersCli } from '../../simulator/users-cli';
import { closeAll, connectClient, defaultAuth, startTestGateway, tempDatabasePath } from './harness';

afterEach(closeAll);

const repoRoot = path.resolve(import.meta.dirname, '../..');

async function signIn(url: string, user: string, password: string): Promise<SignInAnswer> {
  const client = await connectClient(url, defaultAuth);
  return (await client.socket.timeout(5000).emitWithAck(signInMessages.signIn, { user, password })) as SignInAnswer;
}

describe('simulator users CLI', () => {
  it('adds, re-roles, disables and enables a user of a running gateway', async () => {
    const databasePath = tempDatabasePath();
    const gateway = await startTestGateway({ databasePath });
    const added = JSON.parse(await runUsersCli(['add', 'QE.Night', '--roles', 'P1:quality-engineer', '--display-name', 'Night shift QE', '--db', databasePath], { PLANT_USER_PASSWORD: 'night-7' })) as unknown;
    expect(added).toEqual({ name: 'qe.night', displayName: 'Night shift QE', roles: { P1: ['quality-engineer'] }, disabled: false, lockedUntil: null });
    const first = await signIn(gateway.erpUrl, 'qe.night', 'night-7');
    if (!first.ok) throw new Error(first.reason);
    expect(first.claims.roles).toEqual({ P1: ['quality-engineer'] });

    await runUsersCli(['roles', 'qe.night', '--roles', 'P1:quality-engineer,P2:supervisor', '--db', databasePath]);
    const second = await signIn(gateway.erpUrl, 'qe.night', 'night-7');
    expect(second.ok && second.claims.roles).toEqual({ P1: ['quality-engineer'], P2: ['supervisor'] });

    expect(JSON.parse(await runUsersCli(['disable', 'qe.night', '--db', databasePath]))).toMatchObject({ disabled: true });
    expect(await signIn(gateway.erpUrl, 'qe.night', 'night-7')).toMatchObject({ ok: false, rule: 'disabled' });
    expect(await gateway.identity.check(first.token, new Date())).toMatchObject({ ok: false, rule: 'disabled' });
    await runUsersCli(['enable', 'qe.night', '--db', databasePath]);
    expect(await signIn(gateway.erpUrl, 'qe.night', 'night-7')).toMatchObject({ ok: true });

    const listed = JSON.parse(await runUsersCli(['list', '--db', databasePath])) as { name: string }[];
    expect(listed.map((user) => user.name)).toContain('qe.night');
    expect(listed.map((user) => user.name)).toContain('sv.ines');
  });

  it('refuses what it cannot do, naming the flag or the user, and leaves the users as they were', async () => {
    const databasePath = tempDatabasePath();
    const gateway = await startTestGateway({ databasePath });
    const before = gateway.identity.summaries();
    await expect(runUsersCli(['add', 'pl.omar', '--roles', 'P1:planner', '--password', 'x1234', '--db', databasePath])).rejects.toThrow('user: pl.omar exists already');
    await expect(runUsersCli(['add', 'pl.new', '--roles', 'P1:boss', '--password', 'x1234', '--db', databasePath])).rejects.toThrow('--roles: "boss" is not a role');
    await expect(runUsersCli(['add', 'pl.new', '--roles', 'P1:planner', '--db', databasePath], {})).rejects.toThrow(/^--password: give the password/);
    await expect(runUsersCli(['disable', 'nobody', '--db', databasePath])).rejects.toThrow('user: no user nobody');
    // A plant the gateway does not have would take away every real role; a name no one can type is no user name.
    await expect(runUsersCli(['roles', 'qe.anna', '--roles', 'P9:planner', '--db', databasePath])).rejects.toThrow(/^roles: no plant P9 at this gateway \(its plants: P1, /);
    await expect(runUsersCli(['add', 'bad name!', '--roles', 'P1:planner', '--password', 'x1234', '--db', databasePath])).rejects.toThrow('user: "bad name!" is not a user name: up to 64 letters, digits and . _ - @, starting with a letter or digit');
    await expect(runUsersCli(['list', '--db', `${databasePath}.missing`])).rejects.toThrow(/^--db: there is no gateway database/);
    expect(gateway.identity.summaries()).toEqual(before);
    expect(() => parseRoles('P1')).toThrow('--roles: "P1" is not PLANT:ROLE');
  });

  it('exits 2 with one line on a mistake, from the command line', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', 'simulator/main.ts', 'users', 'list', '--db', '/nonexistent/simulator.sqlite'], { cwd: repoRoot }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: 'simulator users: --db: there is no gateway database at /nonexistent/simulator.sqlite; start the simulator once, or give --db\n' });
  });
});
