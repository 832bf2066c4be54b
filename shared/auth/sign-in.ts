// Sign-in as the app asks the gateway for it, over the same socket.io connection as the streams:
// a user name and password in, a signed session token (or the rule that refused it) out.
import { z } from 'zod';
import type { SessionClaims, PlantRoles } from './session-claims';
import type { SessionPublicKey } from './verify-session';

export const signInMessages = {
  /** `{ user, password }` with an ack: SignInAnswer. */
  signIn: 'auth.signIn',
  /** No arguments, with an ack: the public key session tokens are verified with. */
  publicKey: 'auth.publicKey',
} as const;

export const signInRequestSchema = z.object({
  user: z.string().trim().min(1, 'give your user name').max(64, 'a user name has 64 characters at most'),
  password: z.string().min(1, 'give your password').max(1024, 'a password has 1,024 characters at most'),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export type SignInRule = 'invalid' | 'unknown-user' | 'wrong-password' | 'disabled' | 'locked';

export type SignInAnswer =
  | { ok: true; token: string; claims: SessionClaims; publicKey: SessionPublicKey }
  | { ok: false; rule: SignInRule; reason: string };

/** A user as the gateway's CLI lists them (no hash). */
export interface UserSummary {
  name: string;
  displayName: string;
  roles: PlantRoles;
  disabled: boolean;
  lockedUntil: string | null;
}
