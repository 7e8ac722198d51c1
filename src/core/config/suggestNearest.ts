// "Did you mean" suggestions for misspelt keys, statuses, priorities, rule codes and goal ids.

/** Returns the Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Returns the candidate nearest to `value` (case-insensitive, ignoring spaces/dashes/underscores), or undefined when none is close. */
export function suggestNearest(value: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const v = norm(value);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const n = norm(c);
    let d = editDistance(v, n);
    // A prefix ("in-prog" for "in-progress") is a strong hint even when the distance is large.
    if (v.length >= 3 && n.startsWith(v)) d = Math.min(d, 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(v.length, norm(best).length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Returns a human list: `"a", "b" or "c"`. */
export function quoteList(values: readonly string[], last = 'or'): string {
  const q = values.map((v) => `"${v}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${last} ${q[q.length - 1]}`;
}

/**
 * Returns the id among `candidates` that `value` most likely meant, or undefined. Unlike words, ids
 * that differ in their number are different things ("M4" is not a typo of "M1"), so only ids with the
 * same digits qualify, and then only when the letters are a near miss ("m-1" → "M1", "Epic-3" → "E-3" no).
 */
export function suggestNearestId(value: string, candidates: readonly string[]): string | undefined {
  const digits = (s: string) => s.replace(/\D+/g, '.').replace(/^\.|\.$/g, '');
  const want = digits(value);
  const same = candidates.filter((c) => digits(c) === want);
  if (!want) return suggestNearest(value, candidates);
  return same.length ? suggestNearest(value, same) : undefined;
}
