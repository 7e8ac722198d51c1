// Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole UTC days, so results never depend on the
// machine's time zone or clock.

const DAY_MS = 86_400_000;
// A date, optionally followed by a time (Backlog.md writes `2025-06-01 10:20`); the time is ignored.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Returns the day number (days since 1970-01-01) of an ISO date, or undefined when it is not a real date. */
export function toDayNumber(iso: string | undefined): number | undefined {
  if (typeof iso !== 'string') return undefined;
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / DAY_MS);
}

/** Returns the ISO date (YYYY-MM-DD) of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Returns the day number of the first day of the month containing `day`. */
export function startOfMonth(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}

/** Returns the day number of the first day of the month after the one containing `day`. */
export function startOfNextMonth(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
}

/** Returns a short month label such as 'Jan 2026'. */
export function monthLabel(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Returns the calendar quarter label such as 'Q1 2026' and its 0-based index in the year. */
export function quarterOf(day: number): { label: string; year: number; quarter: number } {
  const d = new Date(day * DAY_MS);
  const quarter = Math.floor(d.getUTCMonth() / 3);
  return { label: `Q${quarter + 1} ${d.getUTCFullYear()}`, year: d.getUTCFullYear(), quarter };
}

/** Returns the ISO date string normalised (trimmed) when valid, else undefined. */
export function normaliseDate(iso: unknown): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const n = toDayNumber(iso);
  return n === undefined ? undefined : fromDayNumber(n);
}

/** Returns the calendar date of `now` in the local time zone as YYYY-MM-DD (the caller reads the clock). */
export function localIsoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Returns the local date and time as Backlog.md writes `created_date`: 'YYYY-MM-DD HH:mm'. */
export function localDateTime(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${localIsoDate(now)} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
