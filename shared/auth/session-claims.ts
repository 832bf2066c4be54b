// What a session token the gateway signs says about its holder: who, with which roles at which
// plants, from when until when. Both sides read it: the gateway when a command arrives, the app to
// know whom it serves and until when it may work offline.
import { z } from 'zod';
import { idSchema, roleSchema, type Role } from '../domain';

/** The `iss` of every session token; a token from anyone else is not ours. */
export const sessionIssuer = 'plant-orchestrator-gateway';
/** The token's signature algorithm: Ed25519, so a workstation verifies with the public key alone. */
export const sessionAlgorithm = 'EdDSA';

/** Roles per plant: a supervisor at P1 may be a planner at P2. */
export const plantRolesSchema = z.record(idSchema, z.array(roleSchema).min(1).max(8));
export type PlantRoles = z.infer<typeof plantRolesSchema>;

export const sessionClaimsSchema = z.object({
  iss: z.literal(sessionIssuer),
  /** The user name, as people type it at sign-in. */
  sub: idSchema,
  name: z.string().trim().min(1).max(200),
  roles: plantRolesSchema,
  /** Seconds since the epoch, as JWT has them. */
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  /** The token's own id: the audit names the session a decision was made in. */
  jti: idSchema,
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** The roles the holder has at `plant`; none at a plant the token does not name. */
export function rolesAt(claims: Pick<SessionClaims, 'roles'>, plant: string): readonly Role[] {
  return claims.roles[plant] ?? [];
}

/** Every role the holder has at some plant. */
export function anyRoles(claims: Pick<SessionClaims, 'roles'>): ReadonlySet<Role> {
  return new Set(Object.values(claims.roles).flat());
}
