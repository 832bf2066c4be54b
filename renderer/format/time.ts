// Ages and "how long ago" for the grid and the status bar, coarse on purpose: a lot on hold for
// 2 days does not need minutes, and a sync 40 seconds ago needs no more than that. Plan dates
// (YYYY-MM-DD, no time of day) are shown as they are, in no time zone.
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** How long something has lasted, in its coarsest unit: "< 1 min", "12 min", "3 h", "2 d" (an age; a deadline reads formatDue). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < minute) return '< 1 min';
  if (ms < hour) return `${Math.floor(ms / minute)} min`;
  if (ms < day) return `${Math.floor(ms / hour)} h`;
  return `${Math.floor(ms / day)} d`;
}

/** Age of something that started at an ISO time, e.g. a lot's holdSince. */
export function formatAge(sinceIso: string, now: number): string {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return '—';
  // A clock a little behind the gateway's must not show a negative age.
  return formatDuration(Math.max(0, now - since));
}

/**
 * How long until or since a deadline, to the minute under a day: "45 min", "3 h 20 min", "4 h", "1 d 2 h".
 * Time left is rounded up and time past rounded down, so a 4-hour SLA reads "4 h" right after the
 * request, and neither side ever shows a deadline nearer than it is.
 */
export function formatSpan(ms: number, rounding: 'up' | 'down'): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const round = rounding === 'up' ? Math.ceil : Math.floor;
  const minutes = round(ms / minute);
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const hours = round(ms / hour);
  const [d, h] = [Math.floor(hours / 24), hours % 24];
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** When something is due: "due in 4 h", "due in 3 h 20 min", "overdue 20 min". */
export function formatDue(dueIso: string, now: number): { text: string; overdue: boolean } {
  const due = Date.parse(dueIso);
  if (Number.isNaN(due)) return { text: '—', overdue: false };
  return due >= now ? { text: `due in ${formatSpan(due - now, 'up')}`, overdue: false } : { text: `overdue ${formatSpan(now - due, 'down')}`, overdue: true };
}

/** "12 s ago", "3 min ago", "2 h ago", "never". */
export function formatTimeAgo(iso: string | null, now: number): string {
  if (iso === null) return 'never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 'unknown';
  const elapsed = Math.max(0, now - at);
  if (elapsed < 5000) return 'just now';
  if (elapsed < minute) return `${Math.floor(elapsed / 1000)} s ago`;
  return `${formatDuration(elapsed)} ago`;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const timeOfDayFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "14:05" in the user's time zone, for a moment of today. */
export function formatTimeOfDay(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : timeOfDayFormat.format(at);
}

/** "22 Nov 2025, 14:05" in the user's time zone. */
export function formatDateTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : dateTimeFormat.format(at);
}

const isoTimestamp = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A message from the core or the gateway with its timestamps ("locked until 2026-12-07T14:05:00.000Z") in the user's time zone. */
export function withLocalTimes(message: string): string {
  return message.replace(isoTimestamp, (iso) => formatDateTime(iso));
}

const planDateFormat = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: '2-digit', timeZone: 'UTC' });
const planDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function planDay(date: string): number {
  return planDatePattern.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
}

/** A plan date, "12 Mar 2026": read as UTC so a planner west of Greenwich does not see the day before. */
export function formatPlanDate(date: string): string {
  const at = planDay(date);
  return Number.isNaN(at) ? date : planDateFormat.format(at);
}

/**
 * A plan date as short as it stays clear: "02 Dec" in the current year, "05 Jan 2027" outside it, so a
 * date next January never reads as this January.
 */
export function formatPlanDay(date: string, now: number = Date.now()): string {
  const at = planDay(date);
  if (Number.isNaN(at)) return date;
  const full = planDateFormat.format(at);
  return new Date(at).getUTCFullYear() === new Date(now).getFullYear() ? full.replace(/ \d{4}$/, '') : full;
}

/** Whole days from one plan date to another; null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const days = (planDay(to) - planDay(from)) / day;
  return Number.isNaN(days) ? null : Math.round(days);
}

/**
 * A span of plan dates as compactly as it reads unambiguously: "01–05 Dec 2026", "28 Nov – 03 Dec 2026",
 * "29 Dec 2026 – 02 Jan 2027"; one day is one date.
 */
export function formatPlanDateRange(from: string, to: string): string {
  const [start, end] = [planDay(from), planDay(to)];
  if (Number.isNaN(start) || Number.isNaN(end)) return `${formatPlanDate(from)} – ${formatPlanDate(to)}`;
  if (from === to) return formatPlanDate(from);
  const [a, b] = [new Date(start), new Date(end)];
  const day = (date: Date) => String(date.getUTCDate()).padStart(2, '0');
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${formatPlanDate(from)} – ${formatPlanDate(to)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${formatPlanDate(from).replace(/ \d{4}$/, '')} – ${formatPlanDate(to)}`;
  return `${day(a)}–${formatPlanDate(to)}`;
}
