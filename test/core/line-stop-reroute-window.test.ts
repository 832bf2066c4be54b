// A held-up order rerouted to another line never starts before the stop's first day: an order already
// under way starts over there today, keeping its length; one not yet started keeps its own window.
import { describe, expect, it } from 'vitest';
import { elsewhere } from '../../orchestration-core/workflows/line-stop/worlds';
import type { HeldUpOrder, LineStopDetail } from '../../shared/api/impact';
import type { ProductionOrder } from '../../shared/dataset';

const detail: LineStopDetail = { stoppageId: 'LS-1', plant: 'P1', line: 'L1', from: '2026-12-10', expectedDays: 4, reason: 'spindle', restartedOn: null, orders: [] };
const record: ProductionOrder = { id: 'MO-1', itemId: 'FG-1', plant: 'P1', line: 'L1', quantity: 40, startDate: '2026-12-08', dueDate: '2026-12-11', priority: 1, components: [] };
const held = (startDate: string, dueDate: string): HeldUpOrder => ({ productionOrderId: 'MO-1', itemId: 'FG-1', quantity: 40, startDate, dueDate, waitingStartDate: '2026-12-14', waitingDueDate: '2026-12-17', alternates: [], alternatesEvaluated: false, rerouted: null });

describe('the window a rerouted order is made in', () => {
  it('starts on the stop\'s first day when the order was under way, keeping its length', () => {
    expect(elsewhere(record, detail, held('2026-12-08', '2026-12-11'))).toMatchObject({ startDate: '2026-12-10', dueDate: '2026-12-13', plant: 'P1', line: 'L1' });
  });

  it('keeps the order\'s own window when it starts on or after the stop', () => {
    expect(elsewhere(record, detail, held('2026-12-12', '2026-12-15'))).toMatchObject({ startDate: '2026-12-12', dueDate: '2026-12-15' });
  });
});
