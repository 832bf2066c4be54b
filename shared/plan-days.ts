// Planning works in whole calendar days, counted from 1970-01-01 (UTC) so dates compare as numbers.
const msPerDay = 86_400_000;

/** A plan holds a few hundred distinct dates and hundreds of thousands of references to them. */
const dayCache = new Map<string, number>();

export function dayOf(date: string): number {
  const cached = dayCache.get(date);
  if (cached !== undefined) return cached;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  const day = Math.round(ms / msPerDay);
  if (dayCache.size < 100_000) dayCache.set(date, day);
  return day;
}

/** The other way round: rebalancing names a need and an arrival date for every plant and lane it prices. */
const dateCache = new Map<number, string>();

export function dateOf(day: number): string {
  const cached = dateCache.get(day);
  if (cached !== undefined) return cached;
  const date = new Date(day * msPerDay).toISOString().slice(0, 10);
  if (dateCache.size < 100_000) dateCache.set(day, date);
  return date;
}

/** The calendar day a moment falls on where the machine is (YYYY-MM-DD): what "today" is on the floor. */
export function calendarDayOf(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A plan date as texts built outside the renderer write it, the way the views show dates: "03 Dec 2026". */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = monthNames[Number(month) - 1];
  return year && name && day ? `${day} ${name} ${year}` : date;
}
