// A MaterialLot, with its sub-lots, as lot.reported; the test results its properties carry as
// inspection.recorded, one event for the lot and one for each sub-lot that has results.
import type { StockType } from '../../../shared/domain';
import type { EventPayload, TestResult } from '../../../shared/events';
import { normaliseDateTime } from './date-time';
import { definedFields, type EventDraft, type MappingContext } from './event-draft';
import { propertyMap, readProperties, sameName, type PropertyReading } from './properties';
import { totalQuantity } from './quantity';
import { propertyTestResults } from './test-results';
import { eachChild, optionalText, reject, requiredText, type Located, type XmlElement } from './xml-element';

type ReportedSubLot = EventPayload<'lot.reported'>['subLots'][number];

const stockTypeByStatus = new Map<string, StockType>([
  ['released', 'unrestricted'],
  ['available', 'unrestricted'],
  ['unrestricted', 'unrestricted'],
  ['quarantine', 'quality-inspection'],
  ['quarantined', 'quality-inspection'],
  ['qualityinspection', 'quality-inspection'],
  ['ininspection', 'quality-inspection'],
  ['hold', 'quality-inspection'],
  ['onhold', 'quality-inspection'],
  ['blocked', 'blocked'],
  ['rejected', 'blocked'],
  ['restricted', 'restricted'],
]);

/** The stock type a plant's status word clearly means; none for a word that could mean several. */
export function stockTypeOf(status: string | undefined): StockType | undefined {
  return status === undefined ? undefined : stockTypeByStatus.get(status.replace(/[\s_-]/g, '').toLowerCase());
}

const expiryNames = ['ExpirationDate', 'ExpiryDate', 'Expiry'];
// V0700 gives sub-lots MaterialLotProperty; V0600 and before spelled it MaterialSublotProperty.
const subLotPropertyNames = ['MaterialLotProperty', 'MaterialSublotProperty', 'MaterialSubLotProperty'];

export function materialLotEvents({ element: lot, path }: Located, context: MappingContext): EventDraft[] {
  const lotId = requiredText(lot, 'ID', path);
  const properties = readProperties(lot, 'MaterialLotProperty', path);
  const expiry = properties.find((property) => sameName(property.id, expiryNames) && property.values.length > 0);
  const status = optionalText(lot, 'Status');
  const amount = totalQuantity(lot, path);
  const subLots = readSubLots(lot, path);
  const reported: EventDraft = {
    path,
    type: 'lot.reported',
    correlationId: lotId,
    payload: definedFields({
      lotId,
      itemId: optionalText(lot, 'MaterialDefinitionID'),
      plant: context.plant,
      status,
      // V0700's Disposition (Restricted, Unrestricted) speaks when the status word does not.
      stockType: stockTypeOf(status) ?? stockTypeOf(optionalText(lot, 'Disposition')),
      quantity: amount?.quantity,
      unit: amount?.unit,
      expiresAt: expiry ? readExpiry(expiry) : undefined,
      properties: propertyMap(properties.filter((property) => property !== expiry)),
      subLots: subLots.map((subLot) => subLot.reported),
    }),
  };
  const tested = [
    { path, subLotId: undefined, results: propertyTestResults(properties) },
    ...subLots.map((subLot) => ({ path: subLot.path, subLotId: subLot.reported.subLotId, results: subLot.results })),
  ];
  const inspections = tested
    .filter(({ results }) => results.length > 0)
    .map(({ path: testedPath, subLotId, results }): EventDraft => ({
      path: testedPath,
      type: 'inspection.recorded',
      correlationId: lotId,
      payload: definedFields({ lotId, subLotId, results }),
    }));
  return [reported, ...inspections];
}

function readExpiry(expiry: PropertyReading): string {
  const text = expiry.values[0] ?? '';
  return normaliseDateTime(text, { allowDateOnly: true }) ?? reject(`${expiry.path}.Value[0].ValueString`, `"${text}" is not a date`);
}

interface SubLotReading {
  path: string;
  reported: ReportedSubLot;
  results: TestResult[];
}

/** Sub-lots and their children (MaterialSubLotChild in V0700, MaterialSubLot before), depth first. */
function readSubLots(owner: XmlElement, path: string): SubLotReading[] {
  return ['MaterialSubLot', 'MaterialSubLotChild']
    .flatMap((name) => eachChild(owner, name, path))
    .flatMap(({ element, path: subLotPath }) => {
      const status = optionalText(element, 'Status');
      const amount = totalQuantity(element, subLotPath);
      const reported = definedFields<ReportedSubLot>({
        subLotId: requiredText(element, 'ID', subLotPath),
        status,
        stockType: stockTypeOf(status) ?? stockTypeOf(optionalText(element, 'Disposition')),
        quantity: amount?.quantity,
        unit: amount?.unit,
      });
      const properties = subLotPropertyNames.flatMap((name) => readProperties(element, name, subLotPath));
      return [{ path: subLotPath, reported, results: propertyTestResults(properties) }, ...readSubLots(element, subLotPath)];
    });
}
