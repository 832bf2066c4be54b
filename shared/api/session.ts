// Who is using the app: signed in against the gateway (user, role at this plant, until when), or not
// yet; and how dense the screens should be.
import { z } from 'zod';
import { signInRequestSchema } from '../auth/sign-in';
import type { Role } from '../domain';
import type { Settings } from '../settings';

/** Compact for a workstation with a mouse; touch for a floor tablet, gloves and a handheld scanner. */
export type UiDensity = Settings['ui']['density'];

/** The signed-in person, as the views read them. */
export interface SessionInfo {
  user: string;
  /** The name the gateway knows them by ("Maria Keller"). */
  displayName: string;
  /** The role they act in at this workstation's plant: the first of their roles there. */
  role: Role;
  plant: string | null;
  /** When the gateway's token runs out; past it, decisions are refused until they sign in again. */
  expiresAt: string;
  /** True once expiresAt has passed (by the core's clock): reads go on, decisions are refused. */
  expired: boolean;
  /** What a use-as-is deviation number must look like (a regular expression from settings). */
  deviationNumberPattern: string;
  /**
   * The density the settings ask for (ui.density). The hosts add it to the core's answer, since it is
   * a preference of the window, not of the core; absent reads as compact.
   */
  density?: UiDensity;
}

/** Nobody signed in: the app shows the sign-in screen. */
export interface SignedOut {
  plant: string | null;
  /** Who was signed in here when the app last closed, to fill in the user name; null on a new workstation and after a sign-out. */
  lastUser: string | null;
  density?: UiDensity;
}

export type SessionState = ({ signedIn: true } & SessionInfo) | ({ signedIn: false } & SignedOut);

export const sessionArgSchemas = {
  'session.current': z.object({}),
  'session.signIn': signInRequestSchema,
  'session.signOut': z.object({}),
} as const;

export interface SessionApi {
  'session.current': (args: Record<string, never>) => SessionState;
  /** Asks the gateway; a wrong password, an unknown or disabled user and a lock each say so. */
  'session.signIn': (args: z.infer<typeof signInRequestSchema>) => SessionState;
  'session.signOut': (args: Record<string, never>) => SessionState;
}
