// Signing a test's workstation in as a real person: the user is put on the gateway with one role at
// every plant, and the core signs in through its ERP connector like the sign-in screen does.
import type { SessionKeeper } from '../../orchestration-core/services/session-service';
import type { Core } from '../../orchestration-core/core-types';
import type { Gateway } from '../../simulator/gateway';
import type { Role } from '../../shared/domain';
import { waitFor } from './wait-for';

export const testPassword = 'station-pass';

type GatewayIdentity = Pick<Gateway, 'identity' | 'inspect'>;

/** Users whose password is the test password already, per gateway (hashing takes tens of milliseconds). */
const prepared = new WeakMap<GatewayIdentity['identity'], Set<string>>();

/** The user on the gateway with `role` at every plant: added with the test password, or given the role. */
export async function putUser(gateway: GatewayIdentity, user: string, role: Role): Promise<void> {
  const roles = Object.fromEntries(gateway.inspect.plants().map((plant) => [plant, [role]]));
  const ready = prepared.get(gateway.identity) ?? new Set<string>();
  prepared.set(gateway.identity, ready);
  const known = gateway.identity.users.get(user);
  if (!known) await gateway.identity.addUser({ name: user, password: testPassword, roles });
  else {
    if (JSON.stringify(known.roles) !== JSON.stringify(roles)) gateway.identity.users.setRoles(user, roles, new Date().toISOString());
    if (!ready.has(user)) await gateway.identity.setPassword(user, testPassword);
  }
  ready.add(user);
}

/** Signs the core in as `user` once its ERP connector is online (bounded by waitFor). */
export async function signInAs(core: Core, gateway: GatewayIdentity, user: string, role: Role): Promise<void> {
  await putUser(gateway, user, role);
  await waitFor(`${user}'s ERP connector online`, async () => (await core.handlers['connectors.status']({}, { user })).some((c) => c.kind === 'erp' && c.state === 'online'), 20_000);
  const state = await core.handlers['session.signIn']({ user, password: testPassword }, { user });
  if (!state.signedIn || state.role !== role) throw new Error(`${user} did not sign in as ${role}`);
}

/** Keeps each workstation's last token between opens of the same SQLite file, as Electron's safeStorage does. */
export function memorySessionKeepers() {
  const tokens = new Map<string, string | null>();
  return (databasePath: string): SessionKeeper => ({
    load: () => tokens.get(databasePath) ?? null,
    save: (token) => void tokens.set(databasePath, token),
  });
}
