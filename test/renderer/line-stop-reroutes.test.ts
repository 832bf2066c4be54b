// A line stop's held-up orders in the Order Impact detail: how each order's alternate lines, dates and
// reroute read, and the state after a reroute: shown at once, kept over an older answer, settled by the
// detail the core's push reloads, refused beside its row.
import { describe, expect, it } from 'vitest';
import { formatPlanDateRange } from '../../renderer/format/time';
import { followSelectedException } from '../../renderer/state/exception-detail-loader';
import { rerouteOrder } from '../../renderer/state/impact-actions';
import { createImpactStore, detailToLoad, initialImpactData, withDetailLoaded, withExceptionsChanged, withExceptionsLoaded, withSelection, type ImpactData } from '../../renderer/state/impact-slice';
import { withOrderRerouted, withRerouteFailed, withRerouteSending, withRerouteTarget } from '../../renderer/state/impact-reroutes';
import {
  alternateSortKey,
  alternateTrend,
  chosenAlternate,
  describeAlternate,
  describeAlternateRoom,
  describeHeldUpSummary,
  explainAlternate,
  describeRerouted,
  reroutedLines,
  describeRerouteRefusal,
  formatPlannedDates,
  formatWaitingDates,
  rankAlternates,
  summarizeHeldUp,
  withoutAlternateText,
} from '../../renderer/views/order-impact/held-up-format';
import { heldUpOrderColumns } from '../../renderer/views/order-impact/held-up-order-columns';
import { cannotRespondReason, commandCountNow } from '../../renderer/views/order-impact/response-format';
import type { ExceptionDetail, ExceptionRow, HeldUpOrder, ProjectedEffect, RerouteOption } from '../../shared/api/impact';
import { columnOf, shownOf } from '../helpers/grid-columns';

const effect = (ordersHit: number, revenueAtRisk = ordersHit * 1000): ProjectedEffect => ({ ordersHit, revenueAtRisk, worstDaysLate: 5, unfulfilled: 0 });
const option = (plant: string, line: string, freeAfter: number, ordersHit: number, revenueAtRisk?: number): RerouteOption => ({ plant, line, freeAfter, projected: effect(ordersHit, revenueAtRisk) });

function heldUp(id: string, overrides: Partial<HeldUpOrder> = {}): HeldUpOrder {
  return {
    productionOrderId: id,
    itemId: 'FG-000001',
    quantity: 164,
    startDate: '2026-12-03',
    dueDate: '2026-12-05',
    waitingStartDate: '2026-12-06',
    waitingDueDate: '2026-12-08',
    alternates: [],
    alternatesEvaluated: true,
    rerouted: null,
    ...overrides,
  };
}

function lineStop(id: string, overrides: Partial<ExceptionRow> = {}): ExceptionRow {
  return {
    id,
    type: 'line-stop',
    itemId: 'FG-000001',
    itemDescription: 'Accumulator module 50/1',
    plant: 'P1',
    sourceDocument: `P1/L2 (LS-${id})`,
    detectedAt: '2026-12-01T09:00:00.000Z',
    ordersHit: 3,
    revenueAtRisk: 3000,
    worstDaysLate: 5,
    unfulfilled: 0,
    status: 'open',
    taskId: `t-${id}`,
    remaining: null,
    ...overrides,
  };
}

function detailOf(row: ExceptionRow, orders: HeldUpOrder[]): ExceptionDetail {
  return {
    exception: row,
    weighedAt: row.detectedAt,
    detail: { stoppageId: `LS-${row.id}`, plant: 'P1', line: 'L2', from: '2026-12-01', expectedDays: 5, reason: 'Spindle drive fault', restartedOn: null, orders },
    productionOrders: [],
    customerOrders: [],
    responses: [],
    chosenResponse: null,
    choice: null,
    approval: null,
    refusedAnswer: null,
  };
}

const twoLines = [option('P3', 'L2', 41793, 3), option('P2', 'L9', 4, 1), option('P2', 'L1', 2871, 1, 500)];
const orders = () => [heldUp('MO-1', { alternates: twoLines }), heldUp('MO-2', { alternates: [option('P2', 'L9', 40, 2)] }), heldUp('MO-3')];

/** E1 selected with its held-up orders loaded. */
function shown(): ImpactData {
  const row = lineStop('E1');
  return withDetailLoaded(withSelection(withExceptionsLoaded(initialImpactData, [row, lineStop('E2')]), 'E1'), detailOf(row, orders()));
}

const heldUpIn = (data: ImpactData) => (data.detail && 'orders' in data.detail.detail ? data.detail.detail.orders : []);

const pending = { state: 'pending' } as const;

describe('a held-up order’s alternate lines', () => {
  it('ranks the fewest orders hit first, then the least revenue at risk, then the most room', () => {
    expect(rankAlternates(twoLines).map((a) => `${a.plant}/${a.line}`)).toEqual(['P2/L1', 'P2/L9', 'P3/L2']);
    expect(rankAlternates([option('P2', 'L1', 5, 1, 100), option('P3', 'L1', 9, 1, 100)]).map((a) => a.plant)).toEqual(['P3', 'P2']);
  });

  it('offers the best unless the planner picked another; none when no line has room', () => {
    expect(chosenAlternate({ alternates: twoLines }, null)).toMatchObject({ plant: 'P2', line: 'L1' });
    expect(chosenAlternate({ alternates: twoLines }, 'P3/L2')).toMatchObject({ plant: 'P3', line: 'L2' });
    // A pick the reloaded detail no longer offers falls back to the best.
    expect(chosenAlternate({ alternates: twoLines }, 'P9/L9')).toMatchObject({ plant: 'P2', line: 'L1' });
    expect(chosenAlternate({ alternates: [] }, null)).toBeNull();
    // Without one: none has room, or the core is still weighing (or never did, the stoppage closed first).
    expect(withoutAlternateText({ alternatesEvaluated: true }, true)).toBe('No line with room');
    expect(withoutAlternateText({ alternatesEvaluated: false }, true)).toBe('Weighing other lines…');
    expect(withoutAlternateText({ alternatesEvaluated: false }, false)).toBe('Not weighed');
  });

  it('reads as the line, the room it keeps in the unit of its output, and the orders hit against now', () => {
    expect(describeAlternate(option('P2', 'L9', 4, 1), 3)).toBe('P2/L9 · 4 EA a day left · 1 order hit instead of 3');
    expect(describeAlternate(option('P3', 'L2', 41793, 583), 583)).toBe('P3/L2 · 41,793 EA a day left · still 583 orders hit');
    expect(describeAlternate(option('P2', 'L3', 3093, 740), 638)).toBe('P2/L3 · 3,093 EA a day left · 740 orders hit instead of 638');
    expect(describeAlternateRoom(option('P3', 'L2', 52927, 1))).toBe('52,927 EA a day left');
    expect(explainAlternate(option('P3', 'L2', 52927, 1), 'MO-1', { ordersHit: 3, revenueAtRisk: 1000 })).toContain('The line keeps at least 52,927 EA a day free with it.');
    expect(alternateTrend(option('P2', 'L9', 4, 1), 3)).toBe('better');
    expect(alternateTrend(option('P2', 'L9', 4, 740), 638)).toBe('worse');
    expect(alternateTrend(option('P2', 'L9', 4, 3), 3)).toBe('same');
  });

  it('sorts the orders whose best move saves most first, those with nowhere to go last, a reroute keeping its place', () => {
    const [first, second, none] = orders();
    expect(alternateSortKey(first!)).toBe(1);
    expect(alternateSortKey(second!)).toBe(2);
    expect(alternateSortKey(none!)).toBe(Number.MAX_SAFE_INTEGER);
    const rerouted: HeldUpOrder = { ...first!, rerouted: { plant: 'P3', line: 'L2', commandId: 'c', upstream: pending } };
    expect(alternateSortKey(rerouted)).toBe(1);
  });
});

describe('a held-up order’s dates and reroute', () => {
  it('shows its quantity in the unit the line makes it in', () => {
    expect(shownOf(columnOf(heldUpOrderColumns, 'quantity'), { ...heldUp('MO-1'), quantity: 1320 })).toBe('1,320 EA');
  });

  it('shows the planned dates and, if it waits, the later ones with the shift', () => {
    expect(formatPlannedDates(heldUp('MO-1'))).toBe('03–05 Dec 2026');
    expect(formatWaitingDates(heldUp('MO-1'))).toBe('06–08 Dec 2026 (+3 d)');
    expect(formatWaitingDates(heldUp('MO-1', { waitingStartDate: '2026-12-03', waitingDueDate: '2026-12-05' }))).toBe('03–05 Dec 2026');
    expect(formatPlanDateRange('2026-11-28', '2026-12-03')).toBe('28 Nov – 03 Dec 2026');
    expect(formatPlanDateRange('2026-12-29', '2027-01-02')).toBe('29 Dec 2026 – 02 Jan 2027');
    expect(formatPlanDateRange('2026-12-01', '2026-12-01')).toBe('01 Dec 2026');
  });

  it('says where a rerouted order went, and a refusal without the argument it names', () => {
    expect(describeRerouted({ plant: 'P2', line: 'L9', commandId: 'c-1', upstream: pending })).toBe('Rerouted to P2/L9 · pending upstream');
    expect(describeRerouted({ plant: 'P2', line: 'L9', commandId: 'c-1', upstream: { state: 'accepted' } })).toBe('Rerouted to P2/L9 · accepted by the ERP');
    expect(describeRerouted({ plant: 'P2', line: 'L9', commandId: 'c-1', upstream: { state: 'accepted' }, by: 'pl.omar' })).toBe('Rerouted to P2/L9 by pl.omar · accepted by the ERP');
    expect(describeRerouted({ plant: 'P2', line: 'L9', commandId: 'c-1', upstream: { state: 'refused', reason: 'toLine: L9 is in maintenance' } })).toBe(
      'Not rerouted to P2/L9 · refused by the ERP: toLine: L9 is in maintenance. It waits for the line.',
    );
    // The cell's two lines: another workstation's planner goes on the second, so the first fits the column.
    expect(reroutedLines({ plant: 'P2', line: 'L9', commandId: 'c-1', upstream: { state: 'accepted' }, by: 'pl.omar' })).toEqual(['Rerouted to P2/L9', 'by pl.omar · accepted by the ERP']);
    expect(reroutedLines({ plant: 'P2', line: 'L9', commandId: 'c-1', upstream: pending })).toEqual(['Rerouted to P2/L9', 'pending upstream']);
    expect(reroutedLines({ plant: 'P2', line: 'L9', commandId: 'c-1', upstream: { state: 'refused', reason: 'no room' } })).toEqual(['Not rerouted to P2/L9', 'refused by the ERP: no room. It waits for the line.']);
    expect(describeRerouteRefusal('toLine: P2/L8 cannot make FG-1 or has no room between 2026-12-01 and 2026-12-05')).toBe('P2/L8 cannot make FG-1 or has no room between 2026-12-01 and 2026-12-05');
    expect(describeRerouteRefusal('productionOrderId: MO-1 was rerouted already, to P2/L9')).toBe('MO-1 was rerouted already, to P2/L9');
    expect(describeRerouteRefusal('The host did not answer')).toBe('The host did not answer');
  });

  it('sums up how many are held up, could move and went', () => {
    const summary = summarizeHeldUp([...orders(), heldUp('MO-4', { alternates: twoLines, rerouted: { plant: 'P2', line: 'L1', commandId: 'c', upstream: pending } })]);
    expect(summary).toEqual({ total: 4, movable: 2, rerouted: 1, refused: 0 });
    expect(describeHeldUpSummary(summary)).toBe('4 held up · 2 could move to another line · 1 rerouted');
    expect(describeHeldUpSummary({ total: 1204, movable: 0, rerouted: 0, refused: 0 })).toBe('1,204 held up · no other line has room for any');
    const refused = summarizeHeldUp([...orders(), heldUp('MO-4', { alternates: twoLines, rerouted: { plant: 'P2', line: 'L1', commandId: 'c', upstream: { state: 'refused', reason: 'no' } } })]);
    expect(describeHeldUpSummary(refused)).toBe('4 held up · 2 could move to another line · 1 reroute refused');
  });

  it('counts one reschedule per order still on the stopped line, and says why a closed stoppage takes no reroute', () => {
    const reschedule = { id: 'reschedule' as const, commandCount: 3 };
    const held = [heldUp('MO-1', { rerouted: { plant: 'P2', line: 'L9', commandId: 'c', upstream: pending } }), heldUp('MO-2'), heldUp('MO-3')];
    expect(commandCountNow(reschedule, held)).toBe(2);
    // A reroute the ERP refused leaves the order on the line: the reschedule moves it too.
    expect(commandCountNow(reschedule, [heldUp('MO-1', { rerouted: { plant: 'P2', line: 'L9', commandId: 'c', upstream: { state: 'refused', reason: 'no' } } }), heldUp('MO-2'), heldUp('MO-3')])).toBe(3);
    expect(commandCountNow({ id: 'accept-delay', commandCount: 0 }, held)).toBe(0);
    expect(commandCountNow(reschedule, null)).toBe(3);
    expect(cannotRespondReason('no-impact', 'planner', 'line-stop')).toBe('No order is later because of this stoppage: there is nothing to respond to.');
    expect(cannotRespondReason('resolved', 'planner', 'line-stop')).toMatch(/applied/);
  });
});

describe('the state after a reroute', () => {
  it('keys a line stop’s held-up orders by order id, and keeps unchanged ones over a reload', () => {
    const data = shown();
    expect(Object.keys(data.heldUpOrdersById)).toEqual(['MO-1', 'MO-2', 'MO-3']);
    const again = withDetailLoaded(data, detailOf(lineStop('E1'), orders()));
    expect(again.heldUpOrdersById['MO-1']).toBe(data.heldUpOrdersById['MO-1']);
    expect(Object.keys(withSelection(data, 'E2').heldUpOrdersById)).toEqual([]);
  });

  it('picks a line, sends, and shows a refusal beside the row; picking again clears it', () => {
    let data = withRerouteTarget(shown(), 'E1', 'MO-1', 'P3/L2');
    data = withRerouteSending(data, 'E1', 'MO-1');
    expect(data.reroutes['MO-1']).toEqual({ target: 'P3/L2', sending: true, error: null, sent: null });
    data = withRerouteFailed(data, 'E1', 'MO-1', 'toLine: P3/L2 cannot make FG-000001 or has no room between 2026-12-03 and 2026-12-05');
    expect(data.reroutes['MO-1']).toMatchObject({ sending: false, error: expect.stringContaining('no room') });
    expect(withRerouteTarget(data, 'E1', 'MO-1', 'P2/L1').reroutes['MO-1']).toMatchObject({ target: 'P2/L1', error: null });
    // Answers about another exception than the one shown change nothing.
    expect(withRerouteFailed(data, 'E2', 'MO-1', 'late')).toBe(data);
  });

  it('shows the reroute at once on its row only, and keeps it over an older answer until the detail reports it', () => {
    const before = withRerouteSending(shown(), 'E1', 'MO-1');
    const after = withOrderRerouted(before, 'E1', 'MO-1', { plant: 'P2', line: 'L1', commandId: 'cmd-1', upstream: pending });
    expect(after.heldUpOrdersById['MO-1']?.rerouted).toEqual({ plant: 'P2', line: 'L1', commandId: 'cmd-1', upstream: pending });
    expect(after.heldUpOrdersById['MO-2']).toBe(before.heldUpOrdersById['MO-2']);
    expect(heldUpIn(after).filter((order) => order.rerouted !== null)).toHaveLength(1);
    expect(after.reroutes['MO-1']).toMatchObject({ sending: false, error: null });

    // A reload answered before the reroute was made: the row still shows it.
    const stale = withDetailLoaded(after, detailOf(lineStop('E1'), orders()));
    expect(stale.heldUpOrdersById['MO-1']?.rerouted).toMatchObject({ plant: 'P2', line: 'L1' });
    expect(stale.heldUpOrdersById['MO-1']).toBe(after.heldUpOrdersById['MO-1']);

    // The detail reloaded after the core's push reports it: the draft is settled, the row unchanged.
    const reported = orders().map((order) => (order.productionOrderId === 'MO-1' ? { ...order, rerouted: { plant: 'P2', line: 'L1', commandId: 'cmd-1', upstream: pending } } : order));
    const settled = withDetailLoaded(stale, detailOf(lineStop('E1'), reported));
    expect(settled.reroutes['MO-1']).toBeUndefined();
    expect(settled.heldUpOrdersById['MO-1']).toBe(after.heldUpOrdersById['MO-1']);
  });

  it('reloads the detail on a push of the selected exception even when its row is unchanged: a reroute changes only the detail', () => {
    const data = shown();
    const pushed = withExceptionsChanged(data, [lineStop('E1')]);
    expect(pushed.exceptionsById).toBe(data.exceptionsById);
    expect(detailToLoad(data, pushed)).toBe('E1');
    // A repeat of another exception changes nothing at all.
    expect(withExceptionsChanged(data, [lineStop('E2')])).toBe(data);
  });

  it('sends the reroute through the host and follows the core’s push with a fresh detail', async () => {
    const store = createImpactStore();
    const calls: { method: string; args: unknown }[] = [];
    let reroutedNow = false;
    const client = {
      invoke: (async (method: string, args: { id?: string; productionOrderId?: string }) => {
        calls.push({ method, args });
        if (method === 'impact.reroute') {
          if (args.productionOrderId === 'MO-2') throw new Error('toLine: P2/L9 cannot make FG-000001 or has no room between 2026-12-03 and 2026-12-05');
          reroutedNow = true;
          return { commandId: 'cmd-1', upstream: pending };
        }
        const held = orders().map((order) => (reroutedNow && order.productionOrderId === 'MO-1' ? { ...order, rerouted: { plant: 'P2', line: 'L1', commandId: 'cmd-1', upstream: pending } } : order));
        return detailOf(lineStop('E1'), held);
      }) as never,
    };
    const followed = followSelectedException(client, store);
    store.getState().exceptionsLoaded([lineStop('E1')]);
    store.getState().select('E1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Object.keys(store.getState().heldUpOrdersById)).toEqual(['MO-1', 'MO-2', 'MO-3']);

    await rerouteOrder({ exceptionId: 'E1', productionOrderId: 'MO-1', toPlant: 'P2', toLine: 'L1' }, client, store);
    expect(store.getState().heldUpOrdersById['MO-1']?.rerouted?.commandId).toBe('cmd-1');
    await rerouteOrder({ exceptionId: 'E1', productionOrderId: 'MO-2', toPlant: 'P2', toLine: 'L9' }, client, store);
    expect(store.getState().reroutes['MO-2']?.error).toMatch(/^toLine: P2\/L9 cannot make/);

    // The core pushes the exception, unchanged as a row: the detail is loaded again and settles the reroute.
    store.getState().exceptionsChanged([lineStop('E1')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.map((call) => call.method)).toEqual(['impact.exception', 'impact.reroute', 'impact.reroute', 'impact.exception']);
    expect(store.getState().reroutes['MO-1']).toBeUndefined();
    expect(store.getState().heldUpOrdersById['MO-1']?.rerouted).toEqual({ plant: 'P2', line: 'L1', commandId: 'cmd-1', upstream: pending });
    expect(store.getState().reroutes['MO-2']?.error).toMatch(/no room/);
    followed.stop();
  });
});
