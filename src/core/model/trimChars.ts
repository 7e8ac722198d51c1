// Trimming by plain loops. Why not `s.replace(/[ \t]+$/, '')`: an unanchored pattern ending in `$` restarts at every
// character of a long run that is not at the end, and re-scans the run each time (quadratic in the run's length).

/** Returns `s` without the characters of `chars` at its end. */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Returns `s` without the characters of `chars` at its start. */
export function trimStartChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}
