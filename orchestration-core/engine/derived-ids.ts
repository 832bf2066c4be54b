// Ids derived from the event that caused them: every workstation that hears the event derives the
// same id, so the gateway applies a command once and an exception has one name everywhere.
import { createHash } from 'node:crypto';

/** Longest id the wire accepts (shared/domain idSchema). */
const maxIdLength = 80;

/** prefix + eventId + suffix, with the event id hashed when the whole would not fit on the wire. */
export function derivedId(prefix: string, eventId: string, suffix = ''): string {
  const plain = `${prefix}${eventId}${suffix}`;
  if (plain.length <= maxIdLength) return plain;
  return `${prefix}${createHash('sha256').update(eventId).digest('hex').slice(0, 40)}${suffix}`;
}

/** The commandId of what a workflow sends on its own for `purpose` in answer to event `eventId`. */
export const commandIdFor = (eventId: string, purpose: string): string => derivedId('', eventId, `.${purpose}`);
