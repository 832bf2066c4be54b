// Reads a plant's B2MML text into a namespace-checked element tree and names its verb and noun
// (`SyncMaterialLot` = Sync + MaterialLot). Whatever is wrong with the text becomes a B2mmlRejection.
import { XMLParser, XMLValidator, type ValidationError } from 'fast-xml-parser';
import { b2mmlPayloadSchema } from '../../../shared/b2mml-message';
import { refuseHostileMarkup } from './hostile-markup';
import { B2mmlRejection, reject, type XmlElement } from './xml-element';

export type B2mmlVersion = 'V0700' | 'V0401';

const b2mmlNamespaces = new Map<string, B2mmlVersion>([
  ['http://www.mesa.org/xml/B2MML', 'V0700'],
  ['http://www.wbf.org/xml/B2MML-V0401', 'V0401'],
]);

/** The ISA-95 Part 5 verbs that lead a B2MML message's root name. */
const verbs = ['Get', 'Show', 'Process', 'Acknowledge', 'Change', 'Respond', 'Cancel', 'Sync'] as const;
export type B2mmlVerb = (typeof verbs)[number];

export interface B2mmlDocument {
  version: B2mmlVersion;
  /** The root's local name, e.g. SyncMaterialLot. */
  rootName: string;
  /** undefined when the root name does not start with a verb. */
  verb: B2mmlVerb | undefined;
  noun: string;
  root: XmlElement;
}

const maxMessageLength = b2mmlPayloadSchema.shape.xml.maxLength ?? 4_000_000;

export function parseB2mmlDocument(xml: unknown): B2mmlDocument {
  if (typeof xml !== 'string') reject('xml', `expected the message text, got ${xml === null ? 'null' : typeof xml}`);
  // Plant systems on Windows write a UTF-8 byte order mark; it is not part of the document.
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  if (text.trim() === '') reject('xml', 'empty message');
  if (text.length > maxMessageLength) reject('xml', `message of ${text.length} characters is longer than ${maxMessageLength}`);
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) reject('xml', `not well-formed: ${describeMalformation(wellFormed)}`);
  refuseHostileMarkup(text);
  const roots = rootEntries(parseTree(text));
  if (roots.length !== 1) reject('xml', `expected one root element, found ${roots.length}`);
  const [rootQualifiedName, rawRoot] = roots[0]!;
  const rootScope = declaredNamespaces(rawRoot, new Map());
  const namespace = namespaceOf(rootQualifiedName, rootScope);
  if (namespace === undefined) {
    reject('namespace', `<${rootQualifiedName}> has no namespace; expected B2MML V0700 (http://www.mesa.org/xml/B2MML) or V0401 (http://www.wbf.org/xml/B2MML-V0401)`);
  }
  const version = b2mmlNamespaces.get(namespace) ?? reject('namespace', `${namespace} is not B2MML V0700 or V0401`);
  const root = toElement(rootQualifiedName, rawRoot, new Map(), namespace);
  const verb = verbs.find((candidate) => root.name.startsWith(candidate) && root.name.length > candidate.length);
  return { version, rootName: root.name, verb, noun: verb ? root.name.slice(verb.length) : root.name, root };
}

function parseTree(text: string): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    // Keep every value a string: ids like "0010" must not become numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Every element as an array, so one MaterialLot and ten read the same way.
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
    // A DOCTYPE and foreign entities are refused before parsing; these limits are the second fence.
    processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxExpandedLength: maxMessageLength },
    // Decodes numeric character references (&#233;) as XML requires; the HTML names it also brings
    // never reach it (refused above).
    htmlEntities: true,
    maxNestedTags: 100,
  });
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new B2mmlRejection(`xml: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function describeMalformation({ err }: ValidationError): string {
  // For a message cut short the validator lists the open elements and gives no useful position.
  const open = /^Invalid '(\[.*\])' found\.?$/.exec(err.msg)?.[1];
  if (open !== undefined) {
    const names = (JSON.parse(open) as unknown[]).map(String);
    return `the message ends inside <${names.at(-1) ?? ''}> with ${names.length} elements left open`;
  }
  const where = err.col === undefined ? `line ${err.line}` : `line ${err.line}, column ${err.col}`;
  return `${err.msg.replace(/\.$/, '')} at ${where}`;
}

function rootEntries(tree: Record<string, unknown>): [string, unknown][] {
  return Object.entries(tree)
    .filter(([name]) => !name.startsWith('?'))
    .flatMap(([name, values]) => (Array.isArray(values) ? values.map((value): [string, unknown] => [name, value]) : []));
}

type Scope = ReadonlyMap<string, string>;

/** The prefixes an element declares (`''` for the default namespace) on top of its parent's. */
function declaredNamespaces(raw: unknown, parent: Scope): Scope {
  if (!isRecord(raw)) return parent;
  let scope: Map<string, string> | undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (key !== '@_xmlns' && !key.startsWith('@_xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(key === '@_xmlns' ? '' : key.slice('@_xmlns:'.length), String(value));
  }
  return scope ?? parent;
}

function namespaceOf(qualifiedName: string, scope: Scope): string | undefined {
  const colon = qualifiedName.indexOf(':');
  if (colon < 0) return scope.get('') || undefined;
  const prefix = qualifiedName.slice(0, colon);
  return scope.get(prefix) ?? reject('xml', `prefix "${prefix}" of <${qualifiedName}> is not declared`);
}

/** Elements of the message's namespace get their local name; foreign ones `{namespace}name`, so no mapper reads them. */
function toElement(qualifiedName: string, raw: unknown, parentScope: Scope, b2mmlNamespace: string): XmlElement {
  const scope = declaredNamespaces(raw, parentScope);
  const namespace = namespaceOf(qualifiedName, scope);
  const localName = qualifiedName.slice(qualifiedName.indexOf(':') + 1);
  const name = namespace === b2mmlNamespace ? localName : `{${namespace ?? ''}}${localName}`;
  if (!isRecord(raw)) return { name, children: [], text: typeof raw === 'string' ? raw : '' };
  const children: XmlElement[] = [];
  let text = '';
  for (const [key, value] of Object.entries(raw)) {
    // Attributes (@_...) carry nothing the mappers read beyond the xmlns declarations in scope.
    if (key === '#text') text = String(value);
    else if (!key.startsWith('@_') && Array.isArray(value)) children.push(...value.map((child: unknown) => toElement(key, child, scope, b2mmlNamespace)));
  }
  return { name, children, text };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
