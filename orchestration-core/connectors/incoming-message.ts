// What one message on a connector carries: a canonical event, or a plant's B2MML message in an event
// envelope that the format adapter turns into canonical events. Never throws; a message that cannot
// be read gives the reason, naming the field.
import { b2mmlEventType, b2mmlPayloadSchema } from '../../shared/b2mml-message';
import { describeZodError } from '../../shared/describe-error';
import { parseEvent, type CanonicalEvent, type EventEnvelope } from '../../shared/events';
import type { StockUnits } from './b2mml/stock-units';
import { translateB2mml } from './b2mml/translate';

export type IncomingMessage =
  | { ok: true; envelope: EventEnvelope; events: CanonicalEvent[] }
  | { ok: false; reason: string; envelope?: EventEnvelope };

/** `units`: how a plant's B2MML quantities' units are read (master data's, and the plant's mappings). */
export function readIncomingMessage(raw: unknown, units?: StockUnits): IncomingMessage {
  const parsed = parseEvent(raw);
  if (parsed.ok) return { ok: true, envelope: parsed.event, events: [parsed.event] };
  // Only a message that is not a canonical event pays for the format check.
  const envelope = parsed.envelope;
  if (envelope?.type !== b2mmlEventType) return parsed;
  const payload = b2mmlPayloadSchema.safeParse(envelope.payload);
  if (!payload.success) return { ok: false, reason: `payload.${describeZodError(payload.error)}`, envelope };
  const { id, stream, seq, source, occurredAt, plant } = envelope;
  const translated = translateB2mml(payload.data.xml, { id, stream, seq, source, occurredAt, ...(plant === undefined ? {} : { plant }), ...(units ? { units } : {}) });
  if (!translated.ok) return { ok: false, reason: `b2mml: ${translated.reason}`, envelope };
  return { ok: true, envelope, events: translated.events };
}
