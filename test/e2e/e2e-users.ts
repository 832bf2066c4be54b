// Who signs in at the e2e workstations: the simulator's demo users keep the demo password (and get the
// role a test asks for, if another); anyone else is put on the gateway with the users CLI, as IT would,
// with one password.
import Database from 'better-sqlite3';
import type { Role } from '../../shared/domain';
import { demoPassword, demoUsers } from '../../simulator/identity/demo-users';
import { runUsersCli } from '../../simulator/users-cli';

export const e2ePassword = 'e2e-password';

const isDemoUser = (user: string) => demoUsers.some((demo) => demo.name === user);

/** The password `user` signs in with at the e2e gateway. */
export const passwordOf = (user: string): string => (isDemoUser(user) ? demoPassword : e2ePassword);

/** Puts `user` on the simulator (its file, while it runs) with `role` at every plant, unless they have it already. */
export async function putE2eUser(simulatorDb: string, user: string, role: Role): Promise<void> {
  if (demoUsers.some((demo) => demo.name === user && demo.role === role)) return;
  const db = new Database(simulatorDb, { readonly: true, fileMustExist: true });
  const plants = db.prepare<[], string>('SELECT plant_id FROM plants ORDER BY plant_id').pluck().all();
  const exists = db.prepare('SELECT 1 FROM users WHERE user_name = ?').get(user) !== undefined;
  db.close();
  const roles = plants.map((plant) => `${plant}:${role}`).join(',');
  if (exists) await runUsersCli(['roles', user, '--roles', roles, '--db', simulatorDb]);
  else await runUsersCli(['add', user, '--roles', roles, '--password', passwordOf(user), '--db', simulatorDb]);
}
