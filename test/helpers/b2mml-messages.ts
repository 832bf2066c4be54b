// B2MML test messages and the context the plant connector would hand the adapter with them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { translateB2mml, type B2mmlContext } from '../../orchestration-core/connectors/b2mml/translate';
import type { CanonicalEvent } from '../../shared/events';

export const b2mmlFixtureDir = path.resolve(import.meta.dirname, '../fixtures/b2mml');

/** A file under test/fixtures/b2mml, as text (a BOM, if any, kept). */
export function b2mmlFixture(name: string): string {
  return readFileSync(path.join(b2mmlFixtureDir, name), 'utf8');
}

export const b2mmlContext: B2mmlContext = {
  id: 'plant.P1:00042',
  stream: 'plant.P1',
  seq: 42,
  source: 'mes-gateway',
  occurredAt: '2026-03-06T08:00:00Z',
  plant: 'P1',
};

/** The envelope fields every event of one message shares under b2mmlContext. */
export function envelope(n: number, source: string, occurredAt: string) {
  return { id: `plant.P1:00042/${n}`, stream: 'plant.P1', seq: 42, source, occurredAt, plant: 'P1', schemaVersion: 1 };
}

/** Translates and expects success; the events, for exact assertions. */
export function translatedEvents(xml: string, context: B2mmlContext = b2mmlContext): CanonicalEvent[] {
  const translation = translateB2mml(xml, context);
  if (!translation.ok) expect.fail(`expected the message to translate, got: ${translation.reason}`);
  return translation.events;
}

/** Translates and expects a rejection; its reason. */
export function rejectionReason(xml: unknown, context: B2mmlContext = b2mmlContext): string {
  const translation = translateB2mml(xml, context);
  if (translation.ok) expect.fail(`expected a rejection, got ${translation.events.length} events`);
  return translation.reason;
}

/** A V0700 message around a DataArea body, for the small cases. */
export function v0700Message(root: string, body: string): string {
  const verb = /^(Sync|Process|Show|Change|Respond|Get|Acknowledge|Cancel)/.exec(root)?.[1] ?? 'Sync';
  return `<${root} xmlns="http://www.mesa.org/xml/B2MML" releaseID="0700"><ApplicationArea><CreationDateTime>2026-03-06T07:00:00Z</CreationDateTime></ApplicationArea><DataArea><${verb}/>${body}</DataArea></${root}>`;
}
