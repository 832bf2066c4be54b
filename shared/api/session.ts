// Who is using the app, with which role, and how dense the screens should be.
import { z } from 'zod';
import type { Role } from '../domain';
import type { Settings } from '../settings';

/** Compact for a workstation with a mouse; touch for a floor tablet, gloves and a handheld scanner. */
export type UiDensity = Settings['ui']['density'];

export interface SessionInfo {
  user: string;
  role: Role;
  plant: string | null;
  /** What a use-as-is deviation number must look like (a regular expression from settings). */
  deviationNumberPattern: string;
  /**
   * The density the settings ask for (ui.density). The hosts add it to the core's answer, since it is
   * a preference of the window, not of the core; absent reads as compact.
   */
  density?: UiDensity;
}

export const sessionArgSchemas = {
  'session.current': z.object({}),
} as const;

export interface SessionApi {
  'session.current': (args: Record<string, never>) => SessionInfo;
}
