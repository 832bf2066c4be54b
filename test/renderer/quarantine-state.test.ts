// The quarantine slice's reducers, the grid's transactions, triage order and wording, and the
// disposition form's checks.
import { landingView } from '../../renderer/app/views';
import { cannotDecideReason } from '../../renderer/views/quarantine/quarantine-format';
import { describe, expect, it } from 'vitest';
import { ApiCallError, parseFieldErrors } from '../../renderer/api/api-call-error';
import { diffRowsById, isEmptyDelta } from '../../renderer/grid/row-delta';
import {
  containmentToLoad,
  initialQuarantineData,
  rowsFromList,
  selectSelectedContainment,
  withContainmentFailed,
  withContainmentLoaded,
  withContainmentRequested,
  withDecisionQueued,
  withRowChanged,
  withSelection,
  withReopened,
  withWithdrawQueued,
} from '../../renderer/state/quarantine-slice';
import { deviationNumberProblem, hostErrors, toFieldErrors, validateDisposition } from '../../renderer/views/quarantine/disposition-fields';
import { compareForTriage, countByTaskState, describePostings, formatDecisionCell, refusedBy, summarizePostings, taskStateText } from '../../renderer/views/quarantine/quarantine-format';
import { dispositionArgsSchema, type ContainmentReport } from '../../shared/api/quarantine';
import { describeZodError } from '../../shared/describe-error';
import { quarantineRow } from '../helpers/quarantine-row';

const lot = quarantineRow;

describe('quarantine slice reducers', () => {
  it('keys rows by lot and replaces exactly the changed row', () => {
    const before = rowsFromList([lot('L-1'), lot('L-2')]);
    const changed = lot('L-2', { taskState: 'decided' });
    const after = withRowChanged(before, changed);
    expect(after['L-1']).toBe(before['L-1']);
    expect(after['L-2']).toBe(changed);
    expect(before['L-2']?.taskState).toBe('awaiting-decision');
    expect(Object.keys(withRowChanged(after, lot('L-3')))).toEqual(['L-1', 'L-2', 'L-3']);
  });

  it('shows a queued decision as pending upstream at once', () => {
    const rows = rowsFromList([lot('L-1', { quantity: 180 })]);
    const after = withDecisionQueued(rows, 'L-1', { taskId: 't-L-1', postings: [{ decision: 'scrap', quantity: 180 }], reason: 'cracked' }, 'qe.anna');
    expect(after['L-1']).toMatchObject({ taskState: 'pending-upstream', valuation: 'reject', decisionCode: 'R1', containmentLotIds: [] });
  });

  it('shows a queued use-as-is as awaiting the supervisor, with its derived valuation and code', () => {
    const rows = rowsFromList([lot('L-1', { quantity: 180 })]);
    const after = withDecisionQueued(
      rows,
      'L-1',
      { taskId: 't-L-1', postings: [{ decision: 'use-as-is', quantity: 100 }, { decision: 'scrap', quantity: 80 }], reason: 'fits', deviationNumber: 'DEV-7', containmentLotIds: ['L-9'] },
      'qe.anna',
    );
    expect(after['L-1']).toMatchObject({
      taskState: 'awaiting-approval',
      postings: [{ decision: 'use-as-is', quantity: 100 }, { decision: 'scrap', quantity: 80 }],
      valuation: 'reject',
      decisionCode: 'R9',
      deviationNumber: 'DEV-7',
      decidedBy: 'qe.anna',
      containmentLotIds: ['L-9'],
    });
  });

  it('lets a state the core already pushed win over the optimistic one', () => {
    const scrapAll = { taskId: 't-L-1', postings: [{ decision: 'scrap' as const, quantity: 100 }], reason: 'cracked' };
    const rows = rowsFromList([lot('L-1', { taskState: 'decided', postings: scrapAll.postings })]);
    expect(withDecisionQueued(rows, 'L-1', scrapAll, 'qe.anna')).toBe(rows);
    // A decision for an older task of the lot changes nothing either.
    const fresh = rowsFromList([lot('L-1', { taskId: 't-new' })]);
    expect(withDecisionQueued(fresh, 'L-1', { ...scrapAll, taskId: 't-old' }, 'qe.anna')).toBe(fresh);
  });

  it('lets a conflict be decided again, clearing it', () => {
    const conflict = { reason: 'lot version 3 is newer', kind: 'stale' as const, sawVersion: 1, sawQuantity: 300, changes: [] };
    const rows = rowsFromList([lot('L-1', { taskState: 'conflict', conflict })]);
    expect(withDecisionQueued(rows, 'L-1', { taskId: 't-L-1', postings: [{ decision: 'rework', quantity: 100 }], reason: 'rework it' }, 'qe.anna')['L-1']).toMatchObject({
      taskState: 'pending-upstream',
      conflict: null,
      decisionCode: 'R3',
    });
  });

  it('closes a withdrawn conflict at once, and only a conflict of the same task', () => {
    const rows = rowsFromList([lot('L-1', { taskState: 'conflict' }), lot('L-2')]);
    expect(withWithdrawQueued(rows, 'L-1', 't-L-1')['L-1']?.taskState).toBe('withdrawn');
    expect(withWithdrawQueued(rows, 'L-1', 't-other')).toBe(rows);
    expect(withWithdrawQueued(rows, 'L-2', 't-L-2')).toBe(rows);
  });

  it('opens a withdrawn lot again at once, and only a withdrawn one of the same task', () => {
    const rows = rowsFromList([lot('L-1', { taskState: 'withdrawn' }), lot('L-2', { taskState: 'decided' })]);
    expect(withReopened(rows, 'L-1', 't-L-1')['L-1']?.taskState).toBe('awaiting-decision');
    expect(withReopened(rows, 'L-1', 't-other')).toBe(rows);
    expect(withReopened(rows, 'L-2', 't-L-2')).toBe(rows);
  });
});

describe('containment of the selected lot', () => {
  const report: ContainmentReport = { lotId: 'L-1', unit: 'KG', consumedBy: [{ productionOrderId: 'PO-1', quantity: 50, unit: 'KG' }], lots: [] };
  const data = { ...initialQuarantineData, rowsById: rowsFromList([lot('L-1', { consumedQuantity: 50 }), lot('L-2')]) };

  it('loads for a selected lot production consumed from, again when its row changes, never for an unconsumed one', () => {
    const selected = withSelection(data, 'L-1');
    expect(containmentToLoad(data, selected)).toBe('L-1');
    expect(containmentToLoad(selected, selected)).toBeNull();
    const pushed = { ...selected, rowsById: withRowChanged(selected.rowsById, lot('L-1', { consumedQuantity: 80 })) };
    expect(containmentToLoad(selected, pushed)).toBe('L-1');
    expect(containmentToLoad(data, withSelection(data, 'L-2'))).toBeNull();
  });

  it('keeps the report while it reloads or fails, and drops it for another lot', () => {
    let state = withContainmentLoaded(withContainmentRequested(withSelection(data, 'L-1'), 'L-1'), report);
    expect(selectSelectedContainment(state)).toEqual({ lotId: 'L-1', report, loading: false, error: null });
    state = withContainmentFailed(withContainmentRequested(state, 'L-1'), 'L-1', 'offline');
    expect(selectSelectedContainment(state)).toEqual({ lotId: 'L-1', report, loading: false, error: 'offline' });
    // An answer for a lot no longer selected is dropped.
    const other = withSelection(state, 'L-2');
    expect(selectSelectedContainment(other)).toBeNull();
    expect(withContainmentLoaded(other, report)).toBe(other);
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

describe('triage order and wording', () => {
  it('puts lots awaiting a decision first, then conflicts, awaiting approval, pending, decided, withdrawn; oldest hold first', () => {
    const rows = [
      lot('withdrawn', { taskState: 'withdrawn' }),
      lot('approval', { taskState: 'awaiting-approval' }),
      lot('decided', { taskState: 'decided' }),
      lot('pending', { taskState: 'pending-upstream' }),
      lot('new', { holdSince: '2026-11-22T08:00:00.000Z' }),
      lot('conflict', { taskState: 'conflict' }),
      lot('old', { holdSince: '2026-11-19T08:00:00.000Z' }),
    ];
    expect([...rows].sort(compareForTriage).map((r) => r.lotId)).toEqual(['old', 'new', 'conflict', 'approval', 'pending', 'decided', 'withdrawn']);
    expect(countByTaskState(rows)).toEqual({ total: 7, awaiting: 2, conflicts: 1, awaitingApproval: 1, pending: 1, decided: 1, withdrawn: 1 });
  });

  it('names who refused a decision: a supervisor who rejected the use-as-is, else the ERP', () => {
    expect(refusedBy('sup.lee rejected the use-as-is: no deviation on file')).toBe('sup.lee');
    expect(refusedBy('stale: lot L-1 is at version 4, the decision saw version 3')).toBe('The ERP');
    expect(refusedBy('session token: user qe.maria was disabled 2026-12-07T10:00:00.000Z', 'sign-in')).toBe('The gateway');
  });

  it('shows the usage decision as its code and a postings summary, with the deviation', () => {
    expect(formatDecisionCell({ postings: null, decisionCode: null, deviationNumber: null })).toBe('—');
    expect(formatDecisionCell({ postings: [{ decision: 'scrap', quantity: 100 }, { decision: 'return-to-vendor', quantity: 80 }], decisionCode: 'R9', deviationNumber: null })).toBe('R9 · Scrap 100 · RTV 80');
    expect(formatDecisionCell({ postings: [{ decision: 'use-as-is', quantity: 1200 }], decisionCode: 'A2', deviationNumber: 'DEV-7' })).toBe('A2 · Use as-is 1,200 · DEV-7');
    expect(formatDecisionCell({ postings: [{ decision: 'use-as-is', quantity: 1200 }], decisionCode: 'A2', deviationNumber: 'DEV-7', taskState: 'conflict' })).toBe('Refused · A2 · Use as-is 1,200 · DEV-7');
    expect(summarizePostings([{ decision: 'keep-blocked', quantity: 2.5 }])).toBe('Blocked 2.5');
  });

  it('names a whole-lot decision by its label and a split one with quantities', () => {
    expect(describePostings([{ decision: 'release', quantity: 300 }], 'KG')).toBe('Release to unrestricted');
    expect(describePostings([{ decision: 'scrap', quantity: 120 }, { decision: 'return-to-vendor', quantity: 180 }], 'KG')).toBe('Scrap 120 KG · Return to vendor 180 KG');
  });
});

describe('disposition form checks', () => {
  const input = {
    taskId: 't-1',
    lot: { lotId: 'L-1', quantity: 180, unit: 'KG', decimals: 3 },
    postings: [{ decision: 'scrap' as const, quantity: 180 }],
    reason: 'Cracked housings',
    deviationNumber: '',
    containmentLotIds: [],
    deviationNumberPattern: '^DEV-\\d{1,8}$',
  };

  it('checks that the postings add up to the lot, as the core does', () => {
    expect(validateDisposition({ ...input, postings: [{ decision: 'scrap', quantity: 150 }] })).toEqual({
      errors: { postings: 'The quantities add up to 150 KG, but lot L-1 holds 180 KG.' },
    });
    expect(validateDisposition({ ...input, postings: [] })).toEqual({ errors: { postings: 'Post the lot somewhere.' } });
  });

  it('names the reason and the deviation number with the shared schema', () => {
    expect(validateDisposition({ ...input, reason: ' x ' })).toEqual({ errors: { reason: 'Give a reason of at least 3 characters.' } });
    expect(validateDisposition({ ...input, postings: [{ decision: 'use-as-is', quantity: 100 }, { decision: 'scrap', quantity: 80 }], deviationNumber: '   ' })).toEqual({
      errors: { deviationNumber: 'Use-as-is needs a deviation number.' },
    });
  });

  it('refuses a deviation number that is not one, by the pattern from settings', () => {
    expect(validateDisposition({ ...input, postings: [{ decision: 'use-as-is', quantity: 180 }], deviationNumber: 'x' })).toEqual({
      errors: { deviationNumber: '"x" is not a deviation number; it must be DEV- and up to 8 digits, e.g. DEV-0042.' },
    });
    expect(validateDisposition({ ...input, postings: [{ decision: 'use-as-is', quantity: 180 }], deviationNumber: 'QN-7', deviationNumberPattern: '^QN-\\d+$' })).toMatchObject({ args: { deviationNumber: 'QN-7' } });
    // The same words as soon as the engineer leaves the field; nothing for a number that fits, or none yet.
    expect(deviationNumberProblem('DEV42', '^DEV-\\d{1,8}$')).toBe('"DEV42" is not a deviation number; it must be DEV- and up to 8 digits, e.g. DEV-0042.');
    expect(deviationNumberProblem('DEV-42', '^DEV-\\d{1,8}$')).toBeNull();
    expect(deviationNumberProblem('  ', '^DEV-\\d{1,8}$')).toBeNull();
  });

  it('sends a deviation number only with use-as-is, trimmed, and the lots to block', () => {
    expect(validateDisposition({ ...input, deviationNumber: 'DEV-1', containmentLotIds: ['L-2'] })).toEqual({
      args: { taskId: 't-1', postings: [{ decision: 'scrap', quantity: 180 }], reason: 'Cracked housings', containmentLotIds: ['L-2'] },
    });
    expect(validateDisposition({ ...input, postings: [{ decision: 'use-as-is', quantity: 180 }], deviationNumber: ' DEV-1 ' })).toEqual({
      args: { taskId: 't-1', postings: [{ decision: 'use-as-is', quantity: 180 }], reason: 'Cracked housings', deviationNumber: 'DEV-1', containmentLotIds: [] },
    });
  });

  it("maps the host's invalid-args message back onto the form's fields", () => {
    const parsed = dispositionArgsSchema.safeParse({ taskId: '', postings: [{ decision: 'scrap', quantity: 0 }], reason: 'ok' });
    expect(parsed.success).toBe(false);
    const message = parsed.success ? '' : describeZodError(parsed.error);
    const errors = toFieldErrors(parseFieldErrors(message));
    expect(errors.reason).toBe('Give a reason of at least 3 characters.');
    expect(errors.postings).toBe('Must be more than 0.');
    expect(errors.form).toMatch(/^TaskId: /);
    expect(parseFieldErrors('something broke')).toEqual({ '(message)': 'something broke' });
  });

  it("puts the core's refusal of postings that do not add up beside the postings", () => {
    const refusal = new ApiCallError({ code: 'conflict', message: 'postings: the quantities add up to 150 KG, but lot L-1 holds 180 KG' });
    expect(hostErrors(refusal)).toEqual({ postings: 'The quantities add up to 150 KG, but lot L-1 holds 180 KG.' });
    expect(hostErrors(new ApiCallError({ code: 'not-found', message: 'no task t-1' }))).toEqual({ form: 'no task t-1' });
    expect(hostErrors(new ApiCallError({ code: 'conflict', message: 'taskId: lot decision already made by qe.anna; it is waiting for upstream' }))).toEqual({
      form: 'Lot decision already made by qe.anna; it is waiting for upstream.',
    });
    expect(hostErrors(new ApiCallError({ code: 'invalid-args', message: 'reason: give a reason of at least 3 characters' }))).toEqual({
      reason: 'Give a reason of at least 3 characters.',
    });
  });
});

describe('who starts where and who decides', () => {
  it('lands each role on its own view', () => {
    expect(landingView('planner')).toBe('order-impact');
    expect(landingView('quality-engineer')).toBe('quarantine');
    expect(landingView('supervisor')).toBe('approvals');
    expect(landingView('operator')).toBe('monitor');
  });

  it('lets only a quality engineer post a usage decision, and tells the others why', () => {
    expect(cannotDecideReason('quality-engineer')).toBeNull();
    expect(cannotDecideReason('planner')).toBe('Only a quality engineer posts usage decisions; you are signed in as a planner. A supervisor approves a use-as-is in Approvals.');
    expect(cannotDecideReason('supervisor')).toMatch(/^Only a quality engineer posts usage decisions; you are signed in as a supervisor\./);
  });
});

describe('task state pill', () => {
  it('says a supervisor rejected the use-as-is rather than "conflict", and names who decided a decided lot', () => {
    expect(taskStateText('conflict', null, 'approval-rejected')).toBe('deviation rejected');
    expect(taskStateText('conflict', null, 'sign-in')).toBe('refused · sign-in');
    expect(taskStateText('conflict', null, 'role')).toBe('refused · role');
    expect(taskStateText('conflict', null, 'stale')).toBe('conflict');
    expect(taskStateText('decided', 'qe.maria', null)).toBe('decided · qe.maria');
    expect(taskStateText('decided', null, null)).toBe('decided');
  });
});
