// Who may sign in at this gateway and what a session token of theirs is worth now: sign-in with its
// lock after repeated wrong passwords, tokens signed for one shift, and the check of a token against
// the user as the gateway knows them today (disabled since, roles taken away since).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { sessionAlgorithm, sessionIssuer, type PlantRoles, type SessionClaims } from '../../shared/auth/session-claims';
import { signInRequestSchema, type SignInAnswer, type UserSummary } from '../../shared/auth/sign-in';
import { verifySession, type SessionRule } from '../../shared/auth/verify-session';
import { describeZodError } from '../../shared/describe-error';
import { hashPassword, verifyPassword } from './password-hash';
import { loadSigningKey } from './signing-key';
import { SignInLog } from './sign-in-log';
import { checkRoles, userNameOf, UserBook, type UserRecord } from './user-book';

export interface IdentityOptions {
  /** How long a session token is valid: one shift (default 12 hours). */
  sessionHours?: number;
  /** Wrong passwords in a row before the user is locked (default 5). */
  lockAfter?: number;
  /** How long the lock lasts (default 15 minutes). */
  lockMinutes?: number;
  clock: () => Date;
}

/** A token's holder as the gateway knows them now; the roles are those both the token and today's record give. */
export type HolderCheck = { ok: true; claims: SessionClaims; user: UserRecord; roles: PlantRoles } | { ok: false; rule: SessionRule | 'unknown-user' | 'disabled'; reason: string };

export async function createIdentity(db: Database.Database, options: IdentityOptions) {
  const { clock } = options;
  const sessionHours = options.sessionHours ?? 12;
  if (!(Number.isFinite(sessionHours) && sessionHours > 0 && sessionHours <= 24 * 7)) throw new Error(`sessionHours: ${sessionHours} is not in (0, 168]`);
  const lockAfter = options.lockAfter ?? 5;
  const lockMinutes = options.lockMinutes ?? 15;
  const users = new UserBook(db);
  const log = new SignInLog(db);
  const key = await loadSigningKey(db, clock());

  async function sign(user: UserRecord, now: Date): Promise<{ token: string; claims: SessionClaims }> {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: SessionClaims = { iss: sessionIssuer, sub: user.name, name: user.displayName, roles: user.roles, iat, exp: iat + Math.round(sessionHours * 3600), jti: randomUUID() };
    const token = await new SignJWT({ name: claims.name, roles: claims.roles })
      .setProtectedHeader({ alg: sessionAlgorithm, kid: key.kid, typ: 'JWT' })
      .setIssuer(claims.iss)
      .setSubject(claims.sub)
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .setJti(claims.jti)
      .sign(key.privateKey);
    return { token, claims };
  }

  function refuse(userName: string, rule: Exclude<SignInAnswer, { ok: true }>['rule'], reason: string, at: Date): SignInAnswer {
    log.record({ at: at.toISOString(), user: userName, outcome: rule, reason });
    return { ok: false, rule, reason };
  }

  return {
    publicKey: key.publicJwk,
    users,
    log,

    async signIn(raw: unknown): Promise<SignInAnswer> {
      const now = clock();
      const request = signInRequestSchema.safeParse(raw);
      if (!request.success) return { ok: false, rule: 'invalid', reason: `sign-in: ${describeZodError(request.error)}` };
      const name = request.data.user.toLowerCase();
      const user = users.get(name);
      if (!user) return refuse(name, 'unknown-user', `user: there is no user ${name} at this gateway`, now);
      if (user.disabledAt) return refuse(name, 'disabled', `user: ${name} was disabled ${user.disabledAt}; ask your administrator`, now);
      if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
        return refuse(name, 'locked', `user: ${name} is locked after ${lockAfter} wrong passwords until ${user.lockedUntil}`, now);
      }
      if (!(await verifyPassword(request.data.password, user.passwordHash))) {
        // A lock that ran out starts a new count.
        const failed = (user.lockedUntil ? 0 : user.failedSignIns) + 1;
        // To the next whole minute: the message says "until 12:50" and a try at 12:49:30 is not refused against it.
        const lockUntil = failed >= lockAfter ? new Date(Math.ceil((now.getTime() + lockMinutes * 60_000) / 60_000) * 60_000).toISOString() : null;
        if (user.lockedUntil) users.signedIn(name);
        users.signInFailed(name, lockUntil);
        const left = lockAfter - failed;
        return refuse(name, 'wrong-password', lockUntil ? `password: wrong; ${name} is locked until ${lockUntil}` : `password: wrong (${left} more before ${name} is locked for ${lockMinutes} minutes)`, now);
      }
      users.signedIn(name);
      const signed = await sign(user, now);
      log.record({ at: now.toISOString(), user: name, outcome: 'signed-in', reason: null });
      return { ok: true, ...signed, publicKey: key.publicJwk };
    },

    /** What `token` is worth at `at` (a command's decision time): valid then, and its holder not disabled or stripped of every role since. */
    async check(token: string, at: Date): Promise<HolderCheck> {
      const checked = await verifySession(token, key.publicJwk, at);
      if (!checked.ok) return checked;
      const user = users.get(checked.claims.sub);
      if (!user) return { ok: false, rule: 'unknown-user', reason: `session token: user ${checked.claims.sub} is no longer at this gateway` };
      if (user.disabledAt) return { ok: false, rule: 'disabled', reason: `session token: user ${user.name} was disabled ${user.disabledAt}` };
      if (user.tokensFrom && checked.claims.iat * 1000 <= Date.parse(user.tokensFrom)) {
        return { ok: false, rule: 'disabled', reason: `session token: signed in before user ${user.name} was disabled ${user.tokensFrom}; sign in again` };
      }
      return { ok: true, claims: checked.claims, user, roles: common(checked.claims.roles, user.roles) };
    },

    async addUser(input: { name: string; displayName?: string; password: string; roles: unknown }): Promise<UserSummary> {
      if (input.password.length < 4) throw new Error('password: needs 4 characters at least');
      const name = userNameOf(input.name);
      users.add({ name, displayName: input.displayName ?? name, passwordHash: await hashPassword(input.password), roles: checkRoles(input.roles) }, clock().toISOString());
      return summary(users.get(name)!);
    },

    async setPassword(name: string, password: string): Promise<void> {
      if (password.length < 4) throw new Error('password: needs 4 characters at least');
      users.setPassword(name, await hashPassword(password), clock().toISOString());
    },

    summaries: (): UserSummary[] => users.list().map(summary),
  };
}
export type Identity = Awaited<ReturnType<typeof createIdentity>>;

/** Roles the token gave that today's record still gives, plant by plant. */
function common(token: PlantRoles, current: PlantRoles): PlantRoles {
  const out: PlantRoles = {};
  for (const [plant, roles] of Object.entries(token)) {
    const still = roles.filter((role) => current[plant]?.includes(role));
    if (still.length > 0) out[plant] = still;
  }
  return out;
}

export function summary(user: UserRecord): UserSummary {
  return { name: user.name, displayName: user.displayName, roles: user.roles, disabled: user.disabledAt !== null, lockedUntil: user.lockedUntil };
}
