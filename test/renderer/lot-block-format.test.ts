// A lot block's facts as a planner reads them: the usage decision once the ERP posted it, in the lot's unit.
import { describe, expect, it } from 'vitest';
import type { LotBlockDetail } from '../../shared/api/impact';
import { describeLotDecision } from '../../renderer/views/order-impact/lot-block-format';

const block: LotBlockDetail = { lotId: 'L-1', inspectionLotId: 'IL-9', quantity: 100, unit: 'KG', supplierId: 'S-1', defectCode: 'DIM', defectText: 'Out of tolerance' };

describe('lot block facts', () => {
  it('says the quality engineer has yet to decide until the ERP posts the usage decision', () => {
    expect(describeLotDecision(block)).toBe('Awaiting the quality engineer');
  });

  it('names the code, each posting in the lot’s unit, who decided and when', () => {
    const decided = { ...block, usageDecision: { code: 'R9', decidedBy: 'qe.anna', decidedAt: '2026-11-02T09:00:00.000Z', postings: [{ decision: 'release' as const, quantity: 50.5 }, { decision: 'scrap' as const, quantity: 49.5 }] } };
    const text = describeLotDecision(decided);
    expect(text).toMatch(/^R9 · Release to unrestricted 50\.5 KG, Scrap 49\.5 KG · by qe\.anna at /);
    expect(text).toContain('2026');
  });
});
