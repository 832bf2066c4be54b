// Production messages: OperationsPerformance as production.completed with the lot genealogy, yield
// and scrap; OperationsSchedule as production.released with the planned materials.
import { describe, expect, it } from 'vitest';
import { b2mmlFixture, envelope, translatedEvents, v0700Message } from '../helpers/b2mml-messages';

describe('B2MML operations performance', () => {
  it('a three-lot genealogy: LOT-A consumed -> LOT-B produced, LOT-B consumed -> LOT-C produced, with yield and scrap per order', () => {
    expect(translatedEvents(b2mmlFixture('v0700-operations-performance.xml'))).toEqual([
      {
        ...envelope(1, 'b2mml:MES-P1', '2026-03-05T16:40:00Z'),
        type: 'production.completed',
        correlationId: 'MO-SA-1001',
        payload: {
          productionOrderId: 'MO-SA-1001',
          plant: 'P1',
          itemId: 'SA-PISTON',
          // 96 good (Key Good) and 4 scrapped (Key Scrap) of one MaterialActual.
          yieldQuantity: 96,
          scrapQuantity: 4,
          unit: 'EA',
          consumed: [
            { itemId: 'RM-STEEL-BAR', lotId: 'LOT-A', subLotId: 'LOT-A-BUNDLE-3', quantity: 120.5, unit: 'M' },
            // From the nested SegmentResponseChild; the destructive sample beside it is neither.
            { itemId: 'CS-COOLANT', quantity: 2.5, unit: 'L' },
          ],
          produced: [
            { itemId: 'SA-PISTON', lotId: 'LOT-B', quantity: 96, unit: 'EA' },
            { itemId: 'BY-STEEL-SWARF', quantity: 8.2, unit: 'KG' },
          ],
        },
      },
      {
        ...envelope(2, 'b2mml:MES-P1', '2026-03-05T16:40:00Z'),
        type: 'production.completed',
        correlationId: 'MO-FG-2001',
        payload: {
          productionOrderId: 'MO-FG-2001',
          plant: 'P1',
          itemId: 'FG-CYLINDER',
          yieldQuantity: 24,
          // From the MaterialActualProperty ScrapQuantity.
          scrapQuantity: 1,
          unit: 'EA',
          consumed: [{ itemId: 'SA-PISTON', lotId: 'LOT-B', quantity: 48, unit: 'EA' }],
          produced: [{ itemId: 'FG-CYLINDER', lotId: 'LOT-C', quantity: 24, unit: 'EA' }],
        },
      },
    ]);
  });

  it('without an OperationsRequestID the response ID names the order; yield adds up the main item over segments', () => {
    const actual = (id: string, lot: string, quantity: string) =>
      `<MaterialActual><ID>${id}</ID><MaterialDefinitionID>FG-1</MaterialDefinitionID><MaterialLotID>${lot}</MaterialLotID><MaterialUse>Produced</MaterialUse><Quantity><QuantityString>${quantity}</QuantityString><UnitOfMeasure>EA</UnitOfMeasure></Quantity></MaterialActual>`;
    const xml = v0700Message(
      'SyncOperationsPerformance',
      `<OperationsPerformance><ID>P</ID><OperationsResponse><ID>MO-77</ID><SegmentResponse><ID>S1</ID>${actual('A1', 'L1', '0.1')}<SegmentResponseChild><ID>S2</ID>${actual('A2', 'L2', '0.2')}</SegmentResponseChild></SegmentResponse></OperationsResponse></OperationsPerformance>`,
    );
    expect(translatedEvents(xml)[0]?.payload).toEqual({
      productionOrderId: 'MO-77',
      plant: 'P1',
      itemId: 'FG-1',
      yieldQuantity: 0.3,
      unit: 'EA',
      consumed: [],
      produced: [
        { itemId: 'FG-1', lotId: 'L1', quantity: 0.1, unit: 'EA' },
        { itemId: 'FG-1', lotId: 'L2', quantity: 0.2, unit: 'EA' },
      ],
    });
  });

  it('reads V0401 ProductionPerformance with nested SegmentResponse the same way', () => {
    const xml = `<SyncProductionPerformance xmlns="http://www.wbf.org/xml/B2MML-V0401" releaseID=""><ApplicationArea><CreationDateTime>2012-12-12T10:00:00Z</CreationDateTime></ApplicationArea><DataArea><Sync/>
      <ProductionPerformance><ID>PP-1</ID><ProductionResponse><ID>R-1</ID><ProductionRequestID>258456</ProductionRequestID>
        <SegmentResponse><ID>0010</ID>
          <MaterialActual><MaterialDefinitionID>SO1215</MaterialDefinitionID><MaterialLotID>SO1215_LOT07</MaterialLotID><MaterialUse>Produced</MaterialUse><Quantity><QuantityString>0.980</QuantityString><UnitOfMeasure>KG</UnitOfMeasure></Quantity></MaterialActual>
          <SegmentResponse><ID>0020</ID>
            <MaterialActual><MaterialDefinitionID>CRBN0001</MaterialDefinitionID><MaterialLotID>CRBN0001_LOT01</MaterialLotID><MaterialSubLotID>412345670000003212</MaterialSubLotID><MaterialUse>Consumed</MaterialUse><Quantity><QuantityString>5.010</QuantityString><UnitOfMeasure>KG</UnitOfMeasure></Quantity></MaterialActual>
          </SegmentResponse>
        </SegmentResponse>
      </ProductionResponse></ProductionPerformance></DataArea></SyncProductionPerformance>`;
    const [completed] = translatedEvents(xml);
    expect(completed).toMatchObject({ ...envelope(1, 'b2mml:mes-gateway', '2012-12-12T10:00:00Z'), type: 'production.completed', correlationId: '258456' });
    expect(completed?.payload).toEqual({
      productionOrderId: '258456',
      plant: 'P1',
      itemId: 'SO1215',
      yieldQuantity: 0.98,
      unit: 'KG',
      consumed: [{ itemId: 'CRBN0001', lotId: 'CRBN0001_LOT01', subLotId: '412345670000003212', quantity: 5.01, unit: 'KG' }],
      produced: [{ itemId: 'SO1215', lotId: 'SO1215_LOT07', quantity: 0.98, unit: 'KG' }],
    });
  });
});

describe('B2MML operations schedule', () => {
  it('a V0700 OperationsRequest as production.released: times in UTC, every planned material of its nested segments', () => {
    expect(translatedEvents(b2mmlFixture('v0700-operations-schedule.xml'))).toEqual([
      {
        ...envelope(1, 'b2mml:mes-gateway', '2026-03-04T18:00:00Z'),
        type: 'production.released',
        correlationId: 'MO-SA-1001',
        payload: {
          productionOrderId: 'MO-SA-1001',
          plant: 'P1',
          startAt: '2026-03-05T05:00:00Z',
          endAt: '2026-03-05T13:00:00Z',
          materials: [
            { itemId: 'SA-PISTON', use: 'produced', quantity: 100, unit: 'EA' },
            { itemId: 'RM-STEEL-BAR', use: 'consumed', quantity: 125, unit: 'M' },
            { itemId: 'CS-COOLANT', use: 'consumed' },
            { itemId: 'BY-STEEL-SWARF', use: 'by-product', quantity: 8, unit: 'KG' },
          ],
        },
      },
    ]);
  });
});
