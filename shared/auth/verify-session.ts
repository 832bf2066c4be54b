// Checks a session token against the gateway's public key at a given time: the gateway when a
// command arrives (at the time it was decided), the app when it works offline. Each refusal names
// its rule, so a person is told which one.
import { errors, importJWK, jwtVerify, type JWK } from 'jose';
import { describeZodError } from '../describe-error';
import { sessionAlgorithm, sessionClaimsSchema, sessionIssuer, type SessionClaims } from './session-claims';

export type SessionRule = 'malformed' | 'forged' | 'expired' | 'not-yet-valid';

export type SessionCheck = { ok: true; claims: SessionClaims } | { ok: false; rule: SessionRule; reason: string };

/** The gateway's public key as it publishes it (an Ed25519 JWK). */
export type SessionPublicKey = JWK;

export async function verifySession(token: string, publicKey: SessionPublicKey, at: Date): Promise<SessionCheck> {
  let payload: unknown;
  try {
    const key = await importJWK(publicKey, sessionAlgorithm);
    ({ payload } = await jwtVerify(token, key, { issuer: sessionIssuer, algorithms: [sessionAlgorithm], currentDate: at, clockTolerance: 0 }));
  } catch (error) {
    return refusal(error, at);
  }
  const claims = sessionClaimsSchema.safeParse(payload);
  if (!claims.success) return { ok: false, rule: 'malformed', reason: `session token: ${describeZodError(claims.error)}` };
  // jose checks iat only for being a number; a token "issued" after the decision it carries was not valid then.
  if (claims.data.iat * 1000 > at.getTime()) return { ok: false, rule: 'not-yet-valid', reason: `session token: issued ${iso(claims.data.iat)}, after ${at.toISOString()}` };
  return { ok: true, claims: claims.data };
}

function refusal(error: unknown, at: Date): SessionCheck {
  if (error instanceof errors.JWTExpired) {
    const exp = (error.payload as { exp?: number }).exp;
    return { ok: false, rule: 'expired', reason: `session token: expired ${exp === undefined ? '' : `${iso(exp)}, `}before ${at.toISOString()}; sign in again` };
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') return { ok: false, rule: 'not-yet-valid', reason: `session token: not valid before ${at.toISOString()}` };
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed) {
    return { ok: false, rule: 'forged', reason: 'session token: its signature is not the gateway’s' };
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') return { ok: false, rule: 'forged', reason: 'session token: not issued by this gateway' };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, rule: 'malformed', reason: `session token: ${message}` };
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
