// OperationsPerformance (V0700) / ProductionPerformance (V0401): one production.completed per
// response, with every lot its segments consumed and produced (the genealogy), yield and scrap.
import type { MaterialActual } from '../../../shared/events';
import { definedFields, type EventDraft, type MappingContext } from './event-draft';
import { plannedUse, type PlannedUse } from './material-use';
import { readProperties, sameName } from './properties';
import { hasQuantity, parseQuantityText, sumQuantities, totalQuantity, type Amount, type QuantityReading } from './quantity';
import { collectFromSegments, eachOfEither } from './segments';
import { optionalText, reject, requiredText, type Located, type XmlElement } from './xml-element';

export function performanceEvents(performance: Located, context: MappingContext): EventDraft[] {
  const responses = eachOfEither(performance, ['OperationsResponse', 'ProductionResponse']);
  if (responses.length === 0) reject(`${performance.path}.${performance.element.name === 'ProductionPerformance' ? 'ProductionResponse' : 'OperationsResponse'}`, 'missing');
  return responses.map((response) => completedEvent(response, context));
}

interface ActualReading {
  use: PlannedUse;
  actual: MaterialActual;
  scrap: Amount | undefined;
}

function completedEvent(response: Located, context: MappingContext): EventDraft {
  const { element, path } = response;
  const productionOrderId = optionalText(element, 'OperationsRequestID') ?? optionalText(element, 'ProductionRequestID') ?? requiredText(element, 'ID', path);
  const actuals = collectFromSegments(response, ['SegmentResponse', 'SegmentResponseChild'], 'MaterialActual').flatMap(readActual);
  const produced = actuals.filter((reading) => reading.use !== 'consumed');
  // The order's own output: the first main product, else the first co- or by-product.
  const main = produced.find((reading) => reading.use === 'produced') ?? produced[0];
  const ofMainItem = produced.filter((reading) => main && reading.actual.itemId === main.actual.itemId && reading.actual.unit === main.actual.unit);
  // Scrap in another unit than the yield cannot be added to it; it stays on the material actual's side.
  const scraps = ofMainItem.flatMap(({ scrap }) => (scrap && (scrap.unit === undefined || scrap.unit === main?.actual.unit) ? [scrap.quantity] : []));
  return {
    path,
    type: 'production.completed',
    correlationId: productionOrderId,
    payload: definedFields({
      productionOrderId,
      plant: context.plant,
      itemId: main?.actual.itemId,
      yieldQuantity: main ? sumQuantities(ofMainItem.map((reading) => reading.actual.quantity)) : undefined,
      scrapQuantity: scraps.length > 0 ? sumQuantities(scraps) : undefined,
      unit: main?.actual.unit,
      consumed: actuals.filter((reading) => reading.use === 'consumed').map((reading) => reading.actual),
      produced: produced.map((reading) => reading.actual),
    }),
  };
}

const isScrap = (reading: QuantityReading) => reading.key !== undefined && sameName(reading.key, ['Scrap']);

/** A MaterialActual that consumed or produced; samples, carriers and the like are left out. */
function readActual({ element, path }: Located): ActualReading[] {
  const use = plannedUse(optionalText(element, 'MaterialUse'));
  if (use === undefined) return [];
  if (!hasQuantity(element)) reject(`${path}.Quantity`, 'missing');
  const good = totalQuantity(element, path, (reading) => !isScrap(reading));
  const scrap = totalQuantity(element, path, isScrap) ?? scrapProperty(element, path);
  const actual = definedFields<MaterialActual>({
    itemId: optionalText(element, 'MaterialDefinitionID'),
    lotId: optionalText(element, 'MaterialLotID'),
    subLotId: optionalText(element, 'MaterialSubLotID'),
    quantity: good?.quantity ?? 0,
    unit: good?.unit ?? scrap?.unit,
  });
  return [{ use, actual, scrap }];
}

/** Scrap stated as a MaterialActualProperty (ID Scrap or ScrapQuantity): its Quantity, else its value. */
function scrapProperty(element: XmlElement, path: string): Amount | undefined {
  const property = readProperties(element, 'MaterialActualProperty', path).find((candidate) => sameName(candidate.id, ['Scrap', 'ScrapQuantity']));
  if (!property) return undefined;
  const quantity = totalQuantity(property.element, property.path);
  if (quantity) return quantity;
  const value = property.values[0];
  return value === undefined || value === '' ? undefined : { quantity: parseQuantityText(value, `${property.path}.Value[0].ValueString`) };
}
