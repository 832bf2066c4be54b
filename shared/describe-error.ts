import type { z } from 'zod';

/** Turns zod issues into one line that names each field and its problem: "payload.lotId: expected string". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(message)';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}
