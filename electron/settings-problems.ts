// What is wrong with a settings file, field by field, in words a person fixes it by: each bad field
// by its path, and each key the schema does not know by its path with the known key it is closest to.
import { z } from 'zod';

/** The schema of the object at `path`, through defaults, optionals, nullables and arrays. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | null {
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    while (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  };
  for (const segment of path) {
    unwrap();
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return null;
  }
  unwrap();
  return current instanceof z.ZodObject ? current : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The known name a misspelt one most likely meant: a few letters off (case aside), else none. */
export function nearestName(name: string, known: readonly string[]): string | null {
  const allowed = Math.max(1, Math.floor(name.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

function unknownKey(schema: z.ZodType, objectPath: readonly PropertyKey[], key: string): string {
  const path = [...objectPath, key].map(String).join('.');
  const known = Object.keys(objectAt(schema, objectPath)?.shape ?? {});
  const nearest = nearestName(key, known);
  if (nearest) return `${path}: unknown key (did you mean "${nearest}"?)`;
  return known.length > 0 ? `${path}: unknown key (known keys here: ${known.join(', ')})` : `${path}: unknown key`;
}

/** One line naming each problem: "rol: unknown key (did you mean "role"?); thresholds.minimumYield: …". */
export function describeSettingsProblems(error: z.ZodError, schema: z.ZodType): string {
  return error.issues
    .flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownKey(schema, issue.path, key));
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the whole file)';
      return [`${field}: ${issue.message}`];
    })
    .join('; ');
}
