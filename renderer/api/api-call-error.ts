import type { ApiError } from '../../shared/api';
import { withLocalTimes } from '../format/time';

/**
 * A call the host answered with `ok: false`. For invalid arguments the host's message is the shared
 * zod description, "field: problem; other.field: problem", which fieldErrors() splits back up. Times in
 * it read in the user's time zone, as everywhere else on screen.
 */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];

  constructor(error: ApiError) {
    super(withLocalTimes(error.message));
    this.name = 'ApiCallError';
    this.code = error.code;
  }

  fieldErrors(): Record<string, string> {
    return this.code === 'invalid-args' ? parseFieldErrors(this.message) : {};
  }
}

/** Inverse of shared/describe-error.ts: first problem per field; issues without a field go to "(message)". */
export function parseFieldErrors(description: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const part of description.split('; ')) {
    const separator = part.indexOf(': ');
    const field = separator > 0 ? part.slice(0, separator) : '(message)';
    const problem = separator > 0 ? part.slice(separator + 2) : part;
    if (problem && !(field in errors)) errors[field] = problem;
  }
  return errors;
}
