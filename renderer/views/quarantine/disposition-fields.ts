// Turns the form's inputs into disposition arguments, checked with the same zod schema and the same
// "postings add up" rule as the host, so most mistakes are shown before the call and the host's
// answer names the same fields.
import { dispositionArgsSchema, type DispositionArgs } from '../../../shared/api/quarantine';
import { checkDeviationNumber, checkPostings, type UsagePosting } from '../../../shared/usage-decision';
import { ApiCallError } from '../../api/api-call-error';
import { sentence } from '../../format/sentence';

export interface DispositionInput {
  taskId: string;
  lot: { lotId: string; quantity: number; unit: string; decimals: number };
  postings: UsagePosting[];
  reason: string;
  deviationNumber: string;
  containmentLotIds: string[];
  /** What a deviation number must look like (settings, as the core and the gateway check it). */
  deviationNumberPattern: string;
}

export type DispositionField = 'postings' | 'reason' | 'deviationNumber' | 'form';
export type FieldErrors = Partial<Record<DispositionField, string>>;

/** The form's field for a zod path: "postings.1.quantity" belongs to the postings. */
function fieldOf(path: string): DispositionField {
  const head = path.split('.')[0];
  return head === 'postings' || head === 'reason' || head === 'deviationNumber' ? head : 'form';
}

/** Field errors keyed by the form's fields; anything else (taskId, containment, unknown) goes to "form". */
export function toFieldErrors(problems: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, problem] of Object.entries(problems)) {
    const field = fieldOf(path);
    errors[field] ??= sentence(field === 'form' && path !== '(message)' ? `${path}: ${problem}` : problem);
  }
  return errors;
}

/**
 * What the host's refusal means for the form. Invalid arguments name their fields; a domain refusal
 * that starts with a field ("postings: the quantities add up to 150 KG, but …") goes beside it;
 * anything else is the form's.
 */
export function hostErrors(error: unknown): FieldErrors {
  if (error instanceof ApiCallError && error.code === 'invalid-args') return toFieldErrors(error.fieldErrors());
  const message = error instanceof Error ? error.message : String(error);
  const field = /^([\w]+)(\.[\w.]+)?: (.+)$/s.exec(message);
  if (!field) return { form: message };
  // "taskId: lot decision already made by …": the engineer needs the sentence, not the argument's name.
  return fieldOf(field[1]!) === 'form' ? { form: sentence(field[3]!) } : toFieldErrors({ [field[1]!]: field[3]! });
}

/** The deviation number's problem as soon as the engineer leaves the field, in the words Submit would use; null when it fits. */
export function deviationNumberProblem(typed: string, pattern: string): string | null {
  const deviationNumber = typed.trim();
  const misnumbered = deviationNumber === '' ? null : checkDeviationNumber(deviationNumber, pattern);
  return misnumbered === null ? null : (toFieldErrors({ deviationNumber: misnumbered.replace(/^deviationNumber: /, '') }).deviationNumber ?? null);
}

export function validateDisposition(input: DispositionInput): { args: DispositionArgs } | { errors: FieldErrors } {
  const deviationNumber = input.deviationNumber.trim();
  const usesAsIs = input.postings.some((posting) => posting.decision === 'use-as-is');
  const parsed = dispositionArgsSchema.safeParse({
    taskId: input.taskId,
    postings: input.postings,
    reason: input.reason,
    // Only use-as-is carries a deviation; a number typed before its quantity was cleared is not sent.
    ...(usesAsIs && deviationNumber !== '' ? { deviationNumber } : {}),
    containmentLotIds: input.containmentLotIds,
  });
  const problems: Record<string, string> = {};
  const misnumbered = usesAsIs && deviationNumber !== '' ? checkDeviationNumber(deviationNumber, input.deviationNumberPattern) : null;
  if (misnumbered !== null) problems['deviationNumber'] = misnumbered.replace(/^deviationNumber: /, '');
  const addUp = input.postings.length > 0 ? checkPostings(input.postings, input.lot, input.lot.decimals) : null;
  if (addUp !== null) problems['postings'] = addUp.replace(/^postings(\[\d+\]\.quantity)?: /, '');
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[issue.path.map(String).join('.') || '(message)'] ??= issue.message;
  }
  if (Object.keys(problems).length > 0) return { errors: toFieldErrors(problems) };
  return parsed.success ? { args: parsed.data } : { errors: { form: 'The decision could not be checked.' } };
}
