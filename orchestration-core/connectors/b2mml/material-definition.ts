// A MaterialDefinition as master.changed for the item: its description, base unit and properties.
import { definedFields, type EventDraft } from './event-draft';
import { propertyMap, readProperties, sameName } from './properties';
import { optionalText, requiredText, type Located } from './xml-element';

export function materialDefinitionEvents({ element: definition, path }: Located): EventDraft[] {
  const itemId = requiredText(definition, 'ID', path);
  const properties = readProperties(definition, 'MaterialDefinitionProperty', path);
  const baseUnit = properties.find((property) => sameName(property.id, ['BaseUnitOfMeasure']));
  return [
    {
      path,
      type: 'master.changed',
      correlationId: itemId,
      payload: definedFields({
        entity: 'item' as const,
        itemId,
        description: optionalText(definition, 'Description'),
        unit: baseUnit?.values.find((value) => value !== ''),
        properties: propertyMap(properties.filter((property) => property !== baseUnit)),
      }),
    },
  ];
}
