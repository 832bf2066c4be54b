// Sign-in at the gateway over real socket.io, against its SQLite file: demo users, the distinct
// refusals, the lock after five wrong passwords, and what a session token is worth later.
import { generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { signInMessages, type SignInAnswer } from '../../shared/auth/sign-in';
import { verifySession, type SessionPublicKey } from '../../shared/auth/verify-session';
import { sessionIssuer } from '../../shared/auth/session-claims';
import { hashPassword, verifyPassword } from '../../simulator/identity/password-hash';
import { demoPassword, demoUsers } from '../../simulator/identity/demo-users';
import { closeAll, connectClient, defaultAuth, startTestGateway, tempDatabasePath } from './harness';

afterEach(closeAll);

/** A clock a test moves by hand. */
function handClock(start = '2026-12-07T06:00:00.000Z') {
  let now = new Date(start);
  return { clock: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

async function signInOver(url: string, request: unknown): Promise<SignInAnswer> {
  const client = await connectClient(url, defaultAuth);
  return (await client.socket.timeout(5000).emitWithAck(signInMessages.signIn, request)) as SignInAnswer;
}

describe('sign-in at the gateway', () => {
  it('signs a demo user in with a token the gateway’s published public key verifies, roles per plant inside', async () => {
    const time = handClock();
    const gateway = await startTestGateway({ clock: time.clock });
    const answer = await signInOver(gateway.erpUrl, { user: 'PL.Omar', password: demoPassword });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.claims).toMatchObject({ sub: 'pl.omar', name: 'Omar Haddad', iss: sessionIssuer });
    expect(answer.claims.roles.P1).toEqual(['planner']);
    expect(answer.claims.exp - answer.claims.iat).toBe(12 * 3600);
    const client = await connectClient(gateway.erpUrl, defaultAuth);
    const published = (await client.socket.timeout(5000).emitWithAck(signInMessages.publicKey)) as SessionPublicKey;
    expect(published).toEqual(answer.publicKey);
    const checked = await verifySession(answer.token, published, time.clock());
    expect(checked).toMatchObject({ ok: true, claims: { sub: 'pl.omar' } });
    expect(new Set(demoUsers.map((user) => user.role))).toEqual(new Set(['planner', 'quality-engineer', 'supervisor', 'operator']));
  });

  it('refuses an unknown user, a wrong password, a disabled user and a malformed request, each with its own reason', async () => {
    const gateway = await startTestGateway();
    expect(await signInOver(gateway.erpUrl, { user: 'nobody', password: 'x1234' })).toEqual({ ok: false, rule: 'unknown-user', reason: 'user: there is no user nobody at this gateway' });
    expect(await signInOver(gateway.erpUrl, { user: 'qe.maria', password: 'wrong' })).toMatchObject({ ok: false, rule: 'wrong-password', reason: expect.stringMatching(/^password: wrong \(4 more before qe.maria is locked/) });
    gateway.identity.users.disable('sv.tom', '2026-12-07T05:00:00.000Z');
    expect(await signInOver(gateway.erpUrl, { user: 'sv.tom', password: demoPassword })).toMatchObject({ ok: false, rule: 'disabled', reason: expect.stringContaining('sv.tom was disabled') });
    expect(await signInOver(gateway.erpUrl, { user: 'qe.maria', password: '' })).toMatchObject({ ok: false, rule: 'invalid', reason: 'sign-in: password: give your password' });
    expect(await signInOver(gateway.erpUrl, { user: 'q'.repeat(65), password: 'x' })).toMatchObject({ ok: false, rule: 'invalid', reason: 'sign-in: user: a user name has 64 characters at most' });
    expect(gateway.identity.log.recent().map((entry) => entry.outcome)).toEqual(['disabled', 'wrong-password', 'unknown-user']);
  });

  it('locks a user after five wrong passwords in a row, even against the right one, until the lock runs out', async () => {
    const time = handClock();
    const gateway = await startTestGateway({ clock: time.clock });
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await signInOver(gateway.erpUrl, { user: 'qe.anna', password: `guess-${attempt}` })).toMatchObject({ rule: 'wrong-password' });
    }
    expect(await signInOver(gateway.erpUrl, { user: 'qe.anna', password: demoPassword })).toMatchObject({ ok: false, rule: 'locked', reason: expect.stringContaining('locked after 5 wrong passwords until 2026-12-07T06:15:00.000Z') });
    time.advance(15 * 60_000 + 1);
    expect(await signInOver(gateway.erpUrl, { user: 'qe.anna', password: demoPassword })).toMatchObject({ ok: true });
    expect(gateway.identity.users.get('qe.anna')).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it('locks until a whole minute, so the time it names is not refused a moment after', async () => {
    const time = handClock('2026-12-07T06:00:20.000Z');
    const gateway = await startTestGateway({ clock: time.clock });
    for (let attempt = 1; attempt <= 5; attempt++) await signInOver(gateway.erpUrl, { user: 'qe.anna', password: `guess-${attempt}` });
    expect(gateway.identity.users.get('qe.anna')?.lockedUntil).toBe('2026-12-07T06:16:00.000Z');
  });

  it('judges a token later: expired after its shift, forged by another key, its holder disabled or a role taken away since', async () => {
    const time = handClock();
    const gateway = await startTestGateway({ clock: time.clock, sessionHours: 8 });
    const answer = await signInOver(gateway.erpUrl, { user: 'sv.ines', password: demoPassword });
    if (!answer.ok) throw new Error(answer.reason);
    const { identity } = gateway;
    expect(await identity.check(answer.token, new Date(time.clock().getTime() + 8 * 3600_000 - 1000))).toMatchObject({ ok: true, roles: { P1: ['supervisor'] } });
    expect(await identity.check(answer.token, new Date(time.clock().getTime() + 8 * 3600_000 + 1000))).toMatchObject({ ok: false, rule: 'expired', reason: expect.stringContaining('sign in again') });
    expect(await identity.check(answer.token, new Date(time.clock().getTime() - 60_000))).toMatchObject({ ok: false, rule: 'not-yet-valid' });

    const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ name: 'Ines Duarte', roles: { P1: ['supervisor'] } })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(sessionIssuer)
      .setSubject('sv.ines')
      .setIssuedAt(answer.claims.iat)
      .setExpirationTime(answer.claims.exp)
      .setJti('forged')
      .sign(other.privateKey);
    expect(await identity.check(forged, time.clock())).toMatchObject({ ok: false, rule: 'forged' });
    expect(await identity.check(`${answer.token.slice(0, -6)}AAAAAA`, time.clock())).toMatchObject({ ok: false, rule: 'forged' });
    expect(await identity.check('not-a-token', time.clock())).toMatchObject({ ok: false, rule: 'malformed' });

    identity.users.setRoles('sv.ines', { P1: ['planner'], P2: ['supervisor'] }, time.clock().toISOString());
    const stripped = await identity.check(answer.token, time.clock());
    expect(stripped).toMatchObject({ ok: true });
    if (stripped.ok) expect(stripped.roles).toEqual({ P2: ['supervisor'] });
    identity.users.disable('sv.ines', time.clock().toISOString());
    expect(await identity.check(answer.token, time.clock())).toMatchObject({ ok: false, rule: 'disabled' });
    // Enabled again: what was signed before the disable stays void; a new sign-in counts.
    time.advance(60_000);
    identity.users.enable('sv.ines', time.clock().toISOString());
    expect(await identity.check(answer.token, time.clock())).toMatchObject({ ok: false, rule: 'disabled', reason: expect.stringMatching(/^session token: signed in before user sv\.ines was disabled .*; sign in again$/) });
    const again = await identity.signIn({ user: 'sv.ines', password: demoPassword });
    if (!again.ok) throw new Error(again.reason);
    expect(await identity.check(again.token, time.clock())).toMatchObject({ ok: true });
  });

  it('keeps its key and its users across a restart: a token signed before is still the gateway’s', async () => {
    const databasePath = tempDatabasePath();
    const first = await startTestGateway({ databasePath });
    await first.identity.addUser({ name: 'qe.new', password: 'secret-1', roles: { P1: ['quality-engineer'] } });
    const answer = await signInOver(first.erpUrl, { user: 'qe.new', password: 'secret-1' });
    if (!answer.ok) throw new Error(answer.reason);
    await first.close();
    const second = await startTestGateway({ databasePath });
    expect(await second.identity.check(answer.token, new Date())).toMatchObject({ ok: true, claims: { sub: 'qe.new' } });
    expect(second.identity.summaries().filter((user) => user.name === 'qe.new')).toHaveLength(1);
    expect(second.identity.summaries()).toHaveLength(demoUsers.length + 1);
  });
});

describe('password hashes', () => {
  it('salts each hash and verifies only the password it was made from', async () => {
    const [a, b] = await Promise.all([hashPassword('floor-7'), hashPassword('floor-7')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('floor-7', a)).toBe(true);
    expect(await verifyPassword('floor-8', a)).toBe(false);
    await expect(verifyPassword('floor-7', 'plain-text')).rejects.toThrow(/not a scrypt hash/);
  });

  it('holds for every demo user with the demo password', async () => {
    for (const user of demoUsers) expect(await verifyPassword(demoPassword, user.passwordHash)).toBe(true);
  });
});
