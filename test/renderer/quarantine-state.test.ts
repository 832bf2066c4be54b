// The quarantine slice's reducers, the grid's transactions and triage order, and the disposition form's checks.
import { describe, expect, it } from 'vitest';
import { parseFieldErrors } from '../../renderer/api/api-call-error';
import { diffRowsById, isEmptyDelta } from '../../renderer/grid/row-delta';
import { rowsFromList, withDecisionQueued, withRowChanged } from '../../renderer/state/quarantine-slice';
import { toFieldErrors, validateDisposition } from '../../renderer/views/quarantine/disposition-fields';
import { compareForTriage, countByTaskState, formatDecisionCell } from '../../renderer/views/quarantine/quarantine-format';
import { describeZodError } from '../../shared/describe-error';
import { dispositionArgsSchema } from '../../shared/api/quarantine';
import { quarantineRow } from '../helpers/quarantine-row';

const lot = quarantineRow;

describe('quarantine slice reducers', () => {
  it('keys rows by lot and replaces exactly the changed row', () => {
    const before = rowsFromList([lot('L-1'), lot('L-2')]);
    const changed = lot('L-2', { taskState: 'accepted' });
    const after = withRowChanged(before, changed);
    expect(after['L-1']).toBe(before['L-1']);
    expect(after['L-2']).toBe(changed);
    expect(before['L-2']?.taskState).toBe('awaiting-decision');
    expect(Object.keys(withRowChanged(after, lot('L-3')))).toEqual(['L-1', 'L-2', 'L-3']);
  });

  it('shows a queued decision as pending upstream at once', () => {
    const rows = rowsFromList([lot('L-1')]);
    const after = withDecisionQueued(rows, 'L-1', { taskId: 't-L-1', decision: 'use-as-is', reason: 'fits', deviationNumber: 'DEV-7' }, 'qe.anna');
    expect(after['L-1']).toMatchObject({ taskState: 'pending-upstream', decision: 'use-as-is', deviationNumber: 'DEV-7', decidedBy: 'qe.anna' });
  });

  it('lets a state the core already pushed win over the optimistic one', () => {
    const rows = rowsFromList([lot('L-1', { taskState: 'accepted', decision: 'scrap' })]);
    expect(withDecisionQueued(rows, 'L-1', { taskId: 't-L-1', decision: 'scrap', reason: 'cracked' }, 'qe.anna')).toBe(rows);
    // A decision for an older task of the lot changes nothing either.
    const fresh = rowsFromList([lot('L-1', { taskId: 't-new' })]);
    expect(withDecisionQueued(fresh, 'L-1', { taskId: 't-old', decision: 'scrap', reason: 'cracked' }, 'qe.anna')).toBe(fresh);
  });

  it('lets a conflict be decided again, clearing its reason', () => {
    const rows = rowsFromList([lot('L-1', { taskState: 'conflict', conflictReason: 'lot version 3 is newer' })]);
    expect(withDecisionQueued(rows, 'L-1', { taskId: 't-L-1', decision: 'rework', reason: 'rework it' }, 'qe.anna')['L-1']).toMatchObject({
      taskState: 'pending-upstream',
      conflictReason: null,
    });
  });
});

describe('grid transactions', () => {
  it('turns two snapshots into add, update and remove by identity', () => {
    const before = rowsFromList([lot('L-1'), lot('L-2'), lot('L-3')]);
    let after = withRowChanged(before, lot('L-2', { taskState: 'pending-upstream' }));
    after = withRowChanged(after, lot('L-4'));
    const { ['L-3']: _removed, ...withoutThree } = after;
    const delta = diffRowsById(before, withoutThree);
    expect(delta.add.map((r) => r.lotId)).toEqual(['L-4']);
    expect(delta.update.map((r) => r.lotId)).toEqual(['L-2']);
    expect(delta.remove.map((r) => r.lotId)).toEqual(['L-3']);
    expect(isEmptyDelta(diffRowsById(after, after))).toBe(true);
    expect(diffRowsById({}, before).add).toHaveLength(3);
  });
});

describe('triage order', () => {
  it('puts lots awaiting a decision first, then conflicts, pending, accepted; oldest hold first', () => {
    const rows = [
      lot('accepted', { taskState: 'accepted' }),
      lot('pending', { taskState: 'pending-upstream' }),
      lot('new', { holdSince: '2026-11-22T08:00:00.000Z' }),
      lot('conflict', { taskState: 'conflict' }),
      lot('old', { holdSince: '2026-11-19T08:00:00.000Z' }),
    ];
    expect([...rows].sort(compareForTriage).map((r) => r.lotId)).toEqual(['old', 'new', 'conflict', 'pending', 'accepted']);
    expect(countByTaskState(rows)).toEqual({ total: 5, awaiting: 2, conflicts: 1, pending: 1, accepted: 1 });
  });

  it('shows the decision with its deviation', () => {
    expect(formatDecisionCell({ decision: null, deviationNumber: null })).toBe('—');
    expect(formatDecisionCell({ decision: 'use-as-is', deviationNumber: 'DEV-7' })).toBe('Use as-is · DEV-7');
    expect(formatDecisionCell({ decision: 'return-to-vendor', deviationNumber: null })).toBe('Return to vendor');
  });
});

describe('disposition form checks', () => {
  const input = { taskId: 't-1', decision: 'scrap' as const, reason: 'Cracked housings', deviationNumber: '' };

  it('asks for a decision first', () => {
    expect(validateDisposition({ ...input, decision: null })).toEqual({ errors: { decision: 'Choose a decision.' } });
  });

  it('names the reason and the deviation number with the shared schema', () => {
    expect(validateDisposition({ ...input, reason: ' x ' })).toEqual({ errors: { reason: 'Give a reason of at least 3 characters.' } });
    expect(validateDisposition({ ...input, decision: 'use-as-is', deviationNumber: '   ' })).toEqual({
      errors: { deviationNumber: 'Use-as-is needs a deviation number.' },
    });
  });

  it('sends a deviation number only with use-as-is, trimmed', () => {
    expect(validateDisposition({ ...input, deviationNumber: 'DEV-1' })).toEqual({ args: { taskId: 't-1', decision: 'scrap', reason: 'Cracked housings' } });
    expect(validateDisposition({ ...input, decision: 'use-as-is', deviationNumber: ' DEV-1 ' })).toEqual({
      args: { taskId: 't-1', decision: 'use-as-is', reason: 'Cracked housings', deviationNumber: 'DEV-1' },
    });
  });

  it("maps the host's invalid-args message back onto the form's fields", () => {
    const parsed = dispositionArgsSchema.safeParse({ taskId: '', decision: 'use-as-is', reason: 'ok' });
    expect(parsed.success).toBe(false);
    const message = parsed.success ? '' : describeZodError(parsed.error);
    const errors = toFieldErrors(parseFieldErrors(message));
    expect(errors.reason).toBe('Give a reason of at least 3 characters.');
    expect(errors.form).toMatch(/^TaskId: /);
    expect(parseFieldErrors('something broke')).toEqual({ '(message)': 'something broke' });
  });
});
