// A usage decision in SAP QM's terms: the inspection lot's quantity posted, in parts, to where each
// part goes; its valuation, code and follow-up actions follow from those postings. The app and the
// gateway both split a lot with these rules, so both name the same sub-lots.
import { z } from 'zod';
import { dispositionDecisionSchema, quantitySchema, stockAfterDisposition, type DispositionDecision, type StockType } from './domain';
import { quantityProblem } from './units';

export const usagePostingSchema = z.object({
  decision: dispositionDecisionSchema,
  quantity: quantitySchema.positive('must be more than 0'),
});
export type UsagePosting = z.infer<typeof usagePostingSchema>;

/** One to six postings, each kind at most once. */
export const usagePostingsSchema = z
  .array(usagePostingSchema)
  .min(1, 'post the lot somewhere')
  .max(dispositionDecisionSchema.options.length)
  .refine((postings) => new Set(postings.map((p) => p.decision)).size === postings.length, 'each kind of posting at most once');

export type UsageValuation = 'accept' | 'reject';

/** Quantities in the units lots use, compared to the gram: 0.1 + 0.2 adds up to 0.3. */
export const roundQuantity = (quantity: number): number => Math.round(quantity * 1000) / 1000;

export const postingsTotal = (postings: readonly UsagePosting[]): number => roundQuantity(postings.reduce((sum, p) => sum + p.quantity, 0));

/**
 * Null when each posting fits the lot's unit (no 10.5 EA: EA counts whole pieces) and together they cover
 * the lot exactly; otherwise the error, naming the field. `decimals`: the unit's, from the master data.
 */
export function checkPostings(postings: readonly UsagePosting[], lot: { lotId: string; quantity: number; unit: string }, decimals: number): string | null {
  const misfit = postings.findIndex((posting) => quantityProblem(posting.quantity, lot.unit, decimals) !== null);
  if (misfit !== -1) return `postings[${misfit}].quantity: ${quantityProblem(postings[misfit]!.quantity, lot.unit, decimals)}`;
  const total = postingsTotal(postings);
  if (total === roundQuantity(lot.quantity)) return null;
  return `postings: the quantities add up to ${total} ${lot.unit}, but lot ${lot.lotId} holds ${roundQuantity(lot.quantity)} ${lot.unit}`;
}

/** Accepted when all of the lot may be used (released, or used as is under a deviation). */
export function usageValuation(postings: readonly UsagePosting[]): UsageValuation {
  return postings.every((p) => p.decision === 'release' || p.decision === 'use-as-is') ? 'accept' : 'reject';
}

const rejectionCodes: Record<Exclude<DispositionDecision, 'release' | 'use-as-is'>, { code: string; text: string }> = {
  scrap: { code: 'R1', text: 'Rejected: scrap' },
  'return-to-vendor': { code: 'R2', text: 'Rejected: return to vendor' },
  rework: { code: 'R3', text: 'Rejected: rework' },
  'keep-blocked': { code: 'R4', text: 'Rejected: keep blocked' },
};

/** The usage decision code, as a catalogue in QM would give it. */
export function usageDecisionCode(postings: readonly UsagePosting[]): { code: string; text: string } {
  if (usageValuation(postings) === 'accept') {
    return postings.some((p) => p.decision === 'use-as-is') ? { code: 'A2', text: 'Accepted under deviation' } : { code: 'A1', text: 'Accepted' };
  }
  const rejected = postings.filter((p) => p.decision !== 'release' && p.decision !== 'use-as-is');
  if (rejected.length === 1 && rejected.length === postings.length) return rejectionCodes[rejected[0]!.decision as keyof typeof rejectionCodes];
  return { code: 'R9', text: 'Partly rejected' };
}

const followUps: Record<DispositionDecision, string | null> = {
  release: null,
  'use-as-is': 'restricted use under the deviation',
  rework: 'rework order',
  'keep-blocked': null,
  scrap: 'scrap posting',
  'return-to-vendor': 'return delivery and supplier complaint',
};

export const followUpActions = (postings: readonly UsagePosting[]): string[] =>
  postings.map((p) => followUps[p.decision]).filter((action): action is string => action !== null);

export interface LotPart {
  /** The lot itself for the first part that stays, a sub-lot for each further one. */
  lotId: string;
  decision: DispositionDecision;
  stockType: StockType;
  quantity: number;
}

/**
 * The sub-lot id of the nth part (1-based) that stays in stock beyond the first: `<lot>-<version>.<n>`,
 * after the lot version the decision was based on, so a later decision on the same lot (a re-inspection)
 * names new sub-lots. Too long for the wire (a long lot id), the lot's and its own are refused upstream.
 */
export const subLotId = (lotId: string, basedOnVersion: number, n: number): string => `${lotId}-${basedOnVersion}.${n}`;

/**
 * What the lot becomes: each posting that keeps its stock is a part with its stock type (the first
 * stays under the lot's id, the others become sub-lots); scrap and return to vendor leave the plant.
 * When nothing stays, the lot remains, empty and blocked.
 */
export function splitLot(lotId: string, basedOnVersion: number, postings: readonly UsagePosting[]): { parts: LotPart[]; leaving: UsagePosting[] } {
  const parts: LotPart[] = [];
  const leaving: UsagePosting[] = [];
  for (const posting of postings) {
    const after = stockAfterDisposition(posting.decision);
    if (!after.keepsQuantity) {
      leaving.push(posting);
      continue;
    }
    parts.push({ lotId: parts.length === 0 ? lotId : subLotId(lotId, basedOnVersion, parts.length), decision: posting.decision, stockType: after.stockType, quantity: posting.quantity });
  }
  if (parts.length === 0) parts.push({ lotId, decision: leaving[0]?.decision ?? 'scrap', stockType: 'blocked', quantity: 0 });
  return { parts, leaving };
}

/** The deviation numbers QM issues, unless settings say otherwise: DEV- and up to eight digits. */
export const defaultDeviationNumberPattern = '^DEV-\\d{1,8}$';

/** A pattern from settings as a regular expression, or why it cannot be one. */
export function deviationPattern(pattern: string): RegExp {
  return new RegExp(pattern, 'u');
}

/**
 * The patterns whose numbers we can put in words for a person on the floor: what they look like, and
 * one number each accepts. Of any other pattern (a company's own, from settings or the gateway's flag)
 * the regular expression is all we know.
 */
const knownPatterns: Readonly<Record<string, { form: string; example: string }>> = {
  [defaultDeviationNumberPattern]: { form: 'DEV- and up to 8 digits', example: 'DEV-0042' },
};

/** What a deviation number looks like under the pattern, in words, with one it accepts; null when only the pattern is known. */
export function describeDeviationNumber(pattern: string): { form: string; example: string } | null {
  const known = knownPatterns[pattern];
  return known !== undefined && deviationPattern(pattern).test(known.example) ? known : null;
}

/** The deviation field's placeholder: one number the pattern accepts ("e.g. DEV-0042"), else the pattern itself. */
export function deviationNumberPlaceholder(pattern: string): string {
  const known = describeDeviationNumber(pattern);
  return known ? `e.g. ${known.example}` : `matching ${pattern}`;
}

/**
 * Null when the deviation number has the form the pattern asks for; otherwise the error, naming the
 * field. The app's form, the core and the gateway all say it with these words.
 */
export function checkDeviationNumber(deviationNumber: string, pattern: string): string | null {
  if (deviationPattern(pattern).test(deviationNumber)) return null;
  const known = describeDeviationNumber(pattern);
  const expected = known ? `${known.form}, e.g. ${known.example}` : `a number matching the pattern ${pattern}`;
  return `deviationNumber: "${deviationNumber}" is not a deviation number; it must be ${expected}`;
}

