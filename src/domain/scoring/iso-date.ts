/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), done in UTC so that a result never depends on the time zone or a
 * daylight-saving change of the machine: scoring and ranking must give the same figures everywhere.
 */
const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(utcDay(to) - utcDay(from));
}

/** The local calendar date of an instant, as the user sees it on their machine (for "today"). */
export function isoDateOf(instant: number | Date): string {
  const date = new Date(instant);
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The last day of the calendar year of a date: when an annual obligation is due at the latest. */
export function endOfYear(iso: string): string {
  return `${iso.slice(0, 4)}-12-31`;
}

/** The date `days` days after `iso` (before it when negative), in UTC like {@link daysBetween}. */
export function addDays(iso: string, days: number): string {
  return new Date((utcDay(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}
