// The plant connector's B2MML format adapter: one message of ISA-95 B2MML (V0700 or V0401) in,
// canonical events out, or the reason it cannot be taken, naming the element and the problem.
import { parseEvent, type CanonicalEvent } from '../../../shared/events';
import { normaliseDateTime } from './date-time';
import { definedFields, type EventDraft, type MappingContext } from './event-draft';
import { materialDefinitionEvents } from './material-definition';
import { materialLotEvents } from './material-lot';
import { parseB2mmlDocument, type B2mmlDocument, type B2mmlVersion } from './parse-document';
import { performanceEvents } from './performance';
import { scheduleEvents } from './schedule';
import { withStockUnits, type StockUnits } from './stock-units';
import { testResultEvents } from './test-results';
import { B2mmlRejection, eachChild, firstChild, optionalText, reject, type Located, type XmlElement } from './xml-element';

export interface B2mmlContext {
  /** The id of the message; event n of it gets `${id}/${n}`. */
  id: string;
  stream: string;
  seq: number;
  /** Names the source when the message names no Sender. */
  source: string;
  /** When the message was received; used when its CreationDateTime is missing or unreadable. */
  occurredAt: string;
  plant?: string;
  /** How stock quantities' units are read; absent, they are taken as sent (the CLI's translation). */
  units?: StockUnits;
}

export type B2mmlTranslation = { ok: true; version: B2mmlVersion; noun: string; events: CanonicalEvent[] } | { ok: false; reason: string };

type NounMapper = (dataArea: XmlElement, context: MappingContext) => EventDraft[];

const eachObject = (dataArea: XmlElement, noun: string): Located[] => {
  const objects = eachChild(dataArea, noun, '');
  return objects.length > 0 ? objects : reject(`DataArea.${noun}`, `missing: the message carries no ${noun}`);
};

/** The noun whose DataArea holds one or more objects of its own name, each mapped on its own. */
const objectsOf = (noun: string, mapObject: (object: Located, context: MappingContext) => EventDraft[]): [string, NounMapper] => [
  noun,
  (dataArea, context) => eachObject(dataArea, noun).flatMap((object) => mapObject(object, context)),
];

const materialInformation: NounMapper = (dataArea, context) => {
  const events = eachObject(dataArea, 'MaterialInformation').flatMap(({ element, path }) => [
    ...eachChild(element, 'MaterialDefinition', path).flatMap((definition) => materialDefinitionEvents(definition)),
    ...eachChild(element, 'MaterialLot', path).flatMap((lot) => materialLotEvents(lot, context)),
  ]);
  return events.length > 0 ? events : reject('MaterialInformation', 'carries no MaterialDefinition or MaterialLot');
};

const testInformation: NounMapper = (dataArea) => {
  const results = eachObject(dataArea, 'OperationsTestInformation').flatMap(({ element, path }) => eachChild(element, 'TestResult', path));
  return results.length > 0 ? testResultEvents(results) : reject('OperationsTestInformation', 'carries no TestResult');
};

const nouns = new Map<string, NounMapper>([
  objectsOf('MaterialDefinition', materialDefinitionEvents),
  objectsOf('MaterialLot', materialLotEvents),
  ['MaterialInformation', materialInformation],
  objectsOf('OperationsPerformance', performanceEvents),
  objectsOf('ProductionPerformance', performanceEvents),
  objectsOf('OperationsSchedule', scheduleEvents),
  objectsOf('ProductionSchedule', scheduleEvents),
  ['TestResult', (dataArea) => testResultEvents(eachObject(dataArea, 'TestResult'))],
  ['OperationsTestInformation', testInformation],
]);

// Get asks for data, Acknowledge echoes it back and Cancel withdraws it: none states what the plant has.
const statingVerbs = new Set<string>(['Sync', 'Process', 'Show', 'Change', 'Respond']);
const supported = `${[...statingVerbs].join(', ')} of ${[...nouns.keys()].join(', ')}`;

/** Never throws, whatever the input: a message it cannot take comes back as ok:false with the reason. */
export function translateB2mml(xml: unknown, context: B2mmlContext): B2mmlTranslation {
  try {
    const document = parseB2mmlDocument(xml);
    const mapper = document.verb !== undefined && statingVerbs.has(document.verb) ? nouns.get(document.noun) : undefined;
    if (!mapper) reject(document.rootName, `not a supported B2MML message (supported: ${supported})`);
    const dataArea = firstChild(document.root, 'DataArea') ?? reject('DataArea', 'missing');
    const drafts = mapper(dataArea, definedFields({ plant: context.plant }));
    return { ok: true, version: document.version, noun: document.noun, events: toCanonicalEvents(drafts, document, context) };
  } catch (error) {
    if (error instanceof B2mmlRejection) return { ok: false, reason: error.message };
    return { ok: false, reason: `b2mml: cannot translate: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Wraps each draft in the envelope and holds it to the canonical schema; one failure rejects the message. */
function toCanonicalEvents(drafts: readonly EventDraft[], document: B2mmlDocument, context: B2mmlContext): CanonicalEvent[] {
  const applicationArea = firstChild(document.root, 'ApplicationArea');
  const sender = applicationArea && firstChild(applicationArea, 'Sender');
  const senderId = sender && optionalText(sender, 'LogicalID');
  const createdText = applicationArea && optionalText(applicationArea, 'CreationDateTime');
  const occurredAt = (createdText && normaliseDateTime(createdText)) ?? context.occurredAt;
  const { units } = context;
  return drafts.map((raw, index) => {
    const draft = units ? withStockUnits(raw, context.plant, units) : raw;
    const parsed = parseEvent(
      definedFields({
        id: `${context.id}/${index + 1}`,
        stream: context.stream,
        seq: context.seq,
        type: draft.type,
        source: `b2mml:${senderId ?? context.source}`,
        occurredAt,
        plant: context.plant,
        correlationId: draft.correlationId,
        schemaVersion: 1,
        payload: draft.payload,
      }),
    );
    return parsed.ok ? parsed.event : reject(draft.path, parsed.reason);
  });
}
