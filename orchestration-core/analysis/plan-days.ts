// Planning works in whole calendar days, counted from 1970-01-01 (UTC) so dates compare as numbers.
const msPerDay = 86_400_000;

export function dayOf(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  return Math.round(ms / msPerDay);
}

export function dateOf(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}
