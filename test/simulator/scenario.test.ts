import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseEvent } from '../../shared/events';
import type { PoLine } from '../../shared/dataset';
import { defectCatalogue } from '../../simulator/world';
import { ScenarioError } from '../../simulator/scenario';
import { allStreams } from '../../simulator/streams';
import { closeAll, fixedClock, purchasedItem, startTestGateway, waitUntil } from './harness';

afterEach(closeAll);

describe('scenario events', () => {
  it('an inspection failure is a goods receipt on erp then a failed inspection on qms.P1', async () => {
    const gateway = await startTestGateway({ clock: fixedClock });
    const item = purchasedItem(gateway);
    const { lotId, inspectionLotId } = gateway.scenario.inspectionFailure({ itemId: item.id, quantity: 120 });
    expect(lotId).toMatch(/^L-\d{6}$/);
    expect(inspectionLotId).toMatch(/^IL-\d{6}$/);
    const [received] = gateway.inspect.events('erp');
    const [failed] = gateway.inspect.events('qms.P1');
    expect(received).toMatchObject({
      stream: 'erp',
      seq: 1,
      type: 'goods.received',
      source: 'simulator',
      occurredAt: '2025-03-14T09:30:00.000Z',
      plant: 'P1',
      correlationId: lotId,
      schemaVersion: 1,
      payload: {
        lotId,
        lotVersion: 1,
        itemId: item.id,
        plant: 'P1',
        quantity: 120,
        unit: 'EA',
        stockType: 'quality-inspection',
        supplierId: item.supplierId,
        purchaseOrder: expect.stringMatching(/^PO-\d{7}$/) as unknown,
      },
    });
    expect(failed).toMatchObject({
      stream: 'qms.P1',
      seq: 1,
      type: 'inspection.failed',
      correlationId: lotId,
      payload: { lotId, lotVersion: 2, inspectionLotId, itemId: item.id, quantity: 120, unit: 'EA' },
    });
    const defect = failed?.payload as { defectCode: string; defectText: string };
    expect(defectCatalogue).toContainEqual({ code: defect.defectCode, text: defect.defectText });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'quality-inspection', version: 2, quantity: 120 });
  });

  it('inspection passed frees the lot; consumption reduces it; each bumps the version once', async () => {
    const gateway = await startTestGateway();
    const { lotId, inspectionLotId } = gateway.scenario.inspectionFailure({ itemId: purchasedItem(gateway, 'KG').id, quantity: 10.5 });
    const consumed = gateway.scenario.consumeLot(lotId, 0.2);
    // A production order, in the production orders' own number range.
    expect(consumed).toEqual({ lotId, productionOrderId: expect.stringMatching(/^MO-\d{7}$/) as unknown, version: 3 });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ quantity: 10.3, version: 3 });
    expect(gateway.scenario.inspectionPassed(lotId)).toEqual({ lotId, inspectionLotId, version: 4 });
    expect(gateway.inspect.lot(lotId)).toMatchObject({ stockType: 'unrestricted', version: 4 });
    expect(gateway.inspect.events('mes.P1').map((event) => event.payload)).toEqual([
      { lotId, lotVersion: 3, productionOrderId: consumed.productionOrderId, quantity: 0.2 },
    ]);
    expect(gateway.inspect.events('qms.P1').at(-1)).toMatchObject({
      type: 'inspection.passed',
      payload: { lotId, lotVersion: 4, inspectionLotId },
    });
  });

  it('every event the scenarios produce parses with the shared schemas', async () => {
    const gateway = await startTestGateway();
    const lots = gateway.scenario.burst(40);
    lots.slice(0, 10).forEach((lotId) => gateway.scenario.consumeLot(lotId, 1));
    lots.slice(10, 20).forEach((lotId) => gateway.scenario.inspectionPassed(lotId));
    const events = allStreams().flatMap((stream) => gateway.inspect.events(stream));
    expect(events).toHaveLength(100);
    for (const event of events) expect(parseEvent(event)).toMatchObject({ ok: true });
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it('refuses what it cannot play, naming the field, and changes nothing', async () => {
    const gateway = await startTestGateway();
    const lotElsewhere = gateway.inspect.lot('L-000101')?.plant === 'P1' ? undefined : gateway.inspect.lot('L-000101');
    const pieces = purchasedItem(gateway, 'EA');
    expect(() => gateway.scenario.inspectionFailure({ plant: 'P2' })).toThrow(/^plant:/);
    expect(() => gateway.scenario.inspectionFailure({ itemId: 'M-9999' })).toThrow(/^itemId:/);
    expect(() => gateway.scenario.inspectionFailure({ quantity: -1 })).toThrow(/^quantity:/);
    expect(() => gateway.scenario.inspectionFailure({ itemId: pieces.id, quantity: 10.5 })).toThrow(/^quantity: 10\.5 EA is not a whole number; EA counts whole units$/);
    const made = gateway.inspect.items().find((item) => item.supplierId === undefined)!;
    expect(() => gateway.scenario.inspectionFailure({ itemId: made.id, quantity: 5 })).toThrow(/^itemId: .* is made in-house/);
    expect(() => gateway.scenario.consumeLot('L-999999', 1)).toThrow(ScenarioError);
    if (lotElsewhere) expect(() => gateway.scenario.consumeLot(lotElsewhere.lotId, 1)).toThrow(/does not play/);
    const { lotId } = gateway.scenario.inspectionFailure({ itemId: pieces.id, quantity: 5 });
    expect(() => gateway.scenario.consumeLot(lotId, 6)).toThrow(/^quantity:/);
    expect(() => gateway.scenario.consumeLot(lotId, 0.5)).toThrow(/^quantity: 0\.5 EA is not a whole number/);
    gateway.scenario.inspectionPassed(lotId);
    expect(() => gateway.scenario.inspectionPassed(lotId)).toThrow(/not in quality inspection/);
    expect(gateway.inspect.streamHead('erp')).toBe(1);
    expect(gateway.inspect.streamHead('qms.P1')).toBe(2);
    expect(gateway.inspect.streamHead('mes.P1')).toBe(0);
  });

  it('scripts an inspection failure every N ms until closed', async () => {
    const gateway = await startTestGateway({ inspectionFailureEveryMs: 20 });
    await waitUntil(() => gateway.inspect.streamHead('qms.P1') >= 3, 'three scripted failures');
    await gateway.close();
    const spy = vi.spyOn(console, 'error');
    await new Promise((resolve) => setTimeout(resolve, 80));
    // A timer left running would hit the closed database and log.
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('open inspections', () => {
  it('the seed holds some failed inspections open; a failure opens one, a usage decision or a pass closes it', async () => {
    const gateway = await startTestGateway({ clock: fixedClock });
    const seeded = gateway.inspect.openInspections();
    expect(seeded.length).toBeGreaterThan(0);
    for (const open of seeded) expect(gateway.inspect.lot(open.lotId)?.inspectionLotId).toBe(open.inspectionLotId);
    const item = purchasedItem(gateway);
    const failed = gateway.scenario.inspectionFailure({ itemId: item.id, quantity: 50 });
    expect(gateway.inspect.openInspections()).toContainEqual(expect.objectContaining({ lotId: failed.lotId, inspectionLotId: failed.inspectionLotId, failedAt: '2025-03-14T09:30:00.000Z' }));
    const passed = gateway.scenario.inspectionFailure({ itemId: item.id, quantity: 50 });
    gateway.scenario.inspectionPassed(passed.lotId);
    expect(gateway.inspect.openInspections().map((open) => open.lotId)).not.toContain(passed.lotId);
  });
});

describe('one world', () => {
  it('by default a delivery the plan counts on fails: a PO line due soon at P1 arrives and leaves the open purchase orders', async () => {
    const gateway = await startTestGateway({ planningScale: 0.05, clock: () => new Date('2026-12-06T08:00:00Z') });
    const before = gateway.inspect.planningDataset()!;
    const { lotId } = gateway.scenario.inspectionFailure();
    const received = gateway.inspect.events('erp').at(-1)!;
    const payload = received.payload as { poLineId: string; itemId: string; quantity: number; supplierId: string };
    const line = before.poLines.find((l: PoLine) => l.id === payload.poLineId)!;
    expect(line).toMatchObject({ plant: 'P1', itemId: payload.itemId, quantity: payload.quantity, supplierId: payload.supplierId });
    expect(line.expectedDate <= '2026-12-20').toBe(true);
    expect(gateway.inspect.planningDataset()!.poLines.map((l) => l.id)).not.toContain(line.id);
    expect(gateway.inspect.lot(lotId)).toMatchObject({ itemId: line.itemId, quantity: line.quantity, stockType: 'quality-inspection' });
    // The same lot is in the ERP's planning data: one set of lots.
    expect(gateway.inspect.planningDataset()!.lots.find((l) => l.lotId === lotId)).toMatchObject({ itemId: line.itemId, stockType: 'quality-inspection' });
  });

  it('dates the world from the gateway clock\'s day and moves planning on with it', async () => {
    let now = new Date('2027-03-02T09:00:00');
    const databasePath = (await import('./harness')).tempDatabasePath();
    const gateway = await startTestGateway({ databasePath, planningScale: 0.05, clock: () => now });
    const dataset = gateway.inspect.planningDataset()!;
    expect(dataset.today).toBe('2027-03-02');
    expect(dataset.customerOrders.every((order) => order.shipDate > '2027-03-02')).toBe(true);
    now = new Date('2027-03-05T09:00:00');
    expect(gateway.inspect.planningDataset()!.today).toBe('2027-03-05');
    const stopped = gateway.scenario.lineStopped({});
    expect(stopped).toMatchObject({ from: '2027-03-05', stoppageId: expect.stringMatching(/^LS-\d{6}$/) as unknown });
  });
});

