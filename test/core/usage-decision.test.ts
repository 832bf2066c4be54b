// The rules of a partial usage decision, shared by the app and the gateway: postings add up to the lot,
// where each part's stock goes, the sub-lots a split makes, and the valuation and code that follow.
import { describe, expect, it } from 'vitest';
import { stockAfterDisposition } from '../../shared/domain';
import {
  checkDeviationNumber,
  checkPostings,
  defaultDeviationNumberPattern,
  describeDeviationNumber,
  deviationNumberPlaceholder,
  followUpActions,
  splitLot,
  usageDecisionCode,
  usagePostingsSchema,
  usageValuation,
} from '../../shared/usage-decision';

const lot = { lotId: 'L-1', quantity: 180, unit: 'KG' };

describe('partial usage decisions', () => {
  it('accepts postings that add up to the lot exactly, decimals included', () => {
    expect(checkPostings([{ decision: 'scrap', quantity: 100 }, { decision: 'return-to-vendor', quantity: 80 }], lot, 3)).toBeNull();
    expect(checkPostings([{ decision: 'scrap', quantity: 0.1 }, { decision: 'release', quantity: 0.2 }], { ...lot, quantity: 0.3 }, 3)).toBeNull();
  });

  it('refuses postings over or under the lot, naming both quantities', () => {
    expect(checkPostings([{ decision: 'scrap', quantity: 100 }, { decision: 'release', quantity: 50 }], lot, 3)).toBe('postings: the quantities add up to 150 KG, but lot L-1 holds 180 KG');
    expect(checkPostings([{ decision: 'scrap', quantity: 181 }], lot, 3)).toBe('postings: the quantities add up to 181 KG, but lot L-1 holds 180 KG');
  });

  it('refuses a quantity its unit cannot hold, naming the posting: no 10.5 of a whole unit', () => {
    const pieces = { lotId: 'L-2', quantity: 1100, unit: 'EA' };
    expect(checkPostings([{ decision: 'release', quantity: 600 }, { decision: 'scrap', quantity: 500 }], pieces, 0)).toBeNull();
    expect(checkPostings([{ decision: 'release', quantity: 10.5 }, { decision: 'scrap', quantity: 1089.5 }], pieces, 0)).toBe('postings[0].quantity: 10.5 EA is not a whole number; EA counts whole units');
    expect(checkPostings([{ decision: 'release', quantity: 0.0005 }, { decision: 'scrap', quantity: 179.9995 }], lot, 3)).toBe('postings[0].quantity: 0.0005 KG has more than 3 decimals');
  });

  it('refuses the same kind of posting twice, none at all, and a zero quantity', () => {
    const twice = usagePostingsSchema.safeParse([{ decision: 'scrap', quantity: 1 }, { decision: 'scrap', quantity: 2 }]);
    expect(twice.success ? null : twice.error.issues[0]?.message).toBe('each kind of posting at most once');
    expect(usagePostingsSchema.safeParse([]).success).toBe(false);
    const zero = usagePostingsSchema.safeParse([{ decision: 'release', quantity: 0 }]);
    expect(zero.success ? null : zero.error.issues[0]?.message).toBe('must be more than 0');
  });

  it('moves each part to its stock type: released unrestricted, use-as-is restricted, rework and kept blocked; scrap and returns leave', () => {
    expect(stockAfterDisposition('release')).toEqual({ stockType: 'unrestricted', keepsQuantity: true });
    expect(stockAfterDisposition('use-as-is')).toEqual({ stockType: 'restricted', keepsQuantity: true });
    expect(stockAfterDisposition('rework')).toEqual({ stockType: 'blocked', keepsQuantity: true });
    expect(stockAfterDisposition('keep-blocked')).toEqual({ stockType: 'blocked', keepsQuantity: true });
    expect(stockAfterDisposition('scrap').keepsQuantity).toBe(false);
    expect(stockAfterDisposition('return-to-vendor').keepsQuantity).toBe(false);
  });

  it('splits a lot: the first part that stays keeps its id, each further one is a sub-lot named after the version decided on', () => {
    const split = splitLot('L-1', 3, [
      { decision: 'scrap', quantity: 20 },
      { decision: 'release', quantity: 100 },
      { decision: 'use-as-is', quantity: 35 },
      { decision: 'rework', quantity: 25 },
    ]);
    expect(split.parts).toEqual([
      { lotId: 'L-1', decision: 'release', stockType: 'unrestricted', quantity: 100 },
      { lotId: 'L-1-3.1', decision: 'use-as-is', stockType: 'restricted', quantity: 35 },
      { lotId: 'L-1-3.2', decision: 'rework', stockType: 'blocked', quantity: 25 },
    ]);
    expect(split.leaving).toEqual([{ decision: 'scrap', quantity: 20 }]);
  });

  it('leaves an empty blocked lot when all of it is scrapped or returned', () => {
    expect(splitLot('L-1', 3, [{ decision: 'scrap', quantity: 100 }, { decision: 'return-to-vendor', quantity: 80 }]).parts).toEqual([{ lotId: 'L-1', decision: 'scrap', stockType: 'blocked', quantity: 0 }]);
  });

  it('values and codes the decision as QM does, with its follow-up actions', () => {
    expect([usageValuation([{ decision: 'release', quantity: 1 }]), usageDecisionCode([{ decision: 'release', quantity: 1 }]).code]).toEqual(['accept', 'A1']);
    expect(usageDecisionCode([{ decision: 'release', quantity: 1 }, { decision: 'use-as-is', quantity: 1 }])).toEqual({ code: 'A2', text: 'Accepted under deviation' });
    expect(usageDecisionCode([{ decision: 'return-to-vendor', quantity: 1 }])).toEqual({ code: 'R2', text: 'Rejected: return to vendor' });
    const split = [{ decision: 'scrap' as const, quantity: 100 }, { decision: 'return-to-vendor' as const, quantity: 80 }];
    expect([usageValuation(split), usageDecisionCode(split).code]).toEqual(['reject', 'R9']);
    expect(followUpActions(split)).toEqual(['scrap posting', 'return delivery and supplier complaint']);
  });
});

describe('deviation numbers, as a person on the floor reads them', () => {
  it('shows one example the default pattern accepts, the same in the placeholder and the refusal, and no regular expression', () => {
    const known = describeDeviationNumber(defaultDeviationNumberPattern);
    expect(known).toEqual({ form: 'DEV- and up to 8 digits', example: 'DEV-0042' });
    expect(checkDeviationNumber(known!.example, defaultDeviationNumberPattern)).toBeNull();
    expect(deviationNumberPlaceholder(defaultDeviationNumberPattern)).toBe('e.g. DEV-0042');
    const refusal = checkDeviationNumber('x', defaultDeviationNumberPattern);
    expect(refusal).toBe('deviationNumber: "x" is not a deviation number; it must be DEV- and up to 8 digits, e.g. DEV-0042');
    expect(refusal).not.toContain(defaultDeviationNumberPattern);
    // A year in the number, as the placeholder once suggested, is refused by the default pattern.
    expect(checkDeviationNumber('DEV-2025-0142', defaultDeviationNumberPattern)).not.toBeNull();
  });

  it('shows the pattern itself for a custom pattern from settings, as a regular expression is all that is known of it', () => {
    const custom = '^QN-\\d{4}$';
    expect(describeDeviationNumber(custom)).toBeNull();
    expect(deviationNumberPlaceholder(custom)).toBe('matching ^QN-\\d{4}$');
    expect(checkDeviationNumber('QN-12', custom)).toBe('deviationNumber: "QN-12" is not a deviation number; it must be a number matching the pattern ^QN-\\d{4}$');
    expect(checkDeviationNumber('QN-1234', custom)).toBeNull();
  });
});
