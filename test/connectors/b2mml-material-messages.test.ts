// Material messages: a lot with its sub-lots as lot.reported, stock type read from the plant's status
// word, expiry from a property; test results a lot carries as inspection.recorded; prefixed and
// default namespaces read alike; MaterialInformation carrying an item and a lot.
import { describe, expect, it } from 'vitest';
import { stockTypeOf } from '../../orchestration-core/connectors/b2mml/material-lot';
import { translateB2mml } from '../../orchestration-core/connectors/b2mml/translate';
import { b2mmlContext, b2mmlFixture, envelope, translatedEvents, v0700Message } from '../helpers/b2mml-messages';

describe('B2MML material lots', () => {
  it('a V0700 SyncMaterialLot: one lot.reported per lot, sub-lots and their children flattened, expiry at midnight UTC', () => {
    expect(translatedEvents(b2mmlFixture('v0700-material-lot.xml'))).toEqual([
      {
        ...envelope(1, 'b2mml:MES-P1', '2026-03-02T07:15:00Z'),
        type: 'lot.reported',
        correlationId: 'LOT-RESIN-0042',
        payload: {
          lotId: 'LOT-RESIN-0042',
          itemId: 'RM-RESIN-EP',
          plant: 'P1',
          status: 'Quarantined',
          stockType: 'quality-inspection',
          quantity: 350.5,
          unit: 'KG',
          expiresAt: '2027-03-31T00:00:00Z',
          properties: { SupplierLot: 'KEL-88123' },
          subLots: [
            { subLotId: 'LOT-RESIN-0042-D1', status: 'Quarantined', stockType: 'quality-inspection', quantity: 200, unit: 'KG' },
            { subLotId: 'LOT-RESIN-0042-D1-A', status: 'Quarantined', stockType: 'quality-inspection', quantity: 50, unit: 'KG' },
            { subLotId: 'LOT-RESIN-0042-D2', status: 'Blocked', stockType: 'blocked', quantity: 150.5, unit: 'KG' },
          ],
        },
      },
      {
        ...envelope(2, 'b2mml:MES-P1', '2026-03-02T07:15:00Z'),
        type: 'lot.reported',
        correlationId: 'LOT-PISTON-1107',
        // The 2 PAL restate the 120 EA in another unit and are not added.
        payload: { lotId: 'LOT-PISTON-1107', itemId: 'SA-PISTON', plant: 'P1', status: 'Released', stockType: 'unrestricted', quantity: 120, unit: 'EA', properties: {}, subLots: [] },
      },
    ]);
  });

  it('reads a prefixed message (b2mml: on every element, a foreign default namespace) exactly like the plain one', () => {
    const prefixed = translateB2mml(b2mmlFixture('v0700-material-lot-prefixed.xml'), b2mmlContext);
    expect(prefixed).toEqual(translateB2mml(b2mmlFixture('v0700-material-lot.xml'), b2mmlContext));
    expect(prefixed).toMatchObject({ ok: true, version: 'V0700', noun: 'MaterialLot' });
  });

  it('skips elements of other namespaces: an extension cannot pose as a B2MML field', () => {
    const xml = v0700Message(
      'ProcessMaterialLot',
      '<MaterialLot xmlns:ext="urn:vendor"><ID>LOT-1</ID><ext:Status>Released</ext:Status><Status>Hold</Status><ext:Quantity><QuantityString>abc</QuantityString></ext:Quantity></MaterialLot>',
    );
    expect(translatedEvents(xml)[0]?.payload).toEqual({ lotId: 'LOT-1', plant: 'P1', status: 'Hold', stockType: 'quality-inspection', properties: {}, subLots: [] });
  });

  it('MaterialInformation: the item as master.changed, the lot as lot.reported; a creation time without offset gives way to the receipt time', () => {
    const events = translatedEvents(b2mmlFixture('v0700-material-information.xml'));
    expect(events).toEqual([
      {
        ...envelope(1, 'b2mml:mes-gateway', '2026-03-06T08:00:00Z'),
        type: 'master.changed',
        correlationId: 'SA-PISTON',
        payload: { entity: 'item', itemId: 'SA-PISTON', description: 'Machined piston Ø25', unit: 'EA', properties: {} },
      },
      {
        ...envelope(2, 'b2mml:mes-gateway', '2026-03-06T08:00:00Z'),
        type: 'lot.reported',
        correlationId: 'LOT-PISTON-1108',
        // No status word: the V0700 Disposition UnRestricted says the stock is free to use.
        payload: { lotId: 'LOT-PISTON-1108', itemId: 'SA-PISTON', plant: 'P1', stockType: 'unrestricted', expiresAt: '2028-01-15T10:00:00Z', properties: {}, subLots: [] },
      },
    ]);
  });

  it('a V0401 lot whose properties carry test results: lot.reported, then inspection.recorded for the lot and for the sub-lot', () => {
    const sent = ['b2mml:DEV130', '2012-12-11T09:00:00Z'] as const;
    const events = translatedEvents(b2mmlFixture('v0401-material-lot-with-tests.xml'));
    expect(events.map((event) => [event.id, event.type])).toEqual([
      ['plant.P1:00042/1', 'lot.reported'],
      ['plant.P1:00042/2', 'inspection.recorded'],
      ['plant.P1:00042/3', 'inspection.recorded'],
    ]);
    expect(events[0]).toMatchObject({
      ...envelope(1, ...sent),
      correlationId: 'CRBN0001_LOT01',
      payload: {
        lotId: 'CRBN0001_LOT01',
        status: 'QualityInspection',
        stockType: 'quality-inspection',
        quantity: 1000,
        unit: 'KG',
        expiresAt: '2013-12-31T00:00:00Z',
        // pH carries only a test result, no value of the lot: it is not a lot property.
        properties: {},
        subLots: [{ subLotId: '412345670000003212', status: 'Hold', stockType: 'quality-inspection', quantity: 199.91, unit: 'KG' }],
      },
    });
    expect(events[1]).toEqual({
      ...envelope(2, ...sent),
      type: 'inspection.recorded',
      correlationId: 'CRBN0001_LOT01',
      payload: {
        lotId: 'CRBN0001_LOT01',
        results: [{ testId: 'QC-PH', description: 'pH of a 10 % slurry', value: '7.1', unit: 'pH', outcome: 'pass', testedAt: '2012-12-11T08:10:00Z' }],
      },
    });
    expect(events[2]).toEqual({
      ...envelope(3, ...sent),
      type: 'inspection.recorded',
      correlationId: 'CRBN0001_LOT01',
      payload: {
        lotId: 'CRBN0001_LOT01',
        subLotId: '412345670000003212',
        results: [{ testId: 'QC-MOIST', value: 'Fail', outcome: 'fail', testedAt: '2012-12-11T07:30:00Z' }],
      },
    });
  });

  it('maps only the status words whose stock type is clear', () => {
    const cases: [string, string | undefined][] = [
      ['Released', 'unrestricted'],
      ['available', 'unrestricted'],
      ['Quarantine', 'quality-inspection'],
      ['In Inspection', 'quality-inspection'],
      ['QUALITY_INSPECTION', 'quality-inspection'],
      ['On-Hold', 'quality-inspection'],
      ['Rejected', 'blocked'],
      ['Restricted', 'restricted'],
      ['Consumed', undefined],
      ['Pending', undefined],
    ];
    expect(cases.map(([status]) => [status, stockTypeOf(status)])).toEqual(cases);
  });
});
