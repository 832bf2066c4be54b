// Whatever a plant (or a broken line) sends, the adapter answers: never a throw, always ok true or
// false, and when true every event passes the canonical schema. Inputs: random text, XML-ish token
// soup, and the test messages truncated, with characters flipped, tags duplicated or dropped, text
// replaced, and parts wrapped in deep random nesting.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translateB2mml } from '../../orchestration-core/connectors/b2mml/translate';
import { parseEvent } from '../../shared/events';
import { b2mmlContext, b2mmlFixture, b2mmlFixtureDir } from '../helpers/b2mml-messages';

const messages = [
  ...readdirSync(b2mmlFixtureDir).filter((name) => name.endsWith('.xml')),
  ...readdirSync(`${b2mmlFixtureDir}/examples-v0401`).map((name) => `examples-v0401/${name}`),
].map(b2mmlFixture);

function expectAnswered(xml: unknown): boolean {
  const translation = translateB2mml(xml, b2mmlContext);
  if (!translation.ok) {
    expect(translation.reason).toEqual(expect.any(String));
    expect(translation.reason.length).toBeGreaterThan(0);
    // A reason from the adapter's last resort would be a crash the mappers did not foresee.
    expect(translation.reason).not.toMatch(/^b2mml: cannot translate/);
    return false;
  }
  translation.events.forEach((event, index) => {
    expect(event.id).toBe(`${b2mmlContext.id}/${index + 1}`);
    const reparsed = parseEvent(JSON.parse(JSON.stringify(event)));
    if (!reparsed.ok) expect.fail(`event ${event.id} fails the canonical schema: ${reparsed.reason}`);
  });
  return true;
}

type Mutation = (xml: string) => string;
const position = fc.double({ min: 0, max: 1, noNaN: true });
const indexIn = (fraction: number, length: number) => Math.min(Math.max(length - 1, 0), Math.floor(fraction * length));
const tagsOf = (xml: string) => [...xml.matchAll(/<[^<>]*>/g)];
const names = ['MaterialLot', 'ID', 'Quantity', 'QuantityString', 'DataArea', 'b2mml:MaterialLot', 'TestResult', 'SegmentResponse', 'x'];
const oddText = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', ' ', '-1', 'NaN', '1e400', 'x'.repeat(90), '2026-13-45', '&amp;', '&unknown;', ']]>', '<', '"'));

const mutations: fc.Arbitrary<Mutation>[] = [
  position.map((at): Mutation => (xml) => xml.slice(0, indexIn(at, xml.length + 1))),
  fc.tuple(position, fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([at, replacement]): Mutation => (xml) => {
    const index = indexIn(at, xml.length);
    return xml.slice(0, index) + replacement + xml.slice(index + 1);
  }),
  fc.tuple(position, fc.boolean()).map(([at, duplicate]): Mutation => (xml) => {
    const tags = tagsOf(xml);
    const tag = tags[indexIn(at, tags.length)];
    if (!tag) return xml;
    const end = tag.index + tag[0].length;
    return xml.slice(0, duplicate ? end : tag.index) + (duplicate ? tag[0] : '') + xml.slice(end);
  }),
  fc.tuple(position, oddText).map(([at, text]): Mutation => (xml) => {
    const gaps = [...xml.matchAll(/>([^<]*)</g)];
    const gap = gaps[indexIn(at, gaps.length)];
    return gap ? xml.slice(0, gap.index + 1) + text + xml.slice(gap.index + 1 + (gap[1]?.length ?? 0)) : xml;
  }),
  fc.tuple(position, position, fc.constantFrom(...names), fc.integer({ min: 1, max: 120 })).map(([from, to, name, depth]): Mutation => (xml) => {
    const [start, end] = [indexIn(from, xml.length), indexIn(to, xml.length)].sort((a, b) => a - b) as [number, number];
    return xml.slice(0, start) + `<${name}>`.repeat(depth) + xml.slice(start, end) + `</${name}>`.repeat(depth) + xml.slice(end);
  }),
];

const mutatedMessage = fc.tuple(fc.constantFrom(...messages), fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 4 })).map(([xml, steps]) => steps.reduce((text, step) => step(text), xml));

const tokenSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '</', '/>', '=', '"', ' ', '\n', '&', ';', '<?xml version="1.0"?>', '<!DOCTYPE a [<!ENTITY e "e">]>', '<![CDATA[', ']]>', '<!--', '-->'),
      fc.constantFrom('xmlns="http://www.mesa.org/xml/B2MML"', 'xmlns:b2mml="http://www.wbf.org/xml/B2MML-V0401"', 'SyncMaterialLot', 'DataArea', 'Sync', 'MaterialLot', 'ID', 'Quantity', 'QuantityString', 'OperationsPerformance', 'b2mml:'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((tokens) => tokens.join(''));

describe('B2MML adapter on malformed input (property)', () => {
  it('answers random text and non-text without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.anything()), (input) => {
        expectAnswered(input);
      }),
      { numRuns: 300 },
    );
  });

  it('answers XML-ish token soup without throwing', () => {
    fc.assert(
      fc.property(tokenSoup, (xml) => {
        expectAnswered(xml);
      }),
      { numRuns: 300 },
    );
  });

  it('answers mutated test messages without throwing; those it takes still make valid events', () => {
    let taken = 0;
    fc.assert(
      fc.property(mutatedMessage, (xml) => {
        if (expectAnswered(xml)) taken++;
      }),
      { numRuns: 500 },
    );
    // Some mutations (a flipped letter in a description) leave a valid message: those are checked too.
    expect(taken).toBeGreaterThan(0);
  });

  it('takes every unmutated test message', () => {
    for (const xml of messages) expect(expectAnswered(xml)).toBe(true);
  });
});
