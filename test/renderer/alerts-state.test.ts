// The alerts slice: loading the list, pushed alerts and acknowledgements, the strip's order; the bridge's
// wiring of alerts.list and 'alerts.changed'; acknowledging through the client; and the strip's wording.
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../renderer/api/client';
import { acknowledgeAlert } from '../../renderer/state/alert-actions';
import { createAlertsStore, initialAlertsData, unacknowledgedAlerts, useAlertsStore, withRowChanged, withRowsLoaded } from '../../renderer/state/alerts-slice';
import { startBridge } from '../../renderer/state/bridge';
import { alertDetail, alertHeadline, describeAlert, moreAlertsLabel } from '../../renderer/views/alerts/alert-format';
import type { AlertRow, ScrapSpike } from '../../shared/api/alerts';
import type { ApiMethod, AppEvents, AppEventTopic } from '../../shared/api';
import { signedInState } from '../helpers/session-states';
import { keepUnsentDecision, unsentDecision } from '../../renderer/state/unsent-decisions';

const spike: ScrapSpike = {
  productionOrderId: 'MO-4711',
  yieldQuantity: 10,
  scrapQuantity: 90,
  unit: 'EA',
  yieldRate: 0.1,
  minimumYield: 0.95,
  notified: ['quality', 'maintenance'],
  replenishment: { plannedQuantity: 100, shortfall: 90, customerOrdersHit: 3, revenueAtRisk: 25000.4 },
};

function alert(id: string, overrides: Partial<AlertRow> = {}): AlertRow {
  return {
    id,
    kind: 'scrap-spike',
    plant: 'P1',
    itemId: 'FG-1',
    itemDescription: 'Hydraulic cylinder',
    subject: 'Scrap spike on MO-4711 (FG-1): yield 10%, minimum 95%',
    scrapSpike: spike,
    createdAt: '2026-11-30T14:00:00.000Z',
    acknowledgedBy: null,
    acknowledgedAt: null,
    ...overrides,
  };
}

const acknowledged = (row: AlertRow): AlertRow => ({ ...row, acknowledgedBy: 'qe.anna', acknowledgedAt: '2026-11-30T14:05:00.000Z' });

describe('alerts slice', () => {
  it('keeps the objects of unchanged alerts on a reload and takes the changed ones', () => {
    const first = withRowsLoaded(initialAlertsData, [alert('AL-1'), alert('AL-2')]);
    expect(first.loaded).toBe(true);
    const again = withRowsLoaded(first, [alert('AL-1'), acknowledged(alert('AL-2')), alert('AL-3')]);
    expect(again.rowsById['AL-1']).toBe(first.rowsById['AL-1']);
    expect(again.rowsById['AL-2']).not.toBe(first.rowsById['AL-2']);
    expect(again.rowsById['AL-2']?.acknowledgedBy).toBe('qe.anna');
    expect(Object.keys(again.rowsById)).toEqual(['AL-1', 'AL-2', 'AL-3']);
    // A reload that no longer lists an alert drops it.
    expect(Object.keys(withRowsLoaded(again, [alert('AL-3')]).rowsById)).toEqual(['AL-3']);
  });

  it('clears an earlier load error once a load succeeds', () => {
    const failed = { ...initialAlertsData, loadError: 'host gone' };
    expect(withRowsLoaded(failed, []).loadError).toBeNull();
  });

  it('removes an alert from the visible list when its acknowledgement is pushed, and ignores a repeat', () => {
    const loaded = withRowsLoaded(initialAlertsData, [alert('AL-1'), alert('AL-2', { createdAt: '2026-11-30T15:00:00.000Z' })]);
    expect(unacknowledgedAlerts(loaded.rowsById).map((row) => row.id)).toEqual(['AL-2', 'AL-1']);
    const pushed = withRowChanged(loaded, acknowledged(alert('AL-2', { createdAt: '2026-11-30T15:00:00.000Z' })));
    expect(unacknowledgedAlerts(pushed.rowsById).map((row) => row.id)).toEqual(['AL-1']);
    expect(withRowChanged(pushed, acknowledged(alert('AL-2', { createdAt: '2026-11-30T15:00:00.000Z' })))).toBe(pushed);
  });

  it('lists the unacknowledged alerts the most recent first, the later id first on a tie', () => {
    const rows = withRowsLoaded(initialAlertsData, [
      alert('AL-a', { createdAt: '2026-11-30T09:00:00.000Z' }),
      acknowledged(alert('AL-b', { createdAt: '2026-11-30T18:00:00.000Z' })),
      alert('AL-c', { createdAt: '2026-11-30T12:00:00.000Z' }),
      alert('AL-d', { createdAt: '2026-11-30T12:00:00.000Z' }),
    ]).rowsById;
    expect(unacknowledgedAlerts(rows).map((row) => row.id)).toEqual(['AL-d', 'AL-c', 'AL-a']);
  });

  it('acknowledges through the client and shows the acknowledged row at once', async () => {
    const store = createAlertsStore();
    store.getState().rowsLoaded([alert('AL-1')]);
    const calls: unknown[] = [];
    const client = {
      invoke: ((method: ApiMethod, args: unknown) => {
        calls.push([method, args]);
        return Promise.resolve(acknowledged(alert('AL-1')));
      }) as ApiClient['invoke'],
    };
    await acknowledgeAlert('AL-1', client, store);
    expect(calls).toEqual([['alerts.acknowledge', { alertId: 'AL-1' }]]);
    expect(unacknowledgedAlerts(store.getState().rowsById)).toEqual([]);
  });
});

/** A host that answers alerts.list once and lets the test push events. */
function fakeHost(list: () => Promise<AlertRow[]>) {
  const handlers = new Map<string, ((payload: unknown) => void)[]>();
  const client: ApiClient = {
    invoke: ((method: ApiMethod) => {
      if (method === 'alerts.list') return list();
      if (method === 'session.current') return Promise.resolve(signedInState('qe.anna', 'quality-engineer'));
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

describe('the bridge feeds the alerts slice', () => {
  it('loads alerts.list, applies an acknowledgement pushed during the load after it, then follows pushes', async () => {
    let answer!: (rows: AlertRow[]) => void;
    const { client, push } = fakeHost(() => new Promise((resolve) => (answer = resolve)));
    const stop = startBridge(client);
    // The signed-in person's data loads once the session says who they are.
    await settle();
    push('alerts.changed', acknowledged(alert('AL-1')));
    expect(useAlertsStore.getState().loaded).toBe(false);
    answer([alert('AL-1'), alert('AL-2')]);
    await settle();
    expect(unacknowledgedAlerts(useAlertsStore.getState().rowsById).map((row) => row.id)).toEqual(['AL-2']);

    push('alerts.changed', alert('AL-3', { createdAt: '2026-11-30T16:00:00.000Z' }));
    expect(unacknowledgedAlerts(useAlertsStore.getState().rowsById).map((row) => row.id)).toEqual(['AL-3', 'AL-2']);
    stop();
    push('alerts.changed', alert('AL-4'));
    expect(useAlertsStore.getState().rowsById['AL-4']).toBeUndefined();
  });
});

describe('alerts wording', () => {
  it('says what, where, what the core did and what the shortfall does downstream', () => {
    expect(alertHeadline(alert('AL-1'))).toBe('Scrap spike · MO-4711 (FG-1 Hydraulic cylinder) · P1');
    expect(alertDetail(alert('AL-1'))).toBe(
      'yield 10% (minimum 95%), 90 of 100 EA scrapped · quality and maintenance notified · replenishment: 90 EA short, 3 customer orders later, 25,000 revenue at risk',
    );
    expect(describeAlert(alert('AL-1'))).toBe(
      'Scrap spike · MO-4711 (FG-1 Hydraulic cylinder) · P1 — yield 10% (minimum 95%), 90 of 100 EA scrapped · quality and maintenance notified · replenishment: 90 EA short, 3 customer orders later, 25,000 revenue at risk',
    );
  });

  it('says when replenishment could not be reviewed, rather than implying no impact', () => {
    const unplanned = alert('AL-1', { scrapSpike: { ...spike, productionOrderId: 'MO-E2E-1', replenishment: null } });
    expect(describeAlert(unplanned)).toBe(
      'Scrap spike · MO-E2E-1 (FG-1 Hydraulic cylinder) · P1 — yield 10% (minimum 95%), 90 of 100 EA scrapped · quality and maintenance notified · replenishment not reviewed (no planning data for the order)',
    );
  });

  it('words the smaller cases: no customer order hit, no shortfall, one notification, no item, no unit, a fractional yield', () => {
    const noCustomers = alert('AL-1', { scrapSpike: { ...spike, replenishment: { plannedQuantity: 100, shortfall: 90, customerOrdersHit: 0, revenueAtRisk: 0 } } });
    expect(alertDetail(noCustomers)).toContain('replenishment: 90 EA short, no customer order later');
    const oneCustomer = alert('AL-1', { scrapSpike: { ...spike, replenishment: { plannedQuantity: 100, shortfall: 90, customerOrdersHit: 1, revenueAtRisk: 1200 } } });
    expect(alertDetail(oneCustomer)).toContain('1 customer order later, 1,200 revenue at risk');
    const noShortfall = alert('AL-1', { scrapSpike: { ...spike, replenishment: { plannedQuantity: 10, shortfall: 0, customerOrdersHit: 0, revenueAtRisk: 0 } } });
    expect(alertDetail(noShortfall)).toContain('replenishment: no shortfall against the plan');
    const qualityOnly = alert('AL-1', { scrapSpike: { ...spike, notified: ['quality'] } });
    expect(alertDetail(qualityOnly)).toContain(' · quality notified · ');
    expect(alertDetail(alert('AL-1', { scrapSpike: { ...spike, notified: [] } }))).not.toContain('notified');
    expect(alertHeadline(alert('AL-1', { itemId: null, itemDescription: null }))).toBe('Scrap spike · MO-4711 · P1');
    expect(alertHeadline(alert('AL-1', { itemDescription: null }))).toBe('Scrap spike · MO-4711 (FG-1) · P1');
    const noUnit = alert('AL-1', { scrapSpike: { ...spike, unit: null, yieldQuantity: 1850, scrapQuantity: 150, yieldRate: 0.925, replenishment: null } });
    expect(alertDetail(noUnit)).toMatch(/^yield 92\.5% \(minimum 95%\), 150 of 2,000 scrapped · /);
    expect(moreAlertsLabel(2)).toBe('and 2 more');
  });
});

describe('switching user on a shared terminal', () => {
  it('empties the views when another person signs in, and loads theirs; signed out, nothing loads', async () => {
    let lists = 0;
    const { client, push } = fakeHost(() => {
      lists += 1;
      return Promise.resolve(lists === 1 ? [alert('AL-1')] : []);
    });
    const stop = startBridge(client);
    await settle();
    expect(Object.keys(useAlertsStore.getState().rowsById)).toEqual(['AL-1']);

    // She had typed a decision and not sent it: the next person does not find it.
    keepUnsentDecision('TASK-1', { draft: null, reason: 'porosity, typed by anna', deviationNumber: '' });
    push('session.changed', { signedIn: false, plant: null, lastUser: 'qe.anna' });
    expect(useAlertsStore.getState().rowsById).toEqual({});
    expect(unsentDecision('TASK-1')).toBeUndefined();
    expect(useAlertsStore.getState().loaded).toBe(false);
    await settle();
    expect(lists).toBe(1);

    push('session.changed', signedInState('qe.jonas', 'quality-engineer'));
    await settle();
    expect(lists).toBe(2);
    expect(useAlertsStore.getState()).toMatchObject({ loaded: true, rowsById: {} });
    // The same person again (a pushed expiry, say) keeps what is shown.
    push('alerts.changed', alert('AL-9'));
    push('session.changed', signedInState('qe.jonas', 'quality-engineer', true));
    await settle();
    expect(lists).toBe(2);
    expect(Object.keys(useAlertsStore.getState().rowsById)).toEqual(['AL-9']);
    stop();
  });
});
