import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

// Rank keys are fractional-indexing keys (base 62): compared as plain strings, lower first, so moving a
// story rewrites only that story's `rank:`. The library throws on equal, reversed-then-equal or malformed
// neighbours; these wrappers never throw and always return a key that sorts strictly between the
// neighbours as plain strings whenever such a key exists.

const KEY_SHAPE = /^[A-Za-z][0-9A-Za-z]*$/;
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Returns true when `key` is a well-formed fractional-indexing key (what `rankBetween` produces). */
export function isValidRank(key: string): boolean {
  if (typeof key !== 'string' || !KEY_SHAPE.test(key)) return false;
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
 * - malformed neighbour (hand-written `rank: 1`): tries a well-formed key that still sorts between them,
 *   else falls back to a plain-string midpoint (ordering stays right; `invalid-field` then suggests a fix).
 */
export function rankBetween(before?: string, after?: string): string {
  let a = before === undefined || before === '' ? undefined : before;
  let b = after === undefined || after === '' ? undefined : after;
  if (a !== undefined && b !== undefined) {
    if (a > b) [a, b] = [b, a];
    if (a === b) b = `${a}V`;
  }
  const aValid = a === undefined || isValidRank(a);
  const bValid = b === undefined || isValidRank(b);
  if (aValid && bValid) {
    try {
      return generateKeyBetween(a ?? null, b ?? null);
    } catch {
      // extreme keys ("cannot increment any more"): fall through to the plain midpoint
    }
  }
  // Drop the malformed neighbour and accept the library's key only if it still sorts between both.
  try {
    const k = generateKeyBetween(aValid ? (a ?? null) : null, bValid ? (b ?? null) : null);
    if ((a === undefined || k > a) && (b === undefined || k < b)) return k;
  } catch {
    // fall through
  }
  return plainBetween(a, b);
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
  if ((a === undefined || isValidRank(a)) && (b === undefined || isValidRank(b)) && (a === undefined || b === undefined || a < b)) {
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

/** Returns a non-empty string strictly between a and b in plain string order (a < b), preferring base-62 digits. */
function plainBetween(a: string | undefined, b: string | undefined): string {
  if (b === undefined) return a === undefined ? 'a0' : `${a}V`;
  const lo = a ?? '';
  let prefix = '';
  for (let i = 0; i < b.length; i++) {
    const cb = b.charCodeAt(i);
    const ca = i < lo.length ? lo.charCodeAt(i) : -1;
    if (ca === cb) {
      prefix += b[i];
      continue;
    }
    // ca < cb here (or lo has ended): pick a character strictly between, preferring a base-62 digit.
    const mid = middleChar(ca, cb);
    if (mid !== undefined) return prefix + mid + (ca === -1 ? 'V' : '');
    if (ca !== -1) return `${prefix}${lo.slice(i)}V`;
    // lo ended and nothing fits below b's character: keep b's character and go on lowering the rest.
    prefix += b[i];
  }
  // b is lo followed only by the lowest characters: nothing lies strictly between; stay just above lo.
  return `${lo}V`;
}

function middleChar(lo: number, hi: number): string | undefined {
  const candidates = [...DIGITS].filter((c) => c.charCodeAt(0) > lo && c.charCodeAt(0) < hi);
  if (candidates.length) return candidates[Math.floor(candidates.length / 2)];
  // Prefer printable characters; control characters only when nothing else fits (keys nobody writes by hand).
  for (const floor of [32, 0]) {
    const from = Math.max(lo + 1, floor);
    if (from < hi) return String.fromCharCode(Math.floor((from + hi - 1) / 2));
  }
  return undefined;
}
