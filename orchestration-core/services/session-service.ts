// Who sits at this workstation: signed in against the gateway, which signs a session token; the token
// is kept (Electron: safeStorage; the web host: memory) and verified with the gateway's public key, so
// the person keeps working offline until it runs out. Past it, decisions are refused here with the
// sign-in message, reads go on, and nothing queued is lost. Every sign-in, refused sign-in and sign-out
// is in the audit trail.
import { decodeJwt } from 'jose';
import { ApiFailure } from '../../shared/api/result';
import type { SessionInfo, SessionState } from '../../shared/api/session';
import { rolesAt, type SessionClaims } from '../../shared/auth/session-claims';
import type { SignInAnswer, SignInRequest } from '../../shared/auth/sign-in';
import { verifySession, type SessionPublicKey } from '../../shared/auth/verify-session';
import type { Role } from '../../shared/domain';
import type { Clock, Logger } from '../core-ports';
import type { Repos } from '../store/repos';

/** Where a host keeps the last token between launches (Electron: encrypted with safeStorage). */
export interface SessionKeeper {
  load(): string | null;
  save(token: string | null): void;
}

export interface SessionServiceDeps {
  repos: Pick<Repos, 'audit' | 'workstation'>;
  clock: Clock;
  logger: Logger;
  plant: string | null;
  deviationNumberPattern: string;
  /** The gateway that signs sessions (the ERP connector's). */
  gateway: { signIn(request: SignInRequest): Promise<SignInAnswer> } | null;
  keeper?: SessionKeeper;
  /** Signed in, out, or ran out: the host pushes `session.changed`. */
  onChanged(): void;
  /** How often the session's end is looked at besides its timer (default 15 s). */
  watchMs?: number;
}

interface Held {
  token: string;
  claims: SessionClaims;
  role: Role;
}

/** The signed-in person as the dispatcher and the commit path ask for them. */
export interface Caller {
  user: string;
  role: Role;
  /** The token ran out: decisions are refused until they sign in again. */
  expiredAt: string | null;
}

const expiryOf = (claims: SessionClaims): string => new Date(claims.exp * 1000).toISOString();

const defaultWatchMs = 15_000;

/** The role at this plant (or, with no plant set, at any): the first the gateway lists. */
function roleOf(claims: SessionClaims, plant: string | null): Role | undefined {
  return plant === null ? Object.values(claims.roles).flat()[0] : rolesAt(claims, plant)[0];
}

export function createSessionService(deps: SessionServiceDeps) {
  const { repos, clock } = deps;
  let held: Held | null = null;
  let expiryTimer: NodeJS.Timeout | null = null;
  /** The session whose running out was pushed already. */
  let announced: string | null = null;
  let closed = false;

  const audit = (actor: string, role: Role | null, action: string, detail: Record<string, unknown>) =>
    repos.audit.append({ at: clock.now().toISOString(), actor, action, subject: actor, detail: { ...detail, ...(role ? { role } : {}) } });

  function hold(next: Held | null): void {
    held = next;
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = null;
    deps.keeper?.save(next?.token ?? null);
    if (next) {
      // The screens learn it ran out without anyone asking; setTimeout holds at most 2^31-1 ms.
      const delay = Math.min(Math.max(0, next.claims.exp * 1000 - clock.now().getTime()), 2 ** 31 - 1);
      expiryTimer = setTimeout(() => {
        announced = next.claims.jti;
        deps.onChanged();
      }, delay);
      expiryTimer.unref();
    }
    deps.onChanged();
  }

  const storedKey = (): SessionPublicKey | null => {
    const json = repos.workstation.get('gatewayPublicKey');
    return json === null ? null : (JSON.parse(json) as SessionPublicKey);
  };

  /** A token is ours if the gateway's key signed it and it was valid when issued; running out is not a reason to forget it. */
  async function accept(token: string, key: SessionPublicKey): Promise<{ ok: true; held: Held } | { ok: false; reason: string }> {
    let issuedAt: Date;
    try {
      issuedAt = new Date((decodeJwt(token).iat ?? 0) * 1000);
    } catch (error) {
      return { ok: false, reason: `session token: ${error instanceof Error ? error.message : String(error)}` };
    }
    const checked = await verifySession(token, key, issuedAt);
    if (!checked.ok) return { ok: false, reason: checked.reason };
    const role = roleOf(checked.claims, deps.plant);
    if (!role) return { ok: false, reason: `user: ${checked.claims.sub} has no role at plant ${deps.plant ?? '(any)'} on this gateway` };
    return { ok: true, held: { token, claims: checked.claims, role } };
  }

  function expiredAt(now = clock.now()): string | null {
    return held && held.claims.exp * 1000 <= now.getTime() ? expiryOf(held.claims) : null;
  }

  function info(current: Held): SessionInfo {
    return {
      user: current.claims.sub,
      displayName: current.claims.name,
      role: current.role,
      plant: deps.plant,
      expiresAt: expiryOf(current.claims),
      expired: expiredAt() !== null,
      deviationNumberPattern: deps.deviationNumberPattern,
    };
  }

  /**
   * When the session ran out, or null. The clock may pass the end without the timer (a machine that
   * slept, a clock set forward): the first to notice pushes it, once.
   */
  function noticeExpiry(): string | null {
    const ranOut = expiredAt();
    // Ran out and not said yet, or said and the clock was set back before the end: push the change.
    const wasAnnounced = held !== null && announced === held.claims.jti;
    if (held && (ranOut !== null) !== wasAnnounced) {
      announced = ranOut ? held.claims.jti : null;
      setImmediate(() => {
        if (!closed) deps.onChanged();
      });
    }
    return ranOut;
  }
  // Looked at now and then as well, so an idle screen learns it too.
  const watch = setInterval(noticeExpiry, deps.watchMs ?? defaultWatchMs);
  watch.unref();

  function signOutHeld(why: string): void {
    if (!held) return;
    audit(held.claims.sub, held.role, 'signed out', { why, session: held.claims.jti });
    hold(null);
  }

  function state(): SessionState {
    if (held) return { signedIn: true, ...info(held) };
    return { signedIn: false, plant: deps.plant, lastUser: repos.workstation.get('lastUser') };
  }

  return {
    /** At start: the token the host kept, if the stored key verifies it. */
    async restore(): Promise<void> {
      const token = deps.keeper?.load() ?? null;
      const key = storedKey();
      if (token === null || key === null) return;
      const accepted = await accept(token, key);
      if (!accepted.ok) {
        deps.logger.warn('the kept session token was not accepted; sign in again', { reason: accepted.reason });
        deps.keeper?.save(null);
        return;
      }
      hold(accepted.held);
    },
    /** Who is signed in and in which role, read and nothing else (the audit asks it for every entry). */
    signedIn(): { user: string; role: Role } | null {
      return held ? { user: held.claims.sub, role: held.role } : null;
    },
    /** The caller of an API call; the first to find the session ran out without the timer pushes it. */
    caller(): Caller | null {
      if (!held) return null;
      return { user: held.claims.sub, role: held.role, expiredAt: noticeExpiry() };
    },
    state,
    /** The token to send with a decision `user` makes now; none once it ran out (decisions are refused then). */
    tokenFor(user: string, at: Date): string | undefined {
      return held && held.claims.sub === user && held.claims.exp * 1000 > at.getTime() ? held.token : undefined;
    },
    async signIn(request: SignInRequest): Promise<SessionState> {
      if (!deps.gateway) throw new ApiFailure('conflict', 'gateway: no ERP connector is configured to sign in against');
      let answer: SignInAnswer;
      try {
        answer = await deps.gateway.signIn(request);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new ApiFailure('conflict', `gateway: cannot sign in now: ${why}. Sign-in needs the gateway; a session signed in earlier on this workstation keeps working offline until it runs out.`);
      }
      const now = clock.now().toISOString();
      if (!answer.ok) {
        audit(request.user, null, 'sign-in refused', { rule: answer.rule, reason: answer.reason });
        throw new ApiFailure('forbidden', answer.reason);
      }
      const accepted = await accept(answer.token, answer.publicKey);
      if (!accepted.ok) {
        audit(request.user, null, 'sign-in refused', { rule: 'token', reason: accepted.reason });
        throw new ApiFailure('forbidden', accepted.reason);
      }
      // Switching user on a shared terminal: the one before is signed out first, in the trail too.
      signOutHeld(`${accepted.held.claims.sub} signed in`);
      repos.workstation.set('gatewayPublicKey', JSON.stringify(answer.publicKey), now);
      repos.workstation.set('lastUser', accepted.held.claims.sub, now);
      audit(accepted.held.claims.sub, accepted.held.role, 'signed in', { session: accepted.held.claims.jti, expiresAt: expiryOf(accepted.held.claims), plant: deps.plant });
      hold(accepted.held);
      return { signedIn: true, ...info(accepted.held) };
    },
    /** Signed out on purpose: the next person at a shared terminal starts from an empty user name. */
    signOut(): SessionState {
      // Forgotten first: the state pushed as the session ends already has no user name in it.
      repos.workstation.forget('lastUser');
      signOutHeld('signed out');
      return state();
    },
    close(): void {
      closed = true;
      clearInterval(watch);
      if (expiryTimer) clearTimeout(expiryTimer);
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
