// Backlog.md writes (and reads) `assignee: @maya` and `reporter: @maya` unquoted, although `@` cannot start a plain
// YAML value: its reader quotes those values before parsing (a scalar, or the items of a flow list `[@a, @b]`; not a
// block list's `- @a`, not any other key). Rudder reads them the same way in Backlog.md mode: each such `@` is
// masked by a private-use character of the same length for the YAML reader, and put back in the values read.

const MASK = '\uE000';
const KEYS = /^(assignee|reporter)[ \t]*:[ \t]*/;

/** Returns the text with the `@` that start an assignee/reporter value masked (same length), or the text itself when there is none. */
export function maskAtMentions(text: string, fromLine: number, toLine: number, lineStart: (l: number) => number, lineEnd: (l: number) => number): string {
  const at: number[] = [];
  for (let l = fromLine; l < toLine; l++) {
    const start = lineStart(l);
    const line = text.slice(start, lineEnd(l));
    const m = KEYS.exec(line);
    if (!m) continue;
    const i = m[0].length;
    if (line[i] === '[') {
      // A flow list: every item that starts with '@' (after '[' or ',' and blanks), in one pass.
      let itemStart = true;
      for (let k = i + 1; k < line.length; k++) {
        const c = line[k];
        if (c === ',') itemStart = true;
        else if (c === ' ' || c === '\t') continue;
        else {
          if (c === '@' && itemStart) at.push(start + k);
          itemStart = false;
        }
      }
    } else if (line[i] === '@') at.push(start + i);
  }
  if (at.length === 0) return text;
  let out = '';
  let from = 0;
  for (const k of at) {
    out += text.slice(from, k) + MASK;
    from = k + 1;
  }
  return out + text.slice(from);
}

/** Returns a value read from masked text with its masks turned back into `@` (strings and lists of strings). */
export function unmask(v: unknown): unknown {
  if (typeof v === 'string') return v.includes(MASK) ? v.split(MASK).join('@') : v;
  if (Array.isArray(v)) return v.map(unmask);
  return v;
}
