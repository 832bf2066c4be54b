// Planning-side scenarios: goods receipts in bulk and supplier delays announced by ASN.
import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent } from '../../shared/events';
import { ScenarioError } from '../../simulator/scenario';
import { closeAll, startTestGateway } from './harness';

afterEach(closeAll);

describe('supply scenarios', () => {
  it('receives goods in bulk: one valid goods.received per new unrestricted lot, in stream order', async () => {
    const gateway = await startTestGateway();
    const before = gateway.inspect.streamHead('erp');
    const last = gateway.scenario.receiveGoods(1200, 500);
    const events = gateway.inspect.events('erp').slice(before);
    expect(events).toHaveLength(1200);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 1200 }, (_, i) => before + i + 1));
    expect(events.every((e) => e.type === 'goods.received' && parseEvent(e).ok)).toBe(true);
    expect(gateway.inspect.lot(last!)).toMatchObject({ stockType: 'unrestricted', version: 1 });
    expect(() => gateway.scenario.receiveGoods(0)).toThrow(ScenarioError);
  });

  it('announces a PO line late: the ERP line takes the new date and asn.delayed carries both dates', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const line = gateway.inspect.planningDataset()!.poLines[0]!;
    const delay = gateway.scenario.supplierDelay({ poLineId: line.id, days: 9, reason: 'furnace breakdown' });
    expect(delay.previousDate).toBe(line.expectedDate);
    const event = gateway.inspect.events('erp').at(-1)!;
    expect(parseEvent(event).ok).toBe(true);
    expect(event).toMatchObject({ type: 'asn.delayed', correlationId: line.id, payload: { poLineId: line.id, previousDate: line.expectedDate, newDate: delay.newDate, reason: 'furnace breakdown' } });
    expect(gateway.inspect.planningDataset()!.poLines.find((l) => l.id === line.id)?.expectedDate).toBe(delay.newDate);
    expect(() => gateway.scenario.supplierDelay({ poLineId: 'PO-nope/10' })).toThrow(/poLineId: unknown PO schedule line/);
    expect(() => gateway.scenario.supplierDelay({ poLineId: line.id, days: 0 })).toThrow(/days/);
  });

  it('refuses a supplier delay without planning data, naming why', async () => {
    const gateway = await startTestGateway();
    expect(() => gateway.scenario.supplierDelay()).toThrow(/plays no planning data/);
  });

  it('stops a line with orders coming up: line.stopped on the ERP stream; a reroute moves the order once', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05 });
    const stopped = gateway.scenario.lineStopped({ days: 4 });
    const event = gateway.inspect.events('erp').at(-1)!;
    expect(parseEvent(event).ok).toBe(true);
    expect(event).toMatchObject({ type: 'line.stopped', plant: stopped.plant, payload: { stoppageId: stopped.stoppageId, line: stopped.line, expectedDays: 4 } });
    const dataset = gateway.inspect.planningDataset()!;
    expect(dataset.lines.some((l) => l.plant === stopped.plant && l.line === stopped.line && l.capacityPerDay > 0)).toBe(true);
    expect(() => gateway.scenario.lineStopped({ plant: 'P1', line: 'L99' })).toThrow(/line: no production order on line L99/);
    expect(() => gateway.scenario.lineStopped({ days: 0 })).toThrow(/days/);
    gateway.scenario.lineRestarted(stopped.stoppageId, stopped.plant, stopped.line);
    expect(gateway.inspect.events('erp').at(-1)).toMatchObject({ type: 'line.restarted', payload: { stoppageId: stopped.stoppageId } });
  });
});
