import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

// A rank key is one or more of the 62 characters 0-9, A-Z, a-z, compared as plain strings (lower first), so
// moving a story rewrites only that story's `rank:`. Rudder writes fractional-indexing keys (`a0`, `a1V`), a subset;
// any key of the alphabet typed by hand is as valid (`b1`, `a10`, `zz`). The library throws on equal, reversed or
// hand-typed neighbours; these wrappers never throw, always return a valid key, and that key sorts strictly between
// the neighbours whenever one exists (none does between a key and itself followed by zeros: `a1` and `a10`).

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** What a valid rank key looks like, for messages. */
export const RANK_KEY_SHAPE = 'one or more of the characters 0-9, A-Z and a-z, compared as plain strings (e.g. "a0", "b1", "a10")';

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Returns true when `key` is a rank key: one or more of 0-9, A-Z, a-z. */
export function isValidRank(key: string): boolean {
  if (typeof key !== 'string' || key.length === 0) return false;
  for (let i = 0; i < key.length; i++) if (!isDigit(key.charCodeAt(i))) return false;
  return true;
}

/** Returns true when the fractional-indexing library accepts `key` (its keys always have room on both sides). */
function isLibraryKey(key: string): boolean {
  // The library reads characters outside its alphabet as digits ("a  " passes): check the alphabet first.
  if (!isValidRank(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns a key strictly between `before` and `after` (either may be missing: first / last position).
 * Choices, so that no input throws:
 * - missing (undefined or '') neighbour: treated as the open end of the list;
 * - reversed neighbours (before > after): treated as the same pair in order (the caller's order is a slip);
 * - equal neighbours (two stories on one key after a merge): returns a key just above that key, below every
 *   key that does not start with it, so the new story lands right after the pair;
 * - a hand-typed neighbour (`b1`, `a10`) or an invalid one (`a 0`): tries a library key that still sorts between
 *   them, else the shortest-found key of the alphabet between them;
 * - no key of the alphabet between them (`a1` and `a10`, or below "!"): the lower neighbour's key when it is valid
 *   (the story shares it and equal-rank says so), else the upper one's, else "a0".
 * The result is always a valid rank key.
 */
export function rankBetween(before?: string, after?: string): string {
  let a = before === undefined || before === '' ? undefined : before;
  let b = after === undefined || after === '' ? undefined : after;
  if (a !== undefined && b !== undefined) {
    if (a > b) [a, b] = [b, a];
    if (a === b) b = `${a}V`;
  }
  const aLib = a === undefined || isLibraryKey(a);
  const bLib = b === undefined || isLibraryKey(b);
  if (aLib && bLib) {
    try {
      return generateKeyBetween(a ?? null, b ?? null);
    } catch {
      // extreme keys ("cannot increment any more"): fall through
    }
  }
  // Drop the hand-typed neighbour and accept the library's key only if it still sorts between both.
  try {
    const k = generateKeyBetween(aLib ? (a ?? null) : null, bLib ? (b ?? null) : null);
    if ((a === undefined || k > a) && (b === undefined || k < b)) return k;
  } catch {
    // fall through
  }
  const k = keyBetween(a, b);
  if (k !== undefined) return k;
  // No key of the alphabet lies strictly between: share a valid neighbour's key (equal-rank then reports it).
  if (a !== undefined && isValidRank(a)) return a;
  if (b !== undefined && isValidRank(b)) return b;
  return 'a0';
}

/** Returns `count` increasing, evenly spaced keys (for a rebalance). */
export function evenRanks(count: number): string[] {
  if (!Number.isFinite(count) || count <= 0) return [];
  return generateNKeysBetween(null, null, Math.floor(count));
}

/** Returns `count` increasing keys strictly between two neighbours (same robustness as `rankBetween`). */
export function ranksBetween(before: string | undefined, after: string | undefined, count: number): string[] {
  const out: string[] = [];
  if (count <= 0) return out;
  let a = before === '' ? undefined : before;
  let b = after === '' ? undefined : after;
  if (a !== undefined && b !== undefined) {
    if (a > b) [a, b] = [b, a];
    // Equal neighbours: the keys go just after the shared key (see rankBetween).
    if (a === b) b = `${a}V`;
  }
  if ((a === undefined || isLibraryKey(a)) && (b === undefined || isLibraryKey(b)) && (a === undefined || b === undefined || a < b)) {
    try {
      return generateNKeysBetween(a ?? null, b ?? null, count);
    } catch {
      // fall through to one at a time
    }
  }
  let prev = a;
  for (let i = 0; i < count; i++) {
    prev = rankBetween(prev, b);
    out.push(prev);
  }
  return out;
}

/** Returns a key of the alphabet strictly between `lo` and `hi` (either may be missing; lo < hi), or undefined. */
function keyBetween(lo: string | undefined, hi: string | undefined): string | undefined {
  // Walk the common prefix; at the first position where the neighbours differ, take a digit strictly between their
  // characters, else the lower neighbour's character followed by a key above the rest of it, else the upper
  // neighbour's character when more of it follows.
  let i = 0;
  for (;;) {
    const l = lo !== undefined && i < lo.length ? lo.charCodeAt(i) : -1;
    if (hi !== undefined && i >= hi.length) return undefined;
    const h = hi !== undefined ? hi.charCodeAt(i) : Infinity;
    const prefix = (hi ?? lo ?? '').slice(0, i);
    if (l === h) {
      if (!isDigit(l)) return undefined;
      i++;
      continue;
    }
    const mid = middleDigit(l, h);
    if (mid !== undefined) return prefix + mid;
    if (l !== -1 && isDigit(l)) {
      const above = keyAbove(lo!.slice(i + 1));
      if (above !== undefined) return prefix + String.fromCharCode(l) + above;
    }
    if (hi !== undefined && isDigit(h) && i + 1 < hi.length) return prefix + hi[i];
    return undefined;
  }
}

/** Returns a key of the alphabet above `s` with no upper bound (`s` followed by a middle digit, or less), or undefined. */
function keyAbove(s: string): string | undefined {
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    const mid = middleDigit(c, Infinity);
    if (mid !== undefined) return s.slice(0, j) + mid;
    if (!isDigit(c)) return undefined;
  }
  return `${s}V`;
}

/** Returns the middle digit strictly between two character codes (-1 and Infinity for open ends), or undefined. */
function middleDigit(lo: number, hi: number): string | undefined {
  const candidates = [...DIGITS].filter((c) => c.charCodeAt(0) > lo && c.charCodeAt(0) < hi);
  return candidates.length ? candidates[Math.floor(candidates.length / 2)] : undefined;
}
