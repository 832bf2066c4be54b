// B2MML properties (MaterialDefinitionProperty, MaterialLotProperty, ...): an ID with Values.
import { childrenNamed, eachChild, requiredText, type XmlElement } from './xml-element';

export interface PropertyReading {
  id: string;
  /** Each Value's ValueString, in order ('' for an empty one). */
  values: string[];
  element: XmlElement;
  path: string;
}

export function readProperties(owner: XmlElement, propertyName: string, path: string): PropertyReading[] {
  return eachChild(owner, propertyName, path).map(({ element, path: propertyPath }) => ({
    id: requiredText(element, 'ID', propertyPath),
    values: childrenNamed(element, 'Value').map((value) => childrenNamed(value, 'ValueString')[0]?.text ?? ''),
    element,
    path: propertyPath,
  }));
}

/**
 * The properties as the canonical `properties` map: ID -> values joined by ','. A property without
 * a Value (one that only carries test results, say) says nothing about the object and is left out;
 * of two with one ID the first counts.
 */
export function propertyMap(properties: readonly PropertyReading[]): Record<string, string> {
  const entries = new Map<string, string>();
  for (const property of properties) {
    if (property.values.length > 0 && !entries.has(property.id)) entries.set(property.id, property.values.join(','));
  }
  return Object.fromEntries(entries);
}

/** Matches property IDs the way plants spell them: ExpiryDate, expiry_date, Expiry-Date. */
export function sameName(id: string, names: readonly string[]): boolean {
  const plain = id.replace(/[\s_-]/g, '').toLowerCase();
  return names.some((name) => name.toLowerCase() === plain);
}
