// How an adjustment approval and a held lot's cycle count read in Approvals and Quarantine.
import { describe, expect, it } from 'vitest';
import type { AdjustmentRequest } from '../../shared/api/approvals';
import { adjustmentFacts, describeMovement, formatDifference } from '../../renderer/views/approvals/adjustment-format';
import { requestSourceLines, requestTermsLines } from '../../renderer/views/approvals/approval-format';
import { describeLotCycleCount } from '../../renderer/views/quarantine/hold-notes';

const adjustment: AdjustmentRequest = {
  countId: 'CC-000007',
  plant: 'P1',
  bin: 'P1-B000132',
  itemId: 'RM-000031',
  lotId: 'L-000132',
  itemClass: 'B',
  countedQuantity: 1840,
  bookQuantity: 2000,
  unit: 'EA',
  unitPrice: 12.5,
  countedBy: 'op.lena',
  countedAt: '2026-12-07T10:00:00.000Z',
  picksPaused: false,
  lastMovements: [{ at: '2026-12-06T08:00:00.000Z', kind: 'goods-issue', quantity: -200, document: 'GI-L-000132' }],
  difference: -160,
  percent: 8,
  value: 2000,
  tolerance: { quantityPercent: 2, value: 250 },
};
const none = { substitution: null, deviation: null, transfer: null, fromItemDescription: 'Hex nut M8', toItemDescription: '' };

describe('an adjustment approval', () => {
  it('names the bin over its book, and the difference with its sign over its share and value', () => {
    expect(requestSourceLines({ ...none, adjustment })).toMatchObject({ primary: 'Bin P1-B000132', secondary: '2,000 EA · Hex nut M8' });
    expect(requestTermsLines({ ...none, adjustment })).toMatchObject({ primary: '−160 EA', secondary: expect.stringMatching(/^8 % · value .*2,000/) });
    expect(formatDifference(12, 'KG')).toBe('+12 KG');
  });

  it('lists the count, the book, the difference, its value and the tolerance it went past', () => {
    const facts = Object.fromEntries(adjustmentFacts(adjustment, 'Hex nut M8'));
    expect(facts).toMatchObject({ Counted: '1,840 EA', Book: '2,000 EA', Difference: '−160 EA (8 %)', Lot: 'L-000132' });
    expect(facts['Tolerance']).toMatch(/^class B: 2 % and .*250/);
    expect(facts['Item']).toBe('RM-000031 — Hex nut M8 (class B)');
    expect(facts['Value']).toMatch(/2,000 \(12\.50 per EA\)$/);
    expect(describeMovement(adjustment.lastMovements[0]!, 'EA')).toMatch(/ · goods issue −200 EA · GI-L-000132$/);
  });

  it('reads on a held lot with where its adjustment stands', () => {
    const text = describeLotCycleCount({ countId: 'CC-000007', bin: 'P1-B000132', countedQuantity: 1840, bookQuantity: 2000, difference: -160, value: 2000, withinTolerance: false, countedBy: 'op.lena', countedAt: adjustment.countedAt, status: 'recount', approvalId: 'AP-CC-000007', note: 'rejected by sv.ines: count again' }, 'EA');
    expect(text).toMatch(/^1,840 EA counted in bin P1-B000132, 2,000 EA on the book \(−160 EA, value .*2,000.*\), by op\.lena .*: adjustment rejected: the bin is counted again \(rejected by sv\.ines: count again\)$/);
  });
});
