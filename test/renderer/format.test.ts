// The renderer's formatters: what the quality engineer reads in the grid, the panel and the status bar.
import { describe, expect, it } from 'vitest';
import { formatPlanDay } from '../../renderer/format/time';
import { connectorLabel, stockTypeLabels } from '../../renderer/format/labels';
import { formatCount, formatPercent, formatQuantity } from '../../renderer/format/numbers';
import { formatAge, formatDateTime, formatDue, formatDuration, formatTimeAgo, withLocalTimes } from '../../renderer/format/time';
import { ApiCallError } from '../../renderer/api/api-call-error';
import { offlineBannerText } from '../../renderer/app/offline-banner-text';
import type { ConnectorStatus } from '../../shared/api/connectors';
import { stockTypes } from '../../shared/domain';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const now = Date.parse('2026-11-22T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('quantities', () => {
  it('groups thousands, keeps up to three decimals, and names the unit', () => {
    expect(formatQuantity(1320, 'EA')).toBe('1,320 EA');
    expect(formatQuantity(93.4, 'KG')).toBe('93.4 KG');
    expect(formatQuantity(1234567.12345, 'M')).toBe('1,234,567.123 M');
    expect(formatQuantity(0, 'EA')).toBe('0 EA');
    expect(formatQuantity(12, '')).toBe('12');
  });

  it('shows a share as a percentage, to a tenth where it matters', () => {
    expect(formatPercent(0.1)).toBe('10%');
    expect(formatPercent(0.95)).toBe('95%');
    expect(formatPercent(0.925)).toBe('92.5%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('counts with singular and plural', () => {
    expect(formatCount(1, 'lot')).toBe('1 lot');
    expect(formatCount(1200, 'lot')).toBe('1,200 lots');
    expect(formatCount(0, 'decision')).toBe('0 decisions');
  });
});

describe('ages and times ago', () => {
  it('shows a hold age in the coarsest unit that is still useful', () => {
    expect(formatAge(ago(20_000), now)).toBe('< 1 min');
    expect(formatAge(ago(12 * minute + 59_000), now)).toBe('12 min');
    expect(formatAge(ago(3 * hour + 59 * minute), now)).toBe('3 h');
    expect(formatAge(ago(2 * day + 23 * hour), now)).toBe('2 d');
  });

  it('says how long until a decision is due, or how long it is overdue', () => {
    const dueIn = (ms: number) => formatDue(new Date(now + ms).toISOString(), now);
    expect(dueIn(3 * hour + 10 * minute)).toEqual({ text: 'due in 3 h 10 min', overdue: false });
    expect(formatDue(ago(20 * minute), now)).toEqual({ text: 'overdue 20 min', overdue: true });
    expect(formatDue('soon', now)).toEqual({ text: '—', overdue: false });
  });

  it('reads a 4-hour SLA as 4 h right after the request, and to the minute in its last hours', () => {
    const dueIn = (ms: number) => formatDue(new Date(now + ms).toISOString(), now).text;
    // The request was made a few seconds ago: nothing of the fourth hour has gone yet.
    expect(dueIn(4 * hour - 5_000)).toBe('due in 4 h');
    expect(dueIn(4 * hour)).toBe('due in 4 h');
    expect(dueIn(3 * hour + 59 * minute)).toBe('due in 3 h 59 min');
    expect(dueIn(3 * hour + 20 * minute)).toBe('due in 3 h 20 min');
    expect(dueIn(3 * hour + 19 * minute + 1_000)).toBe('due in 3 h 20 min');
    expect(dueIn(hour)).toBe('due in 1 h');
    expect(dueIn(59 * minute + 30_000)).toBe('due in 1 h');
    expect(dueIn(12 * minute)).toBe('due in 12 min');
    expect(dueIn(20_000)).toBe('due in 1 min');
    expect(dueIn(26 * hour + 10 * minute)).toBe('due in 1 d 3 h');
  });

  it('counts time overdue down, to the minute, so it never reads later than it is', () => {
    expect(formatDue(ago(20_000), now)).toEqual({ text: 'overdue < 1 min', overdue: true });
    expect(formatDue(ago(hour + 5 * minute + 50_000), now).text).toBe('overdue 1 h 5 min');
    expect(formatDue(ago(2 * hour), now).text).toBe('overdue 2 h');
    expect(formatDue(ago(2 * day + 23 * hour + 59 * minute), now).text).toBe('overdue 2 d 23 h');
  });

  it('never shows a negative age when the gateway clock is ahead, nor NaN for bad input', () => {
    expect(formatAge(new Date(now + 5 * minute).toISOString(), now)).toBe('< 1 min');
    expect(formatAge('yesterday-ish', now)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('says how long ago a sync was', () => {
    expect(formatTimeAgo(null, now)).toBe('never');
    expect(formatTimeAgo(ago(2000), now)).toBe('just now');
    expect(formatTimeAgo(ago(42_000), now)).toBe('42 s ago');
    expect(formatTimeAgo(ago(3 * minute), now)).toBe('3 min ago');
    expect(formatTimeAgo(ago(5 * hour), now)).toBe('5 h ago');
  });
});

describe('labels', () => {
  it('has a readable label for every stock type', () => {
    for (const type of stockTypes) expect(stockTypeLabels[type]).toMatch(/^[A-Z][a-z ]+$/);
    expect(stockTypeLabels['quality-inspection']).toBe('Quality inspection');
  });

  it('names connectors as people say them', () => {
    expect(connectorLabel({ id: 'erp', kind: 'erp' })).toBe('ERP');
    expect(connectorLabel({ id: 'plant-P1', kind: 'plant' })).toBe('Plant P1');
    expect(connectorLabel({ id: 'erp-eu', kind: 'erp' })).toBe('ERP erp-eu');
  });
});

describe('offline banner', () => {
  const status = (id: string, state: ConnectorStatus['state'], queueDepth: number): ConnectorStatus => ({
    id,
    kind: id === 'erp' ? 'erp' : 'plant',
    url: `http://127.0.0.1:4100/${id}`,
    state,
    queueDepth,
    lastSyncAt: null,
    lastError: null,
    streams: [],
    reconnects: 0,
  });

  it('is absent while every connector is online or catching up', () => {
    expect(offlineBannerText([status('erp', 'online', 2), status('plant-P1', 'catching-up', 0)])).toBeNull();
    expect(offlineBannerText([])).toBeNull();
  });

  it('counts the decisions queued across connectors', () => {
    expect(offlineBannerText([status('erp', 'offline', 3), status('plant-P1', 'online', 0)])).toBe(
      'Offline — 3 decisions queued; they will be sent when the connection returns',
    );
    expect(offlineBannerText([status('erp', 'offline', 1)])).toBe('Offline — 1 decision queued; it will be sent when the connection returns');
    expect(offlineBannerText([status('erp', 'offline', 0)])).toMatch(/^Offline — no decisions queued/);
  });
});

describe('plan dates, short', () => {
  const inDecember2026 = Date.parse('2026-12-06T10:00:00Z');
  it('leave the year out in the current year and show it outside it', () => {
    expect(formatPlanDay('2026-12-09', inDecember2026)).toBe('09 Dec');
    expect(formatPlanDay('2027-01-05', inDecember2026)).toBe('05 Jan 2027');
    expect(formatPlanDay('2025-11-30', inDecember2026)).toBe('30 Nov 2025');
    expect(formatPlanDay('not a date', inDecember2026)).toBe('not a date');
  });
});

describe('times inside messages', () => {
  it('reads a gateway message’s timestamps in the user’s time zone and leaves the rest as it is', () => {
    const until = '2026-12-07T14:05:00.000Z';
    expect(withLocalTimes(`password: wrong; qe.anna is locked until ${until}`)).toBe(`password: wrong; qe.anna is locked until ${formatDateTime(until)}`);
    expect(formatDateTime(until)).not.toContain('T14');
    expect(withLocalTimes('stale: lot L-1 is at version 4, planned 2026-12-07')).toBe('stale: lot L-1 is at version 4, planned 2026-12-07');
    const failure = new ApiCallError({ code: 'forbidden', message: `user: qe.anna is locked after 5 wrong passwords until ${until}` });
    expect(failure.message).toBe(`user: qe.anna is locked after 5 wrong passwords until ${formatDateTime(until)}`);
  });
});

