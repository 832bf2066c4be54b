// Who is using the app, with which role.
import { z } from 'zod';
import type { Role } from '../domain';

export interface SessionInfo {
  user: string;
  role: Role;
  plant: string | null;
}

export const sessionArgSchemas = {
  'session.current': z.object({}),
} as const;

export interface SessionApi {
  'session.current': (args: Record<string, never>) => SessionInfo;
}
