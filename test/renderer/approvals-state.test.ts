// The approvals slice: loading the list, pushed changes as grid transactions, the optimistic decision,
// the nav badge's count and the triage order; the bridge's wiring of approvals.list and
// 'approvals.changed'; and the Approvals view's wording.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../renderer/api/client';
import { diffRowsById, isEmptyDelta } from '../../renderer/grid/row-delta';
import {
  compareApprovalsForTriage,
  initialApprovalsData,
  selectYoursToDecideCount,
  selectSelectedApproval,
  useApprovalsStore,
  withDecisionQueued,
  withRowChanged,
  withRowsLoaded,
} from '../../renderer/state/approvals-slice';
import { startBridge } from '../../renderer/state/bridge';
import { approvalColumns } from '../../renderer/views/approvals/approval-columns';
import {
  approvalHeading,
  countApprovals,
  describeApprovalState,
  describePendingDecision,
  deviationFacts,
  formatOrderCount,
  formatTransferRequest,
  projectedFacts,
  requestSourceLines,
  requestTermsLines,
  subjectDetail,
  substitutionFacts,
  transferFacts,
} from '../../renderer/views/approvals/approval-format';
import type { ApprovalRow, DeviationRequest, SubstitutionRequest } from '../../shared/api/approvals';
import { csvHeaderOf, csvOf } from '../helpers/grid-columns';
import type { ApiMethod, AppEvents, AppEventTopic } from '../../shared/api';
import { signedInState } from '../helpers/session-states';

const substitution: SubstitutionRequest = { productionOrderIds: ['MO-1', 'MO-2'], fromItemId: 'RM-001532', toItemId: 'RM-001533', plant: 'P2', reason: 'Supplier delay of PO-0003065/10' };

const deviation: DeviationRequest = {
  lotId: 'L-000123',
  inspectionLotId: 'IL-000045',
  itemId: 'RM-001309',
  plant: 'P1',
  quantity: 35,
  unit: 'KG',
  deviationNumber: 'DEV-12',
  defectCode: 'DIM-OOT',
  reason: 'Bore 0.02 mm over; within the customer’s drawing tolerance',
};

function approval(id: string, overrides: Partial<ApprovalRow> = {}): ApprovalRow {
  return {
    id,
    kind: 'substitution',
    subject: `Substitute RM-001533 for RM-001532 in 2 production orders (${id})`,
    status: 'pending',
    requestedBy: 'pl.omar',
    requestedAt: '2026-11-22T09:00:00.000Z',
    dueAt: '2026-11-22T13:00:00.000Z',
    escalatedAt: null,
    plant: 'P2',
    substitution,
    deviation: null,
    transfer: null,
    adjustment: null,
    fromItemDescription: 'Rod seal PU, 10 mm',
    toItemDescription: 'Rod seal NBR, 10 mm',
    exceptionId: 'E1',
    projected: { ordersHit: 3, revenueAtRisk: 120300, worstDaysLate: 4, unfulfilled: 0 },
    baseline: { ordersHit: 9, revenueAtRisk: 887041, worstDaysLate: 12, unfulfilled: 0 },
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    pendingDecision: null,
    refusedUpstream: null,
    canDecide: true,
    cannotDecideReason: null,
    ...overrides,
  };
}

/** A quality engineer's use-as-is of part of a failed lot, as the core lists it. */
const useAsIs = (id: string, overrides: Partial<ApprovalRow> = {}) =>
  approval(id, {
    kind: 'use-as-is',
    subject: 'Use 35 KG of lot L-000123 as is under deviation DEV-12',
    requestedBy: 'qe.anna',
    plant: 'P1',
    substitution: null,
    deviation,
    fromItemDescription: 'Hex nut class 8, 12 mm',
    toItemDescription: '',
    exceptionId: null,
    projected: null,
    ...overrides,
  });

const decided = (id: string, status: 'approved' | 'rejected', decidedAt: string, overrides: Partial<ApprovalRow> = {}) =>
  approval(id, { status, decidedBy: 'sv.lena', decidedAt, canDecide: false, cannotDecideReason: 'Already decided', ...overrides });

describe('approvals slice reducers', () => {
  it('keys requests by approval id and keeps the objects of rows a reload did not change, nested fields included', () => {
    const first = withRowsLoaded(initialApprovalsData, [approval('A1'), approval('A2')]);
    expect(first.loaded).toBe(true);
    expect(Object.keys(first.rowsById)).toEqual(['A1', 'A2']);
    // Fresh objects with the same values, as a reload after a reconnect brings them.
    const reloaded = withRowsLoaded({ ...first, loadError: 'socket closed' }, [approval('A1'), approval('A2', { substitution: { ...substitution, productionOrderIds: ['MO-1'] } })]);
    expect(reloaded.loadError).toBeNull();
    expect(reloaded.rowsById['A1']).toBe(first.rowsById['A1']);
    const delta = diffRowsById(first.rowsById, reloaded.rowsById);
    expect(delta.update.map((row) => row.id)).toEqual(['A2']);
    expect(delta.add).toEqual([]);
    expect(delta.remove).toEqual([]);
  });

  it('applies a pushed row as one update, a new request as one add, and a repeat as nothing', () => {
    const loaded = withRowsLoaded(initialApprovalsData, [approval('A1')]);
    const approved = withRowChanged(loaded, decided('A1', 'approved', '2026-11-22T10:00:00.000Z'));
    expect(diffRowsById(loaded.rowsById, approved.rowsById)).toMatchObject({ add: [], update: [{ id: 'A1', status: 'approved' }], remove: [] });
    expect(withRowChanged(approved, decided('A1', 'approved', '2026-11-22T10:00:00.000Z'))).toBe(approved);
    const added = withRowChanged(approved, approval('A2'));
    expect(diffRowsById(approved.rowsById, added.rowsById)).toMatchObject({ add: [{ id: 'A2' }], update: [], remove: [] });
  });

  it('shows a decision as sent at once, and lets a state the core already pushed win', () => {
    const loaded = withRowsLoaded(initialApprovalsData, [approval('A1'), decided('A2', 'rejected', '2026-11-22T10:00:00.000Z')]);
    const queued = withDecisionQueued(loaded, 'A1', 'approve', 'sv.lena', '2026-11-22T11:00:00.000Z');
    expect(queued.rowsById['A1']).toMatchObject({ status: 'pending', pendingDecision: { decision: 'approve', by: 'sv.lena' }, canDecide: false });
    expect(withDecisionQueued(queued, 'A1', 'reject', 'sv.lena', '2026-11-22T11:01:00.000Z')).toBe(queued);
    expect(withDecisionQueued(loaded, 'A2', 'approve', 'sv.lena', '2026-11-22T11:00:00.000Z')).toBe(loaded);
    expect(withDecisionQueued(loaded, 'A9', 'approve', 'sv.lena', '2026-11-22T11:00:00.000Z')).toBe(loaded);
  });

  it('counts the requests waiting for a decision for the nav badge, and selects the selected one', () => {
    const data = withRowsLoaded(initialApprovalsData, [
      approval('A1'),
      approval('A2', { pendingDecision: { decision: 'approve', by: 'sv.lena', at: '2026-11-22T11:00:00.000Z' } }),
      decided('A3', 'approved', '2026-11-22T10:00:00.000Z'),
      approval('A4', { refusedUpstream: 'sv.kim decided first' }),
    ]);
    expect(selectYoursToDecideCount(data)).toBe(2);
    expect(selectSelectedApproval({ ...data, selectedApprovalId: 'A3' })?.status).toBe('approved');
    expect(selectSelectedApproval({ ...data, selectedApprovalId: 'A9' })).toBeNull();
    expect(countApprovals(Object.values(data.rowsById))).toEqual({ total: 4, awaiting: 2, yours: 2, sent: 1, conflicts: 1, decided: 1 });
  });

  it("counts for the badge only what this user may decide: not their own request, nothing for a planner", () => {
    // As the core lists them for sup.tom: his own transfer pending beside two he may decide.
    const forSupervisor = withRowsLoaded(initialApprovalsData, [
      useAsIs('U1'),
      approval('S1', { requestedBy: 'planner.anna' }),
      approval('T1', { kind: 'transfer', requestedBy: 'sup.tom', canDecide: false, cannotDecideReason: 'You requested this transfer; another supervisor must decide it.' }),
    ]);
    expect(selectYoursToDecideCount(forSupervisor)).toBe(2);
    expect(countApprovals(Object.values(forSupervisor.rowsById))).toMatchObject({ awaiting: 3, yours: 2 });
    // As the core lists them for planner.anna: her own substitution and a use-as-is, neither hers to decide.
    const notSupervisor = 'Only a supervisor can decide; you are signed in as a planner.';
    const forPlanner = withRowsLoaded(initialApprovalsData, [
      approval('S1', { requestedBy: 'planner.anna', canDecide: false, cannotDecideReason: notSupervisor }),
      useAsIs('U1', { canDecide: false, cannotDecideReason: notSupervisor }),
    ]);
    expect(selectYoursToDecideCount(forPlanner)).toBe(0);
    expect(countApprovals(Object.values(forPlanner.rowsById))).toMatchObject({ awaiting: 2, yours: 0 });
  });

  it('orders pending first, the longest waiting first, then decisions on their way, then the newest decisions', () => {
    const rows = [
      decided('old-decision', 'approved', '2026-11-20T10:00:00.000Z'),
      approval('newer-request', { requestedAt: '2026-11-22T09:00:00.000Z' }),
      approval('sent', { requestedAt: '2026-11-19T09:00:00.000Z', pendingDecision: { decision: 'reject', by: 'sv.lena', at: '2026-11-22T11:00:00.000Z' } }),
      decided('new-decision', 'rejected', '2026-11-22T10:00:00.000Z'),
      approval('older-request', { requestedAt: '2026-11-21T09:00:00.000Z' }),
    ];
    expect([...rows].sort(compareApprovalsForTriage).map((row) => row.id)).toEqual(['older-request', 'newer-request', 'sent', 'new-decision', 'old-decision']);
    const status = approvalColumns.find((column) => column.colId === 'status');
    expect(status?.sort).toBe('asc');
  });
});

/** A host that answers approvals.list once and lets the test push events. */
function fakeHost(list: () => Promise<ApprovalRow[]>) {
  const handlers = new Map<string, ((payload: unknown) => void)[]>();
  const client: ApiClient = {
    invoke: ((method: ApiMethod) => {
      if (method === 'approvals.list') return list();
      if (method === 'session.current') return Promise.resolve(signedInState('sv.lena', 'supervisor'));
      return Promise.resolve([]);
    }) as ApiClient['invoke'],
    subscribe: ((topic: AppEventTopic, handler: (payload: unknown) => void) => {
      handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
      return () => handlers.set(topic, (handlers.get(topic) ?? []).filter((h) => h !== handler));
    }) as ApiClient['subscribe'],
    onHostLinkChange: () => () => undefined,
  };
  const push = <T extends AppEventTopic>(topic: T, payload: AppEvents[T]) => (handlers.get(topic) ?? []).forEach((handler) => handler(payload));
  return { client, push };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the bridge feeds the approvals slice', () => {
  it('loads approvals.list, holds pushes that arrive during the load, then applies each push as a change of one row', async () => {
    let answer!: (rows: ApprovalRow[]) => void;
    const { client, push } = fakeHost(() => new Promise((resolve) => (answer = resolve)));
    const stop = startBridge(client);
    // The signed-in person's data loads once the session says who they are.
    await settle();
    // A decision pushed while the list is on its way is applied after it, not overwritten by it.
    push('approvals.changed', decided('A1', 'approved', '2026-11-22T10:00:00.000Z'));
    expect(useApprovalsStore.getState().loaded).toBe(false);
    answer([approval('A1'), approval('A2')]);
    await settle();
    const afterLoad = useApprovalsStore.getState().rowsById;
    expect(afterLoad['A1']?.status).toBe('approved');
    expect(selectYoursToDecideCount(useApprovalsStore.getState())).toBe(1);

    push('approvals.changed', approval('A3'));
    const afterPush = useApprovalsStore.getState().rowsById;
    const delta = diffRowsById(afterLoad, afterPush);
    expect(delta).toMatchObject({ add: [{ id: 'A3' }], update: [], remove: [] });
    expect(afterPush['A2']).toBe(afterLoad['A2']);
    push('approvals.changed', approval('A3'));
    expect(isEmptyDelta(diffRowsById(afterPush, useApprovalsStore.getState().rowsById))).toBe(true);
    stop();
    push('approvals.changed', approval('A4'));
    expect(useApprovalsStore.getState().rowsById['A4']).toBeUndefined();
  });
});

describe('approvals wording', () => {
  it('says where a request stands, in the grid and the panel', () => {
    expect(describeApprovalState(approval('A1'))).toBe('pending');
    expect(describeApprovalState(approval('A1', { pendingDecision: { decision: 'approve', by: 'sv.lena', at: '2026-11-22T11:00:00.000Z' } }))).toBe('pending · approval sent');
    expect(describeApprovalState(decided('A1', 'approved', '2026-11-22T10:00:00.000Z', { refusedUpstream: 'sv.kim rejected it first' }))).toBe('approved · conflict');
    expect(describePendingDecision({ decision: 'approve', by: 'sv.lena', at: '2026-11-22T11:00:00.000Z' })).toBe('Approval sent — waiting for upstream');
    expect(describePendingDecision({ decision: 'reject', by: 'sv.lena', at: '2026-11-22T11:00:00.000Z' })).toBe('Rejection sent — waiting for upstream');
    expect(formatOrderCount(1)).toBe('1 production order');
    expect(formatOrderCount(12)).toBe('12 production orders');
    expect(projectedFacts({ ordersHit: 3, revenueAtRisk: 120300.4, worstDaysLate: null, unfulfilled: 1 })).toEqual([
      ['Orders hit', '3'],
      ['Revenue at risk', '120,300'],
      ['Worst lateness', '—'],
      ['Unfulfilled', '1'],
    ]);
  });

  it('words a substitution as before: the item replaced and its substitute, each over its description', () => {
    const row = approval('A1');
    expect(requestSourceLines(row)).toEqual({ primary: 'RM-001532', secondary: 'Rod seal PU, 10 mm', text: 'RM-001532 — Rod seal PU, 10 mm' });
    expect(requestTermsLines(row)).toEqual({ primary: 'RM-001533', secondary: 'Rod seal NBR, 10 mm', text: 'RM-001533 — Rod seal NBR, 10 mm' });
    expect(approvalHeading(row)).toBe('RM-001532 → RM-001533');
    expect(subjectDetail(row)).toBe('P2 · Supplier delay of PO-0003065/10');
    expect(substitutionFacts(substitution, row).map(([term]) => term)).toEqual(['Replace', 'With', 'Plant', 'Reason']);
  });

  it('words a use-as-is as how much of which lot, under which deviation, for which defect', () => {
    const row = useAsIs('AP-IL-000045.1', { deviation: { ...deviation, quantity: 1250.5 } });
    const source = requestSourceLines(row);
    const terms = requestTermsLines(row);
    // In the grid the ids lead, each over what it says about them; the one-line texts read as a sentence.
    expect(source).toEqual({ primary: 'Lot L-000123', secondary: '1,250.5 KG · Hex nut class 8, 12 mm', text: '1,250.5 KG of lot L-000123 (Hex nut class 8, 12 mm)' });
    expect(terms).toEqual({ primary: 'DEV-12', secondary: 'defect DIM-OOT', text: 'under DEV-12, defect DIM-OOT' });
    // Across the two "what" columns, one sentence.
    expect(`${requestSourceLines(useAsIs('A2')).text} ${terms.text}`).toBe('35 KG of lot L-000123 (Hex nut class 8, 12 mm) under DEV-12, defect DIM-OOT');
    expect(approvalHeading(row)).toBe('Lot L-000123');
    expect(subjectDetail(row)).toBe('P1 · Bore 0.02 mm over; within the customer’s drawing tolerance');
    expect(deviationFacts(deviation, row.fromItemDescription)).toEqual([
      ['Lot', 'L-000123'],
      ['Use as is', '35 KG'],
      ['Item', 'RM-001309 — Hex nut class 8, 12 mm'],
      ['Plant', 'P1'],
      ['Deviation', 'DEV-12'],
      ['Defect', 'DIM-OOT'],
      ['Inspection lot', 'IL-000045'],
      ['Reason', 'Bore 0.02 mm over; within the customer’s drawing tolerance'],
    ]);
    // Part of a decision in parts: the supervisor sees the whole of it, which goes upstream once approved.
    const parts = [{ decision: 'use-as-is' as const, quantity: 35 }, { decision: 'release' as const, quantity: 1000.5 }, { decision: 'scrap' as const, quantity: 15 }];
    expect(deviationFacts({ ...deviation, postings: parts }, row.fromItemDescription)[2]).toEqual(['Whole decision', 'Use as-is with deviation 35 KG · Release to unrestricted 1,000.5 KG · Scrap 15 KG']);
  });

  describe('in the year of its dates', () => {
    // "02 Dec" without the year only while it is the current year: the test's clock says it is.
    beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-28T09:00:00Z') }));
    afterEach(() => vi.useRealTimers());

  it('words a transfer as how much of which item, between which plants, arriving when, worth what', () => {
    const transfer = { transferId: 'RB-FG-000019-P3-P1-2026-11-28', itemId: 'FG-000019', fromPlant: 'P3', toPlant: 'P1', quantity: 78, unit: 'EA', shipDate: '2026-11-28', arrivalDate: '2026-12-02', value: 11_933.6 };
    const row = approval('AP-T1', { kind: 'transfer', subject: 'Transfer 78 EA of FG-000019 from P3 to P1 (value 11934)', plant: 'P1', substitution: null, deviation: null, transfer, fromItemDescription: 'Hydraulic cylinder', toItemDescription: '', exceptionId: null, projected: null });
    expect(formatTransferRequest(transfer)).toBe('78 EA of FG-000019 from P3 to P1, arriving 02 Dec, value 11,934');
    // Across the two "what" columns, the same sentence with the item's description.
    expect(`${requestSourceLines(row).text} ${requestTermsLines(row).text}`).toBe('78 EA of FG-000019 (Hydraulic cylinder) from P3 to P1, arriving 02 Dec, value 11,934');
    expect(requestSourceLines(row)).toMatchObject({ primary: 'FG-000019', secondary: '78 EA · Hydraulic cylinder' });
    expect(requestTermsLines(row)).toMatchObject({ primary: 'P3 → P1', secondary: 'arrives 02 Dec · value 11,934' });
    expect(approvalHeading(row)).toBe('FG-000019 P3 → P1');
    expect(transferFacts(transfer, row.fromItemDescription)).toEqual([
      ['Transfer', 'RB-FG-000019-P3-P1-2026-11-28'],
      ['Item', 'FG-000019 — Hydraulic cylinder'],
      ['Quantity', '78 EA'],
      ['From', 'P3'],
      ['To', 'P1'],
      ['Ships', '28 Nov 2026'],
      ['Arrives', '02 Dec 2026'],
      ['Value', '11,934'],
    ]);
  });
  });

  it('exports both kinds to CSV with plain values: a use-as-is has no production orders, a substitution no lot', () => {
    // What AG Grid writes for each column, through the app's export callback.
    const exported = (row: ApprovalRow) => Object.fromEntries(approvalColumns.map((column) => [column.colId, csvOf(column, row)]));
    expect(exported(useAsIs('A1'))).toMatchObject({
      kind: 'Use as-is',
      plant: 'P1',
      fromItem: '35 KG of lot L-000123 (Hex nut class 8, 12 mm)',
      toItem: 'under DEV-12, defect DIM-OOT',
      productionOrders: '',
      lot: 'L-000123',
      quantity: '35',
      unit: 'KG',
      deviationNumber: 'DEV-12',
      defectCode: 'DIM-OOT',
      inspectionLot: 'IL-000045',
      revenueAtRisk: '',
    });
    expect(exported(approval('A2'))).toMatchObject({
      kind: 'Substitution',
      fromItem: 'RM-001532 — Rod seal PU, 10 mm',
      toItem: 'RM-001533 — Rod seal NBR, 10 mm',
      productionOrders: '2',
      lot: '',
      quantity: '',
      deviationNumber: '',
      // Times for a spreadsheet, in UTC as the headers say: when it is due, not how long is left.
      requestedAt: '2026-11-22 09:00:00',
      due: '2026-11-22 13:00:00',
      decidedAt: '',
      // The risk with no response beside the risk if approved: a spreadsheet sees what approving protects.
      revenueAtRiskNow: '887041',
    });
    const header = (colId: string) => csvHeaderOf(approvalColumns.find((column) => column.colId === colId)!);
    expect([header('requestedAt'), header('due'), header('decidedAt')]).toEqual(['Requested at (UTC)', 'Due (UTC)', 'Decided at (UTC)']);
    expect(header('revenueAtRisk')).toMatch(/^At risk if approved/);
  });

  it('keeps the decision and the triage order the same for a use-as-is', () => {
    const data = withRowsLoaded(initialApprovalsData, [useAsIs('U1'), approval('S1')]);
    const queued = withDecisionQueued(data, 'U1', 'reject', 'sv.ines', '2026-11-22T11:00:00.000Z');
    expect(queued.rowsById['U1']).toMatchObject({ kind: 'use-as-is', pendingDecision: { decision: 'reject', by: 'sv.ines' }, canDecide: false });
    expect(countApprovals(Object.values(queued.rowsById))).toMatchObject({ awaiting: 1, sent: 1 });
  });
});
