// What a planner reads on the response cards: each response's projected effect beside the exception's
// current impact, with the difference, and why a response cannot be applied now.
import { describe, expect, it } from 'vitest';
import {
  cannotRespondReason,
  compareEffect,
  compareEffects,
  currentEffect,
  describeApproval,
  describeCommands,
  describeComparison,
  describeRefusedAnswer,
} from '../../renderer/views/order-impact/response-format';
import type { ProjectedEffect } from '../../shared/api/impact';

const current: ProjectedEffect = { ordersHit: 14, revenueAtRisk: 887041, worstDaysLate: 45, unfulfilled: 2 };

describe('a response against the current impact', () => {
  it('shows now → after with the difference, lower being better', () => {
    const revenue = compareEffect('revenueAtRisk', current, { ...current, revenueAtRisk: 120300 });
    expect(revenue).toEqual({ measure: 'revenueAtRisk', label: 'Revenue at risk', current: '887,041', projected: '120,300', change: '−766,741', trend: 'better' });
    expect(describeComparison(revenue)).toBe('Revenue at risk 887,041 → 120,300 (−766,741)');
    expect(describeComparison(compareEffect('worstDaysLate', current, { ...current, worstDaysLate: 3 }))).toBe('Worst lateness +45 d → +3 d (−42 d)');
    expect(describeComparison(compareEffect('ordersHit', current, { ...current, ordersHit: 16 }))).toBe('Orders hit 14 → 16 (+2)');
    expect(compareEffect('ordersHit', current, { ...current, ordersHit: 16 }).trend).toBe('worse');
  });

  it('says "no change" for an equal figure, money compared in whole units as shown', () => {
    expect(compareEffect('unfulfilled', current, current)).toMatchObject({ change: 'no change', trend: 'same' });
    expect(compareEffect('revenueAtRisk', { ...current, revenueAtRisk: 100.4 }, { ...current, revenueAtRisk: 99.6 })).toMatchObject({ change: 'no change', trend: 'same' });
    expect(describeComparison(compareEffect('unfulfilled', current, { ...current, unfulfilled: 0 }))).toBe('Unfulfilled 2 → 0 (−2)');
  });

  it('shows no difference when one side has no dated lateness', () => {
    const noneLate = compareEffect('worstDaysLate', current, { ...current, worstDaysLate: null });
    expect(noneLate).toMatchObject({ current: '+45 d', projected: '—', change: null, trend: 'unknown' });
    expect(describeComparison(noneLate)).toBe('Worst lateness +45 d → —');
    expect(compareEffect('worstDaysLate', { ...current, worstDaysLate: null }, { ...current, worstDaysLate: null })).toMatchObject({ change: 'no change', trend: 'same' });
    expect(compareEffect('worstDaysLate', current, { ...current, worstDaysLate: 0 }).projected).toBe('on time');
  });

  it('compares every measure in the cards’ order, from the exception row’s figures', () => {
    const row = { ...current, id: 'E1', status: 'open' as const };
    expect(currentEffect(row)).toEqual(current);
    expect(compareEffects(currentEffect(row), { ordersHit: 0, revenueAtRisk: 0, worstDaysLate: null, unfulfilled: 0 }).map(describeComparison)).toEqual([
      'Orders hit 14 → 0 (−14)',
      'Revenue at risk 887,041 → 0 (−887,041)',
      'Worst lateness +45 d → —',
      'Unfulfilled 2 → 0 (−2)',
    ]);
  });
});

describe('applying a response', () => {
  it('says what goes upstream', () => {
    expect(describeCommands({ commandCount: 0, needsApproval: false })).toBe('Sends nothing upstream');
    expect(describeCommands({ commandCount: 1, needsApproval: false })).toBe('Sends 1 command upstream');
    expect(describeCommands({ commandCount: 3, needsApproval: true })).toBe('3 commands upstream once a supervisor approves');
    expect(describeCommands({ commandCount: 0, needsApproval: true })).toBe('A supervisor approves it first');
  });

  it('lets a planner or a supervisor apply one to an open exception, and says why not otherwise', () => {
    expect(cannotRespondReason('open', 'planner')).toBeNull();
    expect(cannotRespondReason('open', 'supervisor')).toBeNull();
    expect(cannotRespondReason('open', 'quality-engineer')).toBe('Only a planner or a supervisor can respond to an exception; you are signed in as a quality engineer.');
    expect(cannotRespondReason('awaiting-approval', 'planner')).toMatch(/waiting for a supervisor’s approval/);
    expect(cannotRespondReason('resolved', 'planner')).toMatch(/applied/);
    expect(cannotRespondReason('open', null)).toBe('Signing in…');
  });

  it('tells where an approval request stands', () => {
    const request = { requestedBy: 'pl.omar', decidedBy: null, decisionReason: null };
    expect(describeApproval({ ...request, status: 'pending' })).toBe('Awaiting approval — requested by pl.omar');
    expect(describeApproval({ ...request, status: 'approved', decidedBy: 'sv.lena' })).toBe('Approved by sv.lena');
    expect(describeApproval({ ...request, status: 'approved', decidedBy: 'sv.lena', refusedUpstream: 'MO-1 no longer uses RM-1' })).toBe(
      'Approved by sv.lena, but the ERP refused the substitution: MO-1 no longer uses RM-1',
    );
    expect(describeApproval({ ...request, status: 'rejected', decidedBy: 'sv.lena', decisionReason: 'NBR seal not released for P2' })).toBe(
      'Rejected by sv.lena: NBR seal not released for P2',
    );
  });
});

describe('a refused answer', () => {
  const at = (iso: string) => iso.slice(0, 16);
  const refused = { label: 'Leave the orders as they are', reason: 'payload.exceptionId: EX-LS-3 was answered already by pl.rosa at 2026-12-07T01:01:52.965Z ("Reschedule to the restart")' };

  it('names the planner whose answer came first, and when', () => {
    const choice = { responseId: 'reschedule' as const, by: 'pl.rosa', at: '2026-12-07T01:01:52.965Z', note: null };
    expect(describeRefusedAnswer(refused, choice, 'pl.omar', at)).toBe('Your answer “Leave the orders as they are” was not applied: pl.rosa had answered this exception first, on 2026-12-07T01:01.');
  });

  it('gives the gateway’s reason when no other answer stands', () => {
    expect(describeRefusedAnswer(refused, null, 'pl.omar', at)).toBe(`Your answer “Leave the orders as they are” was not applied: the gateway refused it: ${refused.reason}.`);
  });
});
