// Calendar helpers for drawing: day numbers and short labels of ISO dates (pure, no DOM).

export const DAY_MS = 86_400_000;

/** Returns the day number of an ISO date. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Returns 'Mar 2' for '2026-03-02' (by hand: toLocaleDateString costs ~0.1 ms a call, too much per axis tick). */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  return `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? '?'} ${Number(iso.slice(8, 10))}`;
}
