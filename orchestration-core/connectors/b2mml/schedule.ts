// OperationsSchedule (V0700) / ProductionSchedule (V0401): one production.released per request,
// with what its segments plan to consume and produce.
import type { EventPayload } from '../../../shared/events';
import { optionalDateTime } from './date-time';
import { definedFields, type EventDraft, type MappingContext } from './event-draft';
import { plannedUse } from './material-use';
import { totalQuantity } from './quantity';
import { collectFromSegments, eachOfEither } from './segments';
import { optionalText, reject, requiredText, type Located } from './xml-element';

type PlannedMaterial = EventPayload<'production.released'>['materials'][number];

export function scheduleEvents(schedule: Located, context: MappingContext): EventDraft[] {
  const requests = eachOfEither(schedule, ['OperationsRequest', 'ProductionRequest']);
  if (requests.length === 0) reject(`${schedule.path}.${schedule.element.name === 'ProductionSchedule' ? 'ProductionRequest' : 'OperationsRequest'}`, 'missing');
  return requests.map((request): EventDraft => {
    const productionOrderId = requiredText(request.element, 'ID', request.path);
    return {
      path: request.path,
      type: 'production.released',
      correlationId: productionOrderId,
      payload: definedFields({
        productionOrderId,
        plant: context.plant,
        startAt: optionalDateTime(request.element, 'StartTime', request.path),
        endAt: optionalDateTime(request.element, 'EndTime', request.path),
        materials: plannedMaterials(request),
      }),
    };
  });
}

/**
 * The requirements that consume or produce. One without a MaterialUse only names where material
 * comes from (V0401 plants list container lots that way) and is not counted twice as demand.
 */
function plannedMaterials(request: Located): PlannedMaterial[] {
  return collectFromSegments(request, ['SegmentRequirement', 'SegmentRequirementChild'], 'MaterialRequirement').flatMap(({ element, path }) => {
    const use = plannedUse(optionalText(element, 'MaterialUse'));
    if (use === undefined) return [];
    const amount = totalQuantity(element, path);
    return [definedFields<PlannedMaterial>({ itemId: requiredText(element, 'MaterialDefinitionID', path), use, quantity: amount?.quantity, unit: amount?.unit })];
  });
}
