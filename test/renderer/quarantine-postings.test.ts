// The usage decision form's postings: reading what was typed, the balance against the lot, "Rest" and
// "All", fitting a refused decision to what the lot holds now, the containment ticks and the preview.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chosenContainmentLotIds } from '../../renderer/views/quarantine/containment-choice';
import {
  allTo,
  describeBalance,
  describeUnposted,
  draftFrom,
  emptyDraft,
  fitPostings,
  parseQuantityInput,
  postingBalance,
  readDraft,
  restFor,
  submitBlockedReason,
  withRest,
} from '../../renderer/views/quarantine/posting-draft';
import { describeLotOutcome } from '../../renderer/views/quarantine/quarantine-format';
import { UsageDecisionPreview } from '../../renderer/views/quarantine/usage-decision-preview';
import type { ContainmentLot, ContainmentReport } from '../../shared/api/quarantine';

const lot = { quantity: 180, unit: 'KG', decimals: 3 };
const pieces = { quantity: 1100, unit: 'EA', decimals: 0 };

describe('quantities as typed', () => {
  const typed = (text: string, unit = lot) => parseQuantityInput(text, unit.decimals, unit.unit);

  it('reads whole and decimal quantities, and nothing for empty or zero', () => {
    expect(typed(' 120 ')).toEqual({ kind: 'quantity', value: 120 });
    expect(typed('12.5')).toEqual({ kind: 'quantity', value: 12.5 });
    expect(typed('.5')).toEqual({ kind: 'quantity', value: 0.5 });
    expect(typed('')).toEqual({ kind: 'empty' });
    expect(typed('0')).toEqual({ kind: 'empty' });
  });

  it('reads a quantity grouped as the app shows it: 1,000 is a thousand', () => {
    expect(typed('1,000', pieces)).toEqual({ kind: 'quantity', value: 1000 });
    expect(typed('1,100', pieces)).toEqual({ kind: 'quantity', value: 1100 });
    expect(typed('12,345.5')).toEqual({ kind: 'quantity', value: 12345.5 });
    expect(typed('1,00')).toEqual({ kind: 'invalid', problem: 'Use a point for decimals (1.00); a comma groups thousands (1,000)' });
    expect(typed('1,0000')).toEqual({ kind: 'invalid', problem: 'Group thousands in threes, e.g. 1,000' });
  });

  it('takes no more decimals than the unit has: a whole unit is counted whole', () => {
    expect(typed('10.5', pieces)).toEqual({ kind: 'invalid', problem: 'EA counts whole units' });
    expect(typed('10.0', pieces)).toEqual({ kind: 'quantity', value: 10 });
    expect(typed('0.0001')).toEqual({ kind: 'invalid', problem: 'At most 3 decimals in KG' });
  });

  it('says what is wrong with anything else', () => {
    expect(typed('12,5')).toEqual({ kind: 'invalid', problem: 'Use a point for decimals (12.5); a comma groups thousands (1,000)' });
    expect(typed('-5')).toEqual({ kind: 'invalid', problem: 'A quantity cannot be negative' });
    expect(typed('1e3')).toEqual({ kind: 'invalid', problem: 'Type a number, e.g. 1,200 or 12.5' });
    // A whole unit's example offers no decimals.
    expect(typed('abc', pieces)).toEqual({ kind: 'invalid', problem: 'Type a whole number, e.g. 1,200' });
  });

  it('reads a draft into postings in the form’s order, and the invalid lines apart', () => {
    const reading = readDraft({ ...emptyDraft, 'return-to-vendor': '80', scrap: '100', rework: 'x' }, lot);
    expect(reading.postings).toEqual([
      { decision: 'scrap', quantity: 100 },
      { decision: 'return-to-vendor', quantity: 80 },
    ]);
    expect(reading.invalid).toEqual({ rework: 'Type a number, e.g. 1,200 or 12.5' });
  });
});

describe('the balance line', () => {
  const balanceOf = (draft: typeof emptyDraft) => postingBalance(readDraft(draft, lot).postings, lot);

  it('counts down what is left and turns into an error when over', () => {
    expect(describeBalance(balanceOf(emptyDraft))).toBe('Nothing posted yet — 180 KG to post');
    expect(describeBalance(balanceOf({ ...emptyDraft, scrap: '150' }))).toBe('Posted 150 of 180 KG — 30 KG left');
    expect(describeBalance(balanceOf({ ...emptyDraft, scrap: '150', rework: '50' }))).toBe('Posted 200 of 180 KG — 20 KG too much');
    expect(describeBalance(balanceOf({ ...emptyDraft, scrap: '100', 'return-to-vendor': '80' }))).toBe('Posted 180 of 180 KG — the whole lot');
  });

  it('adds decimals to the gram: 0.1 + 0.2 of a 0.3 lot is the whole lot', () => {
    const balance = postingBalance(readDraft({ ...emptyDraft, scrap: '0.1', rework: '0.2' }, lot).postings, { quantity: 0.3, unit: 'KG' });
    expect(balance).toMatchObject({ state: 'exact', remaining: 0 });
  });

  it('blocks the submit with the reason until the postings add up', () => {
    const reason = (draft: typeof emptyDraft) => submitBlockedReason(readDraft(draft, lot), balanceOf(draft));
    expect(reason(emptyDraft)).toBe('Post the lot’s 180 KG: type quantities, or use All on one line.');
    expect(reason({ ...emptyDraft, scrap: '150' })).toBe('Post the remaining 30 KG before submitting.');
    expect(reason({ ...emptyDraft, scrap: '200' })).toBe('The postings are 20 KG more than the lot holds: reduce them to submit.');
    expect(reason({ ...emptyDraft, scrap: '180', rework: 'abc' })).toBe('Fix the quantity for Rework: Type a number, e.g. 1,200 or 12.5.');
    expect(reason({ ...emptyDraft, scrap: '180' })).toBeNull();
  });
});

describe('Rest and All', () => {
  it('puts what the other lines leave on a line', () => {
    const draft = { ...emptyDraft, scrap: '120' };
    expect(restFor(draft, 'return-to-vendor', lot)).toBe(60);
    expect(withRest(draft, 'return-to-vendor', lot)).toEqual({ ...draft, 'return-to-vendor': '60' });
    // The line's own quantity does not count against it.
    expect(restFor({ ...draft, 'return-to-vendor': '10' }, 'return-to-vendor', lot)).toBe(60);
    // Nothing left: nothing changes.
    expect(withRest({ ...emptyDraft, scrap: '180' }, 'rework', lot)).toEqual({ ...emptyDraft, scrap: '180' });
    expect(restFor({ ...emptyDraft, scrap: '200' }, 'rework', lot)).toBe(0);
  });

  it('keeps the one-click flow: the whole lot on one line, the others cleared', () => {
    expect(allTo('scrap', 180)).toEqual({ ...emptyDraft, scrap: '180' });
    expect(readDraft(allTo('release', 12.3456), lot).postings).toEqual([{ decision: 'release', quantity: 12.346 }]);
  });
});

describe('deciding again after a conflict', () => {
  it('fits a whole-lot decision to what the lot holds now', () => {
    expect(fitPostings([{ decision: 'release', quantity: 300 }], 180)).toEqual([{ decision: 'release', quantity: 180 }]);
  });

  it('keeps a split in order while it fits; the last part takes what is left', () => {
    const split = [
      { decision: 'scrap' as const, quantity: 120 },
      { decision: 'return-to-vendor' as const, quantity: 180 },
    ];
    expect(fitPostings(split, 180)).toEqual([
      { decision: 'scrap', quantity: 120 },
      { decision: 'return-to-vendor', quantity: 60 },
    ]);
    expect(fitPostings(split, 100)).toEqual([{ decision: 'scrap', quantity: 100 }]);
    expect(fitPostings(split, 400)).toEqual([
      { decision: 'scrap', quantity: 120 },
      { decision: 'return-to-vendor', quantity: 280 },
    ]);
    expect(fitPostings(split, 0)).toEqual([]);
    expect(draftFrom(fitPostings(split, 180))).toEqual({ ...emptyDraft, scrap: '120', 'return-to-vendor': '60' });
  });
});

describe('containment ticks', () => {
  const node = (lotId: string, stockType: ContainmentLot['stockType']): ContainmentLot => ({
    lotId,
    depth: 1,
    parentLotId: 'L-1',
    productionOrderId: 'PO-1',
    itemId: 'FG-1',
    itemDescription: 'Pump',
    plant: stockType ? 'P1' : null,
    quantity: stockType ? 10 : null,
    unit: stockType ? 'EA' : null,
    stockType,
  });
  const report: ContainmentReport = { lotId: 'L-1', unit: 'KG', consumedBy: [], lots: [node('L-2', 'unrestricted'), node('L-3', 'blocked'), node('L-4', null)] };

  it('blocks every lot not blocked already, unless the engineer unticked it', () => {
    expect(chosenContainmentLotIds(report, {})).toEqual(['L-2', 'L-4']);
    expect(chosenContainmentLotIds(report, { 'L-2': false, 'L-3': true })).toEqual(['L-4']);
    expect(chosenContainmentLotIds(null, {})).toEqual([]);
  });
});

describe('what the lot becomes', () => {
  it('names the parts that stay and what leaves the plant', () => {
    expect(
      describeLotOutcome(
        'L-1',
        [
          { decision: 'rework', quantity: 100 },
          { decision: 'use-as-is', quantity: 50 },
          { decision: 'scrap', quantity: 30 },
        ],
        'KG',
      ),
    ).toEqual(['L-1: 100 KG, Blocked (rework)', 'New sub-lot: 50 KG, Restricted (use as-is with deviation)', '30 KG scrapped']);
    expect(describeLotOutcome('L-1', [{ decision: 'return-to-vendor', quantity: 300 }], 'KG')).toEqual(['300 KG returned to the supplier']);
  });
});

describe('the preview before the parts add up', () => {
  const motors = { quantity: 8021, unit: 'EA', decimals: 0 };
  const preview = (draft: typeof emptyDraft) => {
    const postings = readDraft(draft, motors).postings;
    const text = renderToStaticMarkup(createElement(UsageDecisionPreview, { lotId: 'L-003103', postings, unit: 'EA', unposted: describeUnposted(postingBalance(postings, motors)) }));
    return text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  };

  it('says what is not posted yet, not a code and valuation the rest would change', () => {
    expect(describeUnposted(postingBalance([{ decision: 'release', quantity: 1000 }], motors))).toBe('7,021 EA not posted yet');
    const partly = preview({ ...emptyDraft, release: '1,000' });
    expect(partly).toContain('7,021 EA not posted yet');
    expect(partly).not.toMatch(/A1|Accepted|Valuation/);
  });

  it('says how much too much is posted, and shows the outcome once the parts add up', () => {
    expect(describeUnposted(postingBalance([{ decision: 'release', quantity: 9021 }], motors))).toBe('1,000 EA posted more than the lot holds');
    expect(preview({ ...emptyDraft, release: '9,021' })).not.toContain('Accepted');
    expect(describeUnposted(postingBalance([], motors))).toBeNull();
    const whole = preview({ ...emptyDraft, release: '1,000', scrap: '7,021' });
    expect(whole).toContain('R9 — Partly rejected');
    expect(whole).not.toContain('not posted yet');
  });
});
