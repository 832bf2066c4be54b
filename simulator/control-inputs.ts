// The fields of the control endpoints' bodies, each with its rule in words: a refusal names the field,
// the rule and the value sent ("days: must be a whole number of days from 1 to 365, not 400").
import { z } from 'zod';

/** The value as the body had it, short enough for one line. */
function shown(input: unknown): string {
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The error of every check of one field: its rule, then what was sent instead (or that nothing was). */
function ruled(rule: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? `missing; must be ${rule}` : `must be ${rule}, not ${shown(issue.input)}`) };
}

/** A whole number from min to max: a count, a rate per second, a number of days ("a whole number of days"). */
export function wholeNumber(min: number, max: number, what = 'a whole number'): z.ZodNumber {
  const rule = ruled(`${what} from ${min} to ${max}`);
  return z.number(rule).int(rule).min(min, rule).max(max, rule);
}

/** A number above 0 and at most max, not necessarily whole ("a number of seconds"). */
export function positiveNumber(max: number, what = 'a number'): z.ZodNumber {
  const rule = ruled(`${what} above 0, at most ${max}`);
  return z.number(rule).positive(rule).max(max, rule);
}

/** A number from 0 to max, not necessarily whole. */
export function numberFromZero(max: number): z.ZodNumber {
  const rule = ruled(`a number from 0 to ${max}`);
  return z.number(rule).min(0, rule).max(max, rule);
}

/** A quantity above 0; whether it fits its unit (whole EA, KG to 3 decimals) the scenario checks against the item. */
export const positiveQuantity = z.number(ruled('a positive number')).positive(ruled('a positive number'));

/** A document or master data id (lot, plant, line, PO line, stoppage): trimmed, as the gateway's ids are. */
const idRule = ruled('an id of 1 to 80 characters');
export const controlId = z.string(idRule).trim().min(1, idRule).max(80, idRule);

/** Free text such as a reason, or a message's XML (min 1). */
export function text(max: number, min = 0): z.ZodString {
  const rule = ruled(min > 0 ? `text of ${min} to ${max} characters` : `text of at most ${max} characters`);
  return z.string(rule).min(min, rule).max(max, rule);
}

/** A body (or a query's parameters): a JSON object of exactly these fields; an unknown one is named as such. */
export function exactly<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'invalid_type' ? `must be a JSON object, not ${shown(issue.input)}` : undefined),
  });
}

/** Days a supplier delay or a line stoppage lasts: from the next day to a year. */
export const days = wholeNumber(1, 365, 'a whole number of days');
