// The simulator's demo users, one or more per role, each with the password `demo` (README lists them).
// Their hashes were made once with hashPassword, each with its own salt, so a gateway starts without
// spending a tenth of a second per user; they are seeded only into a gateway that has no users yet.
import type { Role } from '../../shared/domain';
import type { UserBook } from './user-book';

export const demoPassword = 'demo';

export const demoUsers: readonly { name: string; displayName: string; role: Role; passwordHash: string }[] = [
  { name: 'qe.floor', displayName: 'Floor terminal QE', role: 'quality-engineer', passwordHash: 'scrypt$32768$8$1$hJKquzuScGFG8CC0Qpob4g$E7UQtnh0QrfIOxC9NWPDRZ_VIpNQqyr0OYw9feOAM9Q' },
  { name: 'qe.maria', displayName: 'Maria Keller', role: 'quality-engineer', passwordHash: 'scrypt$32768$8$1$31qtvk1Iso9t9KfjgkKnDw$cop7nLAg3MFuzhl7kGtORWfX0YfSrPVxdZMd3P6AkYE' },
  { name: 'qe.anna', displayName: 'Anna Berg', role: 'quality-engineer', passwordHash: 'scrypt$32768$8$1$zMQfFFC87CxTr22NeyLMIg$TBQdc6JPMQWgDbFS0jh1uqNs7icrx0COT1xhVWEGFq4' },
  { name: 'qe.jonas', displayName: 'Jonas Weber', role: 'quality-engineer', passwordHash: 'scrypt$32768$8$1$jrM4TCqebG9jkEs6ZB7NUA$DPJxKGTybmO3g_gnc2LK15EZmH1SY5ZI72rb5AnYP7s' },
  { name: 'pl.omar', displayName: 'Omar Haddad', role: 'planner', passwordHash: 'scrypt$32768$8$1$qj5z7Je8YBbaA97_qqf7hg$wx7n4SPMutgxCalHrUu-uaGvVrT1aF9v8glCR2WODYs' },
  { name: 'pl.rosa', displayName: 'Rosa Lima', role: 'planner', passwordHash: 'scrypt$32768$8$1$8wyc0LMWAnWbjE8EDtQg1g$9d9AUGyyDhX1VoN1i4ZrJj1EAe2YdpyNgPUm28QY5xc' },
  { name: 'pl.anna', displayName: 'Anna Novak', role: 'planner', passwordHash: 'scrypt$32768$8$1$KvT0pQjAZ8-u5YEKf1piJg$tlctDxhnT_kYMI4R0_DnDp_oHj6NrqTJEXp2Sl5yZyQ' },
  { name: 'sv.ines', displayName: 'Ines Duarte', role: 'supervisor', passwordHash: 'scrypt$32768$8$1$N-82ILZWRJhO4_r_VpKKwA$hFs4PLy1wlF2Z9s0XsPcsm0H0u4rfnICqo292IBNn14' },
  { name: 'sv.tom', displayName: 'Tom Becker', role: 'supervisor', passwordHash: 'scrypt$32768$8$1$wZQC6PcTdXpg7skiXXfICw$UL5AlVkc99o_Fp-Ao11k6_D3-AeLUVA-sQunvhJwAik' },
  { name: 'op.lena', displayName: 'Lena Fischer', role: 'operator', passwordHash: 'scrypt$32768$8$1$pAvpct3WBsksmSvbTsTBzw$KwQ1Ch1bsZSoPOP4tzVkrdLjFhwegW3iQQz_SL85DAM' },
];

/** Seeds the demo users with their role at every plant, unless the gateway has users already. */
export function seedDemoUsers(users: UserBook, plants: readonly string[], at: string): number {
  if (users.list().length > 0 || plants.length === 0) return 0;
  for (const user of demoUsers) {
    users.add({ name: user.name, displayName: user.displayName, passwordHash: user.passwordHash, roles: Object.fromEntries(plants.map((plant) => [plant, [user.role]])) }, at);
  }
  return demoUsers.length;
}
