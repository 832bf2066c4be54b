// The vendor's V0401 examples: a material definition becomes master.changed for the item, and a
// production schedule becomes production.released with the materials its segments plan.
import { describe, expect, it } from 'vitest';
import { translateB2mml } from '../../orchestration-core/connectors/b2mml/translate';
import { b2mmlContext, b2mmlFixture, envelope, translatedEvents } from '../helpers/b2mml-messages';

describe('B2MML V0401 vendor examples', () => {
  it('MAT: the material definition CRBN0001 as master.changed, with its base unit and hazard warnings', () => {
    const xml = b2mmlFixture('examples-v0401/MAT-20121210170256-CRBN0001.xml');
    expect(xml.charCodeAt(0)).toBe(0xfeff);
    expect(translateB2mml(xml, b2mmlContext)).toMatchObject({ ok: true, version: 'V0401', noun: 'MaterialDefinition' });
    expect(translatedEvents(xml)).toEqual([
      {
        ...envelope(1, 'b2mml:DEV130', '2012-12-10T17:02:56Z'),
        type: 'master.changed',
        correlationId: 'CRBN0001',
        payload: {
          entity: 'item',
          itemId: 'CRBN0001',
          description: 'Product Courbon0001',
          unit: 'KG',
          properties: { HazardousMaterialWarning: 'C,XN' },
        },
      },
    ]);
  });

  it('PRO: request 258456 as production.released with the produced and consumed materials of every segment', () => {
    const events = translatedEvents(b2mmlFixture('examples-v0401/PRO-20121210181416-27942.xml'));
    expect(events).toHaveLength(1);
    const [released] = events;
    expect(released).toMatchObject({ ...envelope(1, 'b2mml:DEV130', '2009-12-10T17:14:16Z'), type: 'production.released', correlationId: '258456' });
    expect(released?.payload).toEqual({
      productionOrderId: '258456',
      plant: 'P1',
      materials: [
        { itemId: 'SO1215', use: 'produced', quantity: 1, unit: 'KG' },
        { itemId: 'CRBN0001', use: 'consumed', quantity: 5, unit: 'KG' },
        { itemId: 'CRBN0002', use: 'consumed', quantity: 50, unit: 'KG' },
        { itemId: 'CRBN0001', use: 'consumed', quantity: 811, unit: 'KG' },
        { itemId: 'CRBN0003', use: 'consumed', quantity: 100, unit: 'KG' },
        // The Contenair segment names container lots without a MaterialUse: where material comes
        // from, not more demand, so CRBN0001 199.910 and CRBN0002 2152.3 are not planned twice.
      ],
    });
  });

  it('takes the context as it comes: no plant, and the sender standing in for the source', () => {
    const { plant: _plant, ...withoutPlant } = b2mmlContext;
    const [event] = translatedEvents(b2mmlFixture('examples-v0401/MAT-20121210170256-CRBN0001.xml'), withoutPlant);
    expect(event).not.toHaveProperty('plant');
    expect(event?.source).toBe('b2mml:DEV130');
  });
});
