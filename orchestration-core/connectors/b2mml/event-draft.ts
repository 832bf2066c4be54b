// What a mapper hands the entry point: the event type, its correlation id and payload, and the
// element path it came from, so a payload that fails the canonical schema names its source.
import type { z } from 'zod';
import type { EventType, eventPayloadSchemas } from '../../../shared/events';

export type EventDraft = {
  [T in EventType]: { path: string; type: T; correlationId: string; payload: z.input<(typeof eventPayloadSchemas)[T]> };
}[EventType];

/** What every mapper knows besides the document: the plant the connector serves, when configured. */
export interface MappingContext {
  plant?: string;
}

/** Drops absent fields, so an event says only what the message said. */
export function definedFields<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
