import type { z } from 'zod';

export interface DescribeOptions {
  /** What an issue without a path is about: the whole message, body or argument object. */
  root?: string;
}

/**
 * Turns zod issues into one line that names each field and its problem: "payload.lotId: expected string".
 * A key the schema does not know is named by its own path ("payload.colour: unknown field"), one per key.
 */
export function describeZodError(error: z.ZodError, options: DescribeOptions = {}): string {
  const root = options.root ?? '(message)';
  const pathOf = (path: readonly PropertyKey[]) => (path.length > 0 ? path.map(String).join('.') : root);
  return error.issues
    .flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${pathOf([...issue.path, key])}: unknown field`)
        : [`${pathOf(issue.path)}: ${issue.message}`],
    )
    .join('; ');
}
