// Small helpers the roadmap's parts share: natural id order, rounding of points, plural words.

/** Returns a negative, zero or positive number ordering ids naturally (M-2 before M-10). */
export function compareNatural(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Returns `n` rounded to one decimal (points are shown with at most one). */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Returns '1 story' or '2 stories'. */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
