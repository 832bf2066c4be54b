// Ids derived from the event that caused them: every workstation that hears the event derives the
// same id, so the gateway applies a command once and an exception has one name everywhere.
import { createHash } from 'node:crypto';

/** Longest id the wire accepts (shared/domain idSchema). */
const maxIdLength = 80;

/**
 * prefix + eventId + suffix; when that would not fit on the wire, the event id is hashed, and when
 * even that would not (a long suffix), the event id and suffix together.
 */
export function derivedId(prefix: string, eventId: string, suffix = ''): string {
  const plain = `${prefix}${eventId}${suffix}`;
  if (plain.length <= maxIdLength) return plain;
  const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);
  const hashedEvent = `${prefix}${hash(eventId)}${suffix}`;
  return hashedEvent.length <= maxIdLength ? hashedEvent : `${prefix}${hash(`${eventId}${suffix}`)}`;
}

/** The commandId of what a workflow sends on its own for `purpose` in answer to event `eventId`. */
export const commandIdFor = (eventId: string, purpose: string): string => derivedId('', eventId, `.${purpose}`);
