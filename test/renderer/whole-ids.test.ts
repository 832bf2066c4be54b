// Ids in a wrapping cell stay on one line: the sentence is split into ids and the words between them.
import { describe, expect, it } from 'vitest';
import { splitAtIds } from '../../renderer/grid/whole-ids';

const ids = (text: string) => splitAtIds(text).filter((part) => part.id).map((part) => part.text);

describe('ids in a sentence', () => {
  it('finds lot, item, deviation, PO line and transfer ids whole', () => {
    expect(ids('Use 35 KG of lot L-000161 as is under deviation DEV-2026-0042')).toEqual(['L-000161', 'DEV-2026-0042']);
    expect(ids('Substitute RM-001533 for RM-001532 in 2 production orders (P2)')).toEqual(['RM-001533', 'RM-001532']);
    expect(ids('Supplier delay on PO-0003065/10.')).toEqual(['PO-0003065/10']);
    expect(ids('RB-FG-000019-P3-P1-2026-11-28')).toEqual(['RB-FG-000019-P3-P1-2026-11-28']);
  });

  it('keeps every character, in order, and leaves plain words alone', () => {
    const text = 'Transfer 95 EA of FG-000003 from P2 to P3 (value 107350)';
    expect(splitAtIds(text).map((part) => part.text).join('')).toBe(text);
    expect(splitAtIds('planner.anna')).toEqual([{ text: 'planner.anna', id: false }]);
    expect(splitAtIds('')).toEqual([]);
  });
});
