// Line-level scans of YAML front matter that need no parser: linear, never recursive.

// Why 64: real front matter nests a list in a mapping or two; the YAML parser recurses once per level and overflows
// the stack at a few thousand ("Maximum call stack size exceeded" reached the user as a YAML error). 64 is also where
// toPlain stops copying.
export const MAX_FLOW_DEPTH = 64;

/** Returns the offset of the first "[" or "{" nested deeper than MAX_FLOW_DEPTH outside quotes and comments, or undefined. */
export function deepFlowNesting(content: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n') quote = ''; // a broken quote: YAML will report it; keep counting on the next line
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || ' \t\n[{,:'.includes(content[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || content[i - 1] === ' ' || content[i - 1] === '\t' || content[i - 1] === '\n')) {
      const nl = content.indexOf('\n', i);
      if (nl === -1) break;
      i = nl;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Returns the item of a block list line (`  - value`, trailing blanks dropped) and where it starts; undefined otherwise. */
export function listItemLine(t: string): { item: string; start: number } | undefined {
  // Why a scan and not /^([ \t]*)-(?:[ \t]+(.*?))?[ \t]*$/: its lazy item and trailing `[ \t]*` re-scanned a run of
  // blanks from each of its characters (quadratic on a long item).
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  let i = 0;
  while (blank(t[i])) i++;
  if (t[i] !== '-') return undefined;
  const dash = i;
  i++;
  if (i === t.length) return { item: '', start: dash + 1 };
  if (!blank(t[i])) return undefined;
  while (blank(t[i])) i++;
  let end = t.length;
  while (end > i && blank(t[end - 1])) end--;
  return { item: t.slice(i, end), start: end > i ? i : dash + 1 };
}
