// Who a command is by, decided by the gateway from the session token the command carries, judged at the
// time it was decided; follow-ups by the person's command they follow from; the workstation alone only
// for automatic commands. Real gateway, real identity, real tokens.
import { afterEach, describe, expect, it } from 'vitest';
import type { CanonicalCommand } from '../../shared/commands';
import { isAuthorityRefusal } from '../../shared/auth/authority-refusal';
import { authorityOf, authorize, type AuthorityLookups, type Authorized } from '../../simulator/identity/command-authority';
import type { PlantLookups } from '../../simulator/identity/command-plants';
import { demoPassword } from '../../simulator/identity/demo-users';
import { closeAll, startTestGateway } from './harness';

afterEach(closeAll);

const decide = (issuedBy: string, issuedAt: string, session?: string) =>
  ({ commandId: 'c-1', type: 'approval.decide', issuedBy, issuedAt, payload: { approvalId: 'AP-1', decision: 'approve', reason: 'ok' }, ...(session ? { session } : {}) }) as CanonicalCommand & { session?: string };

/** A gateway that knows no lot, PO line, order or approval: roles count at any plant. */
const nowhere: PlantLookups = { lotPlant: () => undefined, poLinePlant: () => undefined, productionOrderPlant: () => undefined, approvalRequest: () => undefined };

/** Every refusal of who sent a command reads as such on the workstation: its first field says so. */
function refusedForAuthority(authorized: Authorized): string {
  if (authorized.ok) throw new Error(`expected a refusal, got ${authorized.issuedBy}`);
  expect(isAuthorityRefusal(authorized.reason), authorized.reason).toBe(true);
  return authorized.reason;
}

describe('command authority at the gateway', () => {
  it('takes the issuer from the token, refuses a role that may not send the command, and a token expired or forged', async () => {
    let now = new Date('2026-12-07T06:00:00.000Z');
    const gateway = await startTestGateway({ clock: () => now });
    const { identity } = gateway;
    const supervisor = await identity.signIn({ user: 'sv.ines', password: demoPassword });
    const planner = await identity.signIn({ user: 'pl.omar', password: demoPassword });
    if (!supervisor.ok || !planner.ok) throw new Error('demo sign-in failed');
    const lookups: AuthorityLookups = { ...nowhere, command: () => undefined, rolesOf: (user) => identity.users.get(user)?.roles };

    // The command claims to be by someone else: the token decides.
    const bySupervisor = decide('pl.omar', now.toISOString(), supervisor.token);
    expect(authorize(bySupervisor, await authorityOf(bySupervisor, identity, now), lookups)).toEqual({ ok: true, issuedBy: 'sv.ines' });
    const byPlanner = decide('sv.ines', now.toISOString(), planner.token);
    expect(refusedForAuthority(authorize(byPlanner, await authorityOf(byPlanner, identity, now), lookups))).toBe('role: pl.omar (planner) may not send approval.decide');
    const forged = decide('sv.ines', now.toISOString(), `${supervisor.token.slice(0, -6)}AAAAAA`);
    expect(refusedForAuthority(authorize(forged, await authorityOf(forged, identity, now), lookups))).toContain('signature');

    // Decided offline within the shift, sent after it: valid when decided. Decided after it: refused.
    now = new Date('2026-12-07T19:00:00.000Z');
    const offline = decide('sv.ines', '2026-12-07T17:59:00.000Z', supervisor.token);
    expect(authorize(offline, await authorityOf(offline, identity, now), lookups)).toEqual({ ok: true, issuedBy: 'sv.ines' });
    const late = decide('sv.ines', '2026-12-07T18:01:00.000Z', supervisor.token);
    expect(refusedForAuthority(authorize(late, await authorityOf(late, identity, now), lookups))).toContain('sign in again');
    const ahead = decide('sv.ines', '2026-12-07T19:30:00.000Z', supervisor.token);
    expect(refusedForAuthority(authorize(ahead, await authorityOf(ahead, identity, now), lookups))).toMatch(/^issuedAt: .* ahead of the gateway's clock/);
    // A supervisor disabled since is refused even for what they decided before.
    identity.users.disable('sv.ines', now.toISOString());
    expect(refusedForAuthority(authorize(offline, await authorityOf(offline, identity, now), lookups))).toContain('disabled');
    // A stale decision names the lot's version, not who sent it.
    expect(isAuthorityRefusal('stale: lot L-1 is at version 4, the decision saw version 3')).toBe(false);
  });

  it('lets a workstation alone block a lot but not release one, and refuses a person’s command without a token', async () => {
    const gateway = await startTestGateway();
    const lookups: AuthorityLookups = { ...nowhere, command: () => undefined, rolesOf: () => undefined };
    const setStatus = (stockType: string, issuedBy = 'system') => ({ commandId: 'c-2', type: 'lot.setStatus', issuedBy, issuedAt: new Date().toISOString(), payload: { lotId: 'L-1', stockType, reason: 'r' } }) as CanonicalCommand;
    const noToken = await authorityOf(setStatus('blocked'), gateway.identity, new Date());
    expect(authorize(setStatus('blocked'), noToken, lookups)).toEqual({ ok: true, issuedBy: 'system' });
    expect(authorize(setStatus('unrestricted'), noToken, lookups)).toMatchObject({ ok: false, reason: expect.stringMatching(/^payload.stockType: a workstation on its own may block a lot/) });
    expect(refusedForAuthority(authorize(setStatus('unrestricted', 'qe.maria'), noToken, lookups))).toContain('needs the session token of the person who decided it');
    expect(authorize(decide('sv.invented', new Date().toISOString()), noToken, lookups)).toMatchObject({ ok: false, reason: expect.stringMatching(/^session: approval.decide by sv.invented needs/) });
  });

  it('takes a follow-up’s issuer from the accepted command it follows, while that person may still send it', async () => {
    const gateway = await startTestGateway();
    const roles = new Map([['pl.omar', { P1: ['planner' as const] }]]);
    const lookups: AuthorityLookups = {
      ...nowhere,
      command: (id) => (id === 'req-1' ? { issuedBy: 'pl.omar', status: 'accepted' } : id === 'req-2' ? { issuedBy: 'pl.omar', status: 'rejected' } : undefined),
      rolesOf: (user) => roles.get(user),
    };
    const apply = (onBehalfOf: string) => ({ commandId: 'c-3', type: 'substitution.apply', issuedBy: 'anyone', issuedAt: new Date().toISOString(), payload: {}, onBehalfOf }) as unknown as CanonicalCommand & { onBehalfOf: string };
    const alone = await authorityOf(apply('req-1'), gateway.identity, new Date());
    expect(authorize(apply('req-1'), alone, lookups)).toEqual({ ok: true, issuedBy: 'pl.omar' });
    expect(refusedForAuthority(authorize(apply('req-2'), alone, lookups))).toBe('onBehalfOf: req-2 is no command this gateway accepted');
    roles.delete('pl.omar');
    expect(authorize(apply('req-1'), alone, lookups)).toMatchObject({ ok: false, reason: expect.stringContaining('may no longer act here') });
  });

  it('counts a role only at the plants the command acts at: the lot’s, the approval’s, either end of a transfer', async () => {
    const now = new Date('2026-12-07T06:00:00.000Z');
    const gateway = await startTestGateway({ clock: () => now });
    const { identity } = gateway;
    await identity.addUser({ name: 'qe.two', password: demoPassword, roles: { P1: ['operator'], P2: ['quality-engineer', 'supervisor'] } });
    await identity.addUser({ name: 'pl.two', password: demoPassword, roles: { P2: ['planner'] } });
    const signedIn = async (user: string) => {
      const answer = await identity.signIn({ user, password: demoPassword });
      if (!answer.ok) throw new Error(answer.reason);
      return answer.token;
    };
    const lots: Record<string, string> = { 'L-P1': 'P1', 'L-P2': 'P2' };
    const lookups: AuthorityLookups = {
      ...nowhere,
      lotPlant: (lotId) => lots[lotId],
      approvalRequest: (approvalId) => (approvalId === 'AP-P1' ? { approvalId, kind: 'use-as-is', subject: 'Use L-P1 as is', deviation: { lotId: 'L-P1', plant: 'P1', itemId: 'RM-1', quantity: 5, unit: 'EA', deviationNumber: 'DEV-1', reason: 'fits' } } as never : undefined),
      command: () => undefined,
      rolesOf: (user) => identity.users.get(user)?.roles,
    };
    const token = await signedIn('qe.two');
    const decideLot = (lotId: string) => ({ commandId: `d-${lotId}`, type: 'lot.disposition', issuedBy: 'qe.two', issuedAt: now.toISOString(), session: token, payload: { lotId, valuation: 'reject', code: 'R1', postings: [{ decision: 'scrap', quantity: 5 }], reason: 'cracked' } }) as unknown as CanonicalCommand;
    const judge = async (command: CanonicalCommand) => authorize(command, await authorityOf(command, identity, now), lookups);
    expect(await judge(decideLot('L-P2'))).toEqual({ ok: true, issuedBy: 'qe.two' });
    expect(refusedForAuthority(await judge(decideLot('L-P1')))).toBe('role: qe.two (operator at P1; quality-engineer at P2; supervisor at P2) may not send lot.disposition at P1');
    // A supervisor at P2 decides no approval of P1's lot.
    expect(refusedForAuthority(await judge({ ...decide('qe.two', now.toISOString(), token), payload: { approvalId: 'AP-P1', decision: 'approve', reason: 'ok' } } as CanonicalCommand))).toMatch(/may not send approval.decide at P1$/);
    // A planner at either end of a stock transport order may ask for it.
    const planner = await signedIn('pl.two');
    const transfer = (fromPlant: string, toPlant: string) => ({ commandId: `t-${fromPlant}-${toPlant}`, type: 'transfer.request', issuedBy: 'pl.two', issuedAt: now.toISOString(), session: planner, payload: { transferId: 'T-1', itemId: 'RM-1', fromPlant, toPlant, quantity: 5, shipDate: '2026-12-08', arrivalDate: '2026-12-09', reason: 'short' } }) as unknown as CanonicalCommand;
    expect(await judge(transfer('P1', 'P2'))).toEqual({ ok: true, issuedBy: 'pl.two' });
    expect(refusedForAuthority(await judge(transfer('P1', 'P3')))).toBe('role: pl.two (planner at P2) may not send transfer.request at P1 or P3');
  });
});
