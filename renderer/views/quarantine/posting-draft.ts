// The usage decision form's postings as the engineer types them: one quantity text per kind of
// posting, read into postings, balanced against the lot's quantity, filled with "rest" and "all".
// Plain functions, so the balance the form shows is the one the tests check.
import { dispositionDecisions, type DispositionDecision } from '../../../shared/domain';
import { postingsTotal, roundQuantity, type UsagePosting } from '../../../shared/usage-decision';
import { decisionShortLabels } from '../../format/labels';
import { parseNumberInput } from '../../format/number-input';
import { formatQuantity } from '../../format/numbers';

/** The text typed for each kind; '' when the kind gets nothing. */
export type PostingDraft = Readonly<Record<DispositionDecision, string>>;

export const emptyDraft: PostingDraft = Object.fromEntries(dispositionDecisions.map((kind) => [kind, ''])) as Record<DispositionDecision, string>;

export type QuantityInput = { kind: 'empty' } | { kind: 'quantity'; value: number } | { kind: 'invalid'; problem: string };

/**
 * "1,100", "120", "12.5", " 80 " are quantities, read as the app shows them; "", "0" post nothing;
 * anything else (or more decimals than the lot's unit has) says what is wrong.
 */
export function parseQuantityInput(text: string, decimals: number, unit: string): QuantityInput {
  const input = parseNumberInput(text, decimals, unit);
  if (input.kind !== 'number') return input;
  return input.value === 0 ? { kind: 'empty' } : { kind: 'quantity', value: input.value };
}

export interface DraftReading {
  /** In the form's order of kinds; kinds left empty are not posted. */
  postings: UsagePosting[];
  /** The problem of each kind whose text is not a quantity. */
  invalid: Partial<Record<DispositionDecision, string>>;
}

/** lot: its unit and that unit's decimals bound each quantity typed. */
export function readDraft(draft: PostingDraft, lot: { unit: string; decimals: number }): DraftReading {
  const postings: UsagePosting[] = [];
  const invalid: Partial<Record<DispositionDecision, string>> = {};
  for (const decision of dispositionDecisions) {
    const input = parseQuantityInput(draft[decision], lot.decimals, lot.unit);
    if (input.kind === 'quantity') postings.push({ decision, quantity: input.value });
    else if (input.kind === 'invalid') invalid[decision] = input.problem;
  }
  return { postings, invalid };
}

export type BalanceState = 'nothing' | 'under' | 'exact' | 'over';

export interface PostingBalance {
  state: BalanceState;
  posted: number;
  /** Lot quantity minus posted: negative when the postings exceed the lot. */
  remaining: number;
  lotQuantity: number;
  unit: string;
}

export function postingBalance(postings: readonly UsagePosting[], lot: { quantity: number; unit: string }): PostingBalance {
  const posted = postingsTotal(postings);
  const lotQuantity = roundQuantity(lot.quantity);
  const remaining = roundQuantity(lotQuantity - posted);
  const state: BalanceState = postings.length === 0 ? 'nothing' : remaining > 0 ? 'under' : remaining < 0 ? 'over' : 'exact';
  return { state, posted, remaining, lotQuantity, unit: lot.unit };
}

/** "Posted 150 of 180 KG — 30 KG left", "… — 20 KG too much", "… — the whole lot". */
export function describeBalance(balance: PostingBalance): string {
  const lot = formatQuantity(balance.lotQuantity, balance.unit);
  if (balance.state === 'nothing') return `Nothing posted yet — ${lot} to post`;
  const posted = `Posted ${formatQuantity(balance.posted, '')} of ${lot}`;
  if (balance.state === 'under') return `${posted} — ${formatQuantity(balance.remaining, balance.unit)} left`;
  if (balance.state === 'over') return `${posted} — ${formatQuantity(-balance.remaining, balance.unit)} too much`;
  return `${posted} — the whole lot`;
}

/**
 * What the preview says while the parts do not add up to the lot, instead of a valuation and a code
 * that would change with the rest: "7,021 EA not posted yet". Null when nothing or everything is posted.
 */
export function describeUnposted(balance: PostingBalance): string | null {
  if (balance.state === 'under') return `${formatQuantity(balance.remaining, balance.unit)} not posted yet`;
  if (balance.state === 'over') return `${formatQuantity(-balance.remaining, balance.unit)} posted more than the lot holds`;
  return null;
}

/** Why the decision cannot be submitted as it stands, or null when the postings add up. */
export function submitBlockedReason(reading: DraftReading, balance: PostingBalance): string | null {
  const firstInvalid = dispositionDecisions.find((kind) => reading.invalid[kind] !== undefined);
  if (firstInvalid) return `Fix the quantity for ${decisionShortLabels[firstInvalid]}: ${reading.invalid[firstInvalid]}.`;
  if (balance.state === 'nothing') return `Post the lot’s ${formatQuantity(balance.lotQuantity, balance.unit)}: type quantities, or use All on one line.`;
  if (balance.state === 'under') return `Post the remaining ${formatQuantity(balance.remaining, balance.unit)} before submitting.`;
  if (balance.state === 'over') return `The postings are ${formatQuantity(-balance.remaining, balance.unit)} more than the lot holds: reduce them to submit.`;
  return null;
}

/** A lot as the form posts it: its quantity, and its unit with that unit's decimals. */
export interface PostedLot {
  quantity: number;
  unit: string;
  decimals: number;
}

/** What "rest" would put on the kind: the lot less every other kind's quantity (invalid texts count as 0). */
export function restFor(draft: PostingDraft, kind: DispositionDecision, lot: PostedLot): number {
  const others = readDraft(draft, lot).postings.filter((posting) => posting.decision !== kind);
  return Math.max(0, roundQuantity(lot.quantity - postingsTotal(others)));
}

export function withRest(draft: PostingDraft, kind: DispositionDecision, lot: PostedLot): PostingDraft {
  const rest = restFor(draft, kind, lot);
  return rest > 0 ? { ...draft, [kind]: String(rest) } : draft;
}

/** The old one-click flow: the whole lot to one kind. */
export function allTo(kind: DispositionDecision, lotQuantity: number): PostingDraft {
  return { ...emptyDraft, [kind]: String(roundQuantity(lotQuantity)) };
}

export function draftFrom(postings: readonly UsagePosting[]): PostingDraft {
  const draft: Record<DispositionDecision, string> = { ...emptyDraft };
  for (const posting of postings) draft[posting.decision] = String(roundQuantity(posting.quantity));
  return draft;
}

/**
 * A refused decision's postings fitted to what the lot holds now, to decide again: a single posting
 * takes the whole lot; several keep their quantities in order while they fit, and the last one takes
 * what is left, so the parts add up to the lot. Postings that no longer fit are dropped.
 */
export function fitPostings(postings: readonly UsagePosting[], quantity: number): UsagePosting[] {
  if (postings.length === 0 || quantity <= 0) return [];
  if (postings.length === 1) return [{ decision: postings[0]!.decision, quantity: roundQuantity(quantity) }];
  const fitted: UsagePosting[] = [];
  let left = roundQuantity(quantity);
  postings.forEach((posting, index) => {
    const last = index === postings.length - 1;
    const part = last ? left : Math.min(posting.quantity, left);
    if (part > 0) fitted.push({ decision: posting.decision, quantity: roundQuantity(part) });
    left = roundQuantity(left - part);
  });
  return fitted;
}
