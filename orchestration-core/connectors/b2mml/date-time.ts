// B2MML dates (xsd:dateTime, sometimes a bare xsd:date) as the canonical events carry them: an
// instant in UTC. A time without an offset names no instant, so it is not guessed at.
import { reject, optionalText, type XmlElement } from './xml-element';

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface DateTimeRules {
  /** Read a bare date (an expiry, say) as midnight UTC of that day. */
  allowDateOnly?: boolean;
}

/** `2012-12-10T17:02:56.0Z` -> `2012-12-10T17:02:56Z`; undefined when the text names no instant. */
export function normaliseDateTime(text: string, rules: DateTimeRules = {}): string | undefined {
  const match = dateTimePattern.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, offset] = match;
  if (!date || !isCalendarDate(date)) return undefined;
  if (time === undefined) return rules.allowDateOnly ? `${date}T00:00:00Z` : undefined;
  if (offset === undefined) return undefined;
  const withColon = offset === 'Z' || offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const instant = Date.parse(`${date}T${time}${withColon}`);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** The child's date-time, normalised; a present but unreadable one rejects the message. */
export function optionalDateTime(element: XmlElement, name: string, path: string, rules: DateTimeRules = {}): string | undefined {
  const text = optionalText(element, name);
  if (text === undefined) return undefined;
  return normaliseDateTime(text, rules) ?? reject(`${path}.${name}`, `"${text}" is not a date-time with a UTC offset`);
}

// Date.parse rolls 2021-02-30 over to March; a plant's typo should not move a date.
function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}
