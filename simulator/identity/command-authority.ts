// Who a command is by, as the gateway decides it: never what the command says of itself. A person's
// command carries their session token, judged at the time the decision was made; a follow-up a
// workstation sends for a person (the substitution after its approval, a reroute's consequences)
// names the person's command it follows from; a workstation on its own sends only the automatic
// commands, as `system`, and blocks a lot but never releases one.
import { automaticCommands, mayIssue } from '../../shared/auth/command-roles';
import { anyRoles, rolesAt, type PlantRoles } from '../../shared/auth/session-claims';
import type { CanonicalCommand } from '../../shared/commands';
import type { Role } from '../../shared/domain';
import { plantsOf, type PlantLookups } from './command-plants';
import type { Identity } from './identity';

/** What a command's session token is worth, found before the command's transaction (verifying is asynchronous). */
export type Authority =
  | { kind: 'person'; user: string; roles: PlantRoles; sessionId: string; signedInAs: PlantRoles; rolesNow: PlantRoles }
  | { kind: 'refused'; reason: string }
  | { kind: 'workstation' };

/** How far ahead of the gateway's clock a decision's time may be: workstation clocks drift. */
const allowedSkewMs = 5 * 60_000;

export async function authorityOf(raw: unknown, identity: Identity, now: Date): Promise<Authority> {
  const envelope = typeof raw === 'object' && raw !== null ? (raw as { session?: unknown; issuedAt?: unknown }) : {};
  if (envelope.session === undefined) return { kind: 'workstation' };
  if (typeof envelope.session !== 'string') return { kind: 'refused', reason: 'session: not a session token' };
  const issuedAt = typeof envelope.issuedAt === 'string' ? new Date(envelope.issuedAt) : new Date(Number.NaN);
  if (Number.isNaN(issuedAt.getTime())) return { kind: 'refused', reason: 'issuedAt: not a time' };
  if (issuedAt.getTime() > now.getTime() + allowedSkewMs) return { kind: 'refused', reason: `issuedAt: ${issuedAt.toISOString()} is ahead of the gateway's clock (${now.toISOString()})` };
  const checked = await identity.check(envelope.session, issuedAt);
  if (!checked.ok) return { kind: 'refused', reason: checked.reason };
  return { kind: 'person', user: checked.user.name, roles: checked.roles, sessionId: checked.claims.jti, signedInAs: checked.claims.roles, rolesNow: checked.user.roles };
}

export interface AuthorityLookups extends PlantLookups {
  /** A command the gateway holds: who it was by (as decided then) and how it ended. */
  command(commandId: string): { issuedBy: string; status: 'accepted' | 'rejected' } | undefined;
  /** A user's roles today; undefined for a user unknown or disabled. */
  rolesOf(user: string): PlantRoles | undefined;
}

export type Authorized = { ok: true; issuedBy: string } | { ok: false; reason: string };

const rolesText = (roles: PlantRoles): string => [...anyRoles({ roles })].join(', ') || 'no role';

/** The roles that count for a command: those at the plants it acts at, or at any plant when it names none the gateway knows. */
function rolesFor(roles: PlantRoles, plants: readonly string[] | null): ReadonlySet<Role> {
  return plants === null ? anyRoles({ roles }) : new Set(plants.flatMap((plant) => rolesAt({ roles }, plant)));
}

/** "quality-engineer at P2, P3; operator at P1" */
function rolesByPlantText(roles: PlantRoles): string {
  const plantsOfRole = new Map<Role, string[]>();
  for (const [plant, held] of Object.entries(roles)) for (const role of held) plantsOfRole.set(role, [...(plantsOfRole.get(role) ?? []), plant]);
  return [...plantsOfRole].map(([role, plants]) => `${role} at ${plants.sort().join(', ')}`).join('; ') || 'no role';
}

const atPlants = (plants: readonly string[] | null): string => (plants === null ? '' : ` at ${plants.join(' or ')}`);

/** Inside the command's transaction, after the duplicate check: who it is by, or the rule that refuses it. */
export function authorize(command: CanonicalCommand & { onBehalfOf?: string }, authority: Authority, lookups: AuthorityLookups): Authorized {
  if (authority.kind === 'refused') return { ok: false, reason: authority.reason };
  const plants = plantsOf(command, lookups);
  if (authority.kind === 'person') {
    if (!mayIssue(rolesFor(authority.roles, plants), command.type)) {
      // A role taken away since sign-in counts from then on: the token's word no longer holds.
      const changed = mayIssue(rolesFor(authority.signedInAs, plants), command.type);
      const perPlant = plants !== null && mayIssue(anyRoles({ roles: authority.roles }), command.type);
      const who = changed
        ? `${authority.user} (signed in as ${rolesText(authority.signedInAs)}, now ${perPlant ? rolesByPlantText(authority.rolesNow) : rolesText(authority.rolesNow)} on this gateway)`
        : `${authority.user} (${perPlant ? rolesByPlantText(authority.roles) : rolesText(authority.roles)})`;
      return { ok: false, reason: `role: ${who} may not send ${command.type}${perPlant || changed ? atPlants(plants) : ''}` };
    }
    return { ok: true, issuedBy: authority.user };
  }
  if (command.onBehalfOf !== undefined) {
    const original = lookups.command(command.onBehalfOf);
    if (!original || original.status !== 'accepted') return { ok: false, reason: `onBehalfOf: ${command.onBehalfOf} is no command this gateway accepted` };
    const roles = lookups.rolesOf(original.issuedBy);
    if (!roles) return { ok: false, reason: `onBehalfOf: ${original.issuedBy} may no longer act here (disabled or removed)` };
    if (!mayIssue(rolesFor(roles, plants), command.type)) return { ok: false, reason: `role: ${original.issuedBy} (${rolesByPlantText(roles)}) may not send ${command.type}${atPlants(plants)}` };
    return { ok: true, issuedBy: original.issuedBy };
  }
  if (command.issuedBy === 'system' && automaticCommands.has(command.type)) {
    if (command.type === 'lot.setStatus' && command.payload.stockType !== 'blocked') {
      return { ok: false, reason: `payload.stockType: a workstation on its own may block a lot, not make it ${command.payload.stockType}` };
    }
    if (command.type === 'approval.request' && command.payload.kind !== 'adjustment') {
      return { ok: false, reason: `payload.kind: a workstation on its own may ask for a cycle count's adjustment only, not a ${command.payload.kind}` };
    }
    return { ok: true, issuedBy: 'system' };
  }
  return { ok: false, reason: `session: ${command.type} by ${command.issuedBy} needs the session token of the person who decided it; sign in` };
}
