// Turns the form's inputs into disposition arguments, checked with the same zod schema as the host,
// so most mistakes are shown before the call and the host's answer names the same fields.
import { dispositionArgsSchema, type DispositionArgs } from '../../../shared/api/quarantine';
import type { DispositionDecision } from '../../../shared/domain';

export interface DispositionInput {
  taskId: string;
  decision: DispositionDecision | null;
  reason: string;
  deviationNumber: string;
}

export type DispositionField = 'decision' | 'reason' | 'deviationNumber' | 'form';
export type FieldErrors = Partial<Record<DispositionField, string>>;

const fields: readonly DispositionField[] = ['decision', 'reason', 'deviationNumber'];

function sentence(problem: string): string {
  const text = problem.charAt(0).toUpperCase() + problem.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Field errors keyed by the form's fields; anything else (taskId, unknown) goes to "form". */
export function toFieldErrors(problems: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, problem] of Object.entries(problems)) {
    const field = fields.find((name) => name === path) ?? 'form';
    errors[field] ??= sentence(field === 'form' && path !== '(message)' ? `${path}: ${problem}` : problem);
  }
  return errors;
}

export function validateDisposition(input: DispositionInput): { args: DispositionArgs } | { errors: FieldErrors } {
  if (input.decision === null) return { errors: { decision: 'Choose a decision.' } };
  const deviationNumber = input.deviationNumber.trim();
  const parsed = dispositionArgsSchema.safeParse({
    taskId: input.taskId,
    decision: input.decision,
    reason: input.reason,
    // Only use-as-is carries a deviation; a number typed before switching decision is not sent.
    ...(input.decision === 'use-as-is' && deviationNumber !== '' ? { deviationNumber } : {}),
  });
  if (parsed.success) return { args: parsed.data };
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '(message)';
    problems[path] ??= issue.message;
  }
  return { errors: toFieldErrors(problems) };
}
