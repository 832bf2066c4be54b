// A decided lot stops ageing: the panel says how long it was on hold and when it was decided, the Age
// column and the age filter count to the decision, while a lot still waiting keeps counting.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lotMatchesFilters, noFilters } from '../../renderer/state/quarantine-filters';
import { formatDateTime } from '../../renderer/format/time';
import { LotFacts } from '../../renderer/views/quarantine/lot-facts';
import { quarantineColumns } from '../../renderer/views/quarantine/quarantine-columns';
import { describeHold, formatHoldAge } from '../../renderer/views/quarantine/quarantine-format';
import { columnOf, shownOf, sortBy } from '../helpers/grid-columns';
import { quarantineRow } from '../helpers/quarantine-row';

const hour = 3_600_000;
const holdSince = '2026-12-04T13:14:00.000Z';
const decidedAt = '2026-12-06T22:48:00.000Z';
const decided = quarantineRow('L-003106', { holdSince, taskState: 'decided', decidedBy: 'qe.maria', decidedAt, decisionCode: 'R9' });
const waiting = quarantineRow('L-003103', { holdSince: '2026-12-05T13:14:00.000Z' });
const textOf = (html: string) => html.replace(/<\/(dt|dd)>/g, ' ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('time on hold', () => {
  it('stops at the decision for a decided lot and keeps counting for one that waits', () => {
    const soon = Date.parse(decidedAt) + hour;
    const weekLater = Date.parse(decidedAt) + 7 * 24 * hour;
    expect(formatHoldAge(decided, soon)).toBe('2 d');
    expect(formatHoldAge(decided, weekLater)).toBe('2 d');
    expect(formatHoldAge(waiting, soon)).toBe('1 d');
    expect(formatHoldAge(waiting, weekLater)).toBe('8 d');
    // Awaiting approval, or pending upstream, the lot is still on hold: it keeps counting.
    expect(formatHoldAge({ ...decided, taskState: 'pending-upstream' }, weekLater)).toBe('9 d');
  });

  it('says in the panel how long a decided lot was on hold and when it was decided', () => {
    const weekLater = Date.parse(decidedAt) + 7 * 24 * hour;
    expect(describeHold(decided, weekLater)).toBe(`2 d, from ${formatDateTime(holdSince)} until decided ${formatDateTime(decidedAt)}`);
    expect(describeHold(waiting, weekLater)).toBe(`8 d, since ${formatDateTime(waiting.holdSince)}`);
    const facts = textOf(renderToStaticMarkup(createElement(LotFacts, { row: decided, now: weekLater })));
    expect(facts).toContain(`On hold 2 d, from ${formatDateTime(holdSince)} until decided ${formatDateTime(decidedAt)}`);
    // Decided without a time this workstation heard (an inspection lot passed upstream): no age that keeps growing.
    const passed = { ...decided, decidedAt: null };
    expect(formatHoldAge(passed, weekLater)).toBe('—');
    expect(describeHold(passed, weekLater)).toBe(`from ${formatDateTime(holdSince)} until its usage decision (when, this workstation has not heard)`);
  });

  describe('in the grid', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(decidedAt) + 7 * 24 * hour }));
    afterEach(() => vi.useRealTimers());

    it('shows the Age of a decided lot as it was at the decision, sorts and filters by it', () => {
      const age = columnOf(quarantineColumns, 'age');
      expect(shownOf(age, decided)).toBe('2 d');
      expect(shownOf(age, waiting)).toBe('8 d');
      expect(typeof age.tooltipValueGetter === 'function' && age.tooltipValueGetter({ data: decided } as never)).toBe(`On hold ${describeHold(decided, Date.now())}`);
      // Ascending, longest on hold first: the lot that waits 8 d before the one held 2 d until decided, though that one went on hold first.
      expect(sortBy(quarantineColumns, 'age', [decided, waiting]).map((row) => row.lotId)).toEqual(['L-003103', 'L-003106']);
      expect(lotMatchesFilters(decided, { ...noFilters, age: 'over-24h' }, Date.now())).toBe(true);
      expect(lotMatchesFilters(decided, { ...noFilters, age: 'over-3d' }, Date.now())).toBe(false);
      expect(lotMatchesFilters(waiting, { ...noFilters, age: 'over-3d' }, Date.now())).toBe(true);
    });
  });
});
