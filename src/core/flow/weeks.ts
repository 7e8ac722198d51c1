// Weeks as flow metrics count them: ISO weeks, Monday to Sunday, on day numbers (days since 1970-01-01).

/** Returns the day number of the Monday of the week holding `day`. */
export function weekStartOf(day: number): number {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is the days since Monday.
  return day - ((((day + 3) % 7) + 7) % 7);
}
