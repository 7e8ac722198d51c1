// Recognisers for the start of one Markdown block on one line, as micromark (remark's parser) reads them.
// Each takes the text, the offset where the block may start (indentation already skipped) and the
// offset of the end of the line, so the scanner never slices a line. Facts from CommonMark and GFM.

const SPACE = 32;
const TAB = 9;

/** Thrown by a recogniser that meets something the scanner does not read; scanMarkdown turns it into confident: false. */
export class Unsure {
  constructor(readonly reason: string) {}
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}

function skipWhitespace(t: string, p: number, end: number): number {
  while (p < end && isSpace(t.charCodeAt(p))) p++;
  return p;
}

/** Returns true when t[p..end) holds only spaces and tabs. */
export function isBlank(t: string, p: number, end: number): boolean {
  return skipWhitespace(t, p, end) === end;
}

/** Returns the offset after at most `max` spaces from p; a tab among them is not read (Unsure). */
export function skipIndent(t: string, p: number, end: number, max: number): number {
  const stop = Math.min(end, p + max);
  while (p < stop && t.charCodeAt(p) === SPACE) p++;
  if (p < end && t.charCodeAt(p) === TAB) throw new Unsure('a tab in indentation');
  return p;
}

/** Returns the level (1-6) of an ATX heading starting at q, or 0. */
export function atxLevel(t: string, q: number, end: number): number {
  let n = 0;
  while (q + n < end && t.charCodeAt(q + n) === 35 /* # */) n++;
  if (n === 0 || n > 6) return 0;
  return q + n === end || isSpace(t.charCodeAt(q + n)) ? n : 0;
}

/** Returns the text of an ATX heading as written: without the opening and closing sequences, trimmed. */
export function atxText(t: string, q: number, end: number, level: number): string {
  let e = end;
  let s = q + level;
  while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
  // A closing sequence counts when it is the whole content or follows a space or a tab.
  let c = e;
  while (c > s && t.charCodeAt(c - 1) === 35) c--;
  if (c < e && (c === s || isSpace(t.charCodeAt(c - 1)))) e = c;
  s = skipWhitespace(t, s, e);
  while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
  return t.slice(s, e);
}

/** Returns the length of the opening code fence at q (3 or more backticks or tildes), or 0. */
export function fenceOpen(t: string, q: number, end: number): number {
  const ch = t.charCodeAt(q);
  if (ch !== 96 && ch !== 126) return 0;
  let n = 0;
  while (q + n < end && t.charCodeAt(q + n) === ch) n++;
  if (n < 3) return 0;
  // A backtick fence's info string may not hold a backtick.
  if (ch === 96 && indexIn(t, 96, q + n, end) !== -1) return 0;
  return n;
}

/** Returns true when the line from q closes a fence of `len` characters `ch` (q is after at most 3 spaces). */
export function isFenceClose(t: string, q: number, end: number, ch: number, len: number): boolean {
  let n = 0;
  while (q + n < end && t.charCodeAt(q + n) === ch) n++;
  return n >= len && isBlank(t, q + n, end);
}

/** Returns true when the line from q is a thematic break (three or more `*`, `-` or `_`, spaces allowed between). */
export function isThematicBreak(t: string, q: number, end: number): boolean {
  const ch = t.charCodeAt(q);
  if (ch !== 42 && ch !== 45 && ch !== 95) return false;
  let n = 0;
  for (let p = q; p < end; p++) {
    const c = t.charCodeAt(p);
    if (c === ch) n++;
    else if (!isSpace(c)) return false;
  }
  return n >= 3;
}

/** Returns 1 for a `=` setext underline at q, 2 for a `-` one, 0 otherwise. */
export function setextLevel(t: string, q: number, end: number): number {
  const ch = t.charCodeAt(q);
  if (ch !== 61 && ch !== 45) return 0;
  let p = q;
  while (p < end && t.charCodeAt(p) === ch) p++;
  if (!isBlank(t, p, end)) return 0;
  return ch === 61 ? 1 : 2;
}

// The block-level HTML tag names (CommonMark's kind 6) and the raw ones (kind 1).
const BLOCK_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

// The seven kinds of HTML block (CommonMark 4.6): what starts them decides what ends them.
export const HTML_RAW = 1;
export const HTML_COMMENT = 2;
export const HTML_INSTRUCTION = 3;
export const HTML_DECLARATION = 4;
export const HTML_CDATA = 5;
export const HTML_BASIC = 6;
export const HTML_COMPLETE = 7;

/** Returns the kind (1-7) of the HTML block that may start at q (a `<`), and where its end condition is searched from; kind 0 when none. Kind 7 is a lone complete tag. */
export function htmlStart(t: string, q: number, end: number): { kind: number; from: number } {
  const none = { kind: 0, from: q };
  let p = q + 1;
  const c = t.charCodeAt(p);
  if (c === 33 /* ! */) {
    const d = t.charCodeAt(p + 1);
    if (d === 45) return t.charCodeAt(p + 2) === 45 ? { kind: HTML_COMMENT, from: p + 3 } : none;
    if (d === 91) return t.startsWith('[CDATA[', p + 1) ? { kind: HTML_CDATA, from: p + 8 } : none;
    return isAlpha(d) ? { kind: HTML_DECLARATION, from: p + 2 } : none;
  }
  if (c === 63 /* ? */) return { kind: HTML_INSTRUCTION, from: p + 1 };
  const closing = c === 47; /* / */
  if (closing) p++;
  if (!isAlpha(t.charCodeAt(p))) return none;
  const nameStart = p;
  while (p < end && (isAlphanumeric(t.charCodeAt(p)) || t.charCodeAt(p) === 45)) p++;
  const after = p < end ? t.charCodeAt(p) : -1;
  if (after !== -1 && after !== 47 && after !== 62 && !isSpace(after)) return none;
  const name = t.slice(nameStart, p).toLowerCase();
  if (after !== 47 && !closing && RAW_NAMES.has(name)) return { kind: HTML_RAW, from: p };
  if (BLOCK_NAMES.has(name)) {
    if (after === 47) return t.charCodeAt(p + 1) === 62 ? { kind: HTML_BASIC, from: p + 2 } : none;
    return { kind: HTML_BASIC, from: p };
  }
  return isCompleteTag(t, p, end, closing) ? { kind: HTML_COMPLETE, from: end } : none;
}

/** Returns true when, after a tag name at p, the line holds the rest of one complete tag (attributes, `/`, `>`) and then only whitespace. */
function isCompleteTag(t: string, p: number, end: number, closing: boolean): boolean {
  const at = (i: number): number => (i < end ? t.charCodeAt(i) : -1);
  // The states of micromark's complete-tag reader: before an attribute name, and after a name or an unquoted value.
  let afterName = false;
  while (!closing) {
    const c = at(p);
    if (isSpace(c)) {
      p++;
      continue;
    }
    if (afterName) {
      afterName = false;
      if (c !== 61) continue;
      p = skipWhitespace(t, p + 1, end);
      const v = at(p);
      if (v === -1 || v === 60 || v === 61 || v === 62 || v === 96) return false;
      if (v === 34 || v === 39) {
        const close = indexIn(t, v, p + 1, end);
        if (close === -1) return false;
        p = close + 1;
        const after = at(p);
        if (after !== 47 && after !== 62 && !isSpace(after)) return false;
      } else {
        while (p < end && !isSpace(at(p)) && !UNQUOTED_END.includes(t[p])) p++;
        afterName = true;
      }
      continue;
    }
    if (c === 58 || c === 95 || isAlpha(c)) {
      // A name starts only after whitespace: after a value or a tag name, the previous character must be one.
      if (!isSpace(t.charCodeAt(p - 1))) return false;
      while (isAlphanumeric(at(p)) || at(p) === 45 || at(p) === 46 || at(p) === 58 || at(p) === 95) p++;
      afterName = true;
      continue;
    }
    if (c === 47) p++;
    break;
  }
  if (closing) p = skipWhitespace(t, p, end);
  return at(p) === 62 && isBlank(t, p + 1, end);
}

const UNQUOTED_END = '"\'=<>`/';

/** Returns true when an HTML block of kind 1-5 ends on this line (searched from `from`; `first` on its start line). */
export function htmlEnds(kind: number, t: string, from: number, end: number, first: boolean): boolean {
  if (kind === HTML_RAW) {
    for (let p = indexIn(t, 60, from, end); p !== -1; p = indexIn(t, 60, p + 1, end)) {
      if (t.charCodeAt(p + 1) !== 47) continue;
      let e = p + 2;
      while (e < end && e - p - 2 < 8 && isAlpha(t.charCodeAt(e))) e++;
      if (t.charCodeAt(e) === 62 && RAW_NAMES.has(t.slice(p + 2, e).toLowerCase())) return true;
    }
    return false;
  }
  if (kind === HTML_DECLARATION) return indexIn(t, 62, from, end) !== -1;
  // Comments end at `-->` (or at `>` right after the opening `<!--` / `<!---`), instructions at `?>` (or `<?>`).
  const mark = kind === HTML_COMMENT ? 45 : 63;
  let state = first ? 2 : 0; // 0 plain, 1 one `-` seen (comments), 2 just before a closing `>`
  for (let p = from; p < end; p++) {
    const ch = t.charCodeAt(p);
    if (state === 2 && ch === 62) return true;
    if (ch === mark) state = kind === HTML_COMMENT ? (state === 0 ? 1 : 2) : 2;
    else state = 0;
  }
  return false;
}


// Why a loop and not indexOf: indexOf would search past the line, to the end of a large file, once per line.
function indexIn(t: string, code: number, from: number, end: number): number {
  for (let p = from; p < end; p++) if (t.charCodeAt(p) === code) return p;
  return -1;
}

function isAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAlphanumeric(code: number): boolean {
  return isAlpha(code) || (code >= 48 && code <= 57);
}

/** Returns how many cells a GFM table head row at q has (pipes split cells, `\|` does not), or 0 when it cannot be a head row. */
export function headCells(t: string, q: number, end: number): number {
  let size = 0;
  let tokens = 0;
  let seen = t.charCodeAt(q) !== 124;
  if (seen) tokens++;
  let p = q;
  while (p < end) {
    const c = t.charCodeAt(p);
    if (isSpace(c)) {
      p++;
      continue;
    }
    tokens++;
    if (seen) {
      seen = false;
      size++;
    }
    if (c === 124) {
      seen = true;
      p++;
      continue;
    }
    while (p < end) {
      const d = t.charCodeAt(p);
      if (d === 124 || isSpace(d)) break;
      p += d === 92 && (t.charCodeAt(p + 1) === 92 || t.charCodeAt(p + 1) === 124) && p + 1 < end ? 2 : 1;
    }
  }
  return tokens > 1 ? size : 0;
}

/** Returns how many cells a GFM table delimiter row at q has (`:--`, `---:`, separated by pipes; a pipe or a colon required), or 0. */
export function delimiterCells(t: string, q: number, end: number): number {
  let cells = 0;
  let seen = false;
  let p = q;
  for (;;) {
    // Before a cell: an optional pipe (not two in a row) and spaces.
    if (t.charCodeAt(p) === 124 && p < end) {
      seen = true;
      p = skipWhitespace(t, p + 1, end);
      if (p === end) break;
    }
    let c = t.charCodeAt(p);
    if (p >= end || (c !== 45 && c !== 58)) return 0;
    cells++;
    if (c === 58) {
      seen = true;
      p++;
      if (t.charCodeAt(p) !== 45 || p >= end) return 0;
    }
    while (p < end && t.charCodeAt(p) === 45) p++;
    if (p < end && t.charCodeAt(p) === 58) {
      seen = true;
      p++;
    }
    p = skipWhitespace(t, p, end);
    if (p === end) break;
    c = t.charCodeAt(p);
    if (c !== 124) return 0;
  }
  return seen ? cells : 0;
}

/** A GFM task checkbox at the start of an item's first paragraph: its value, and whether it needs the paragraph to go on past this line. */
export interface Checkbox {
  readonly checked: boolean;
  /** `[ ]` with nothing after it on its line counts only when the paragraph continues on the next line. */
  readonly needsMore: boolean;
}

/** Returns the checkbox at q, or undefined when the paragraph does not start with one. */
export function checkboxAt(t: string, q: number, end: number): Checkbox | undefined {
  if (t.charCodeAt(q) !== 91 || q + 2 >= end || t.charCodeAt(q + 2) !== 93) return undefined;
  const v = t.charCodeAt(q + 1);
  if (v !== SPACE && v !== TAB && v !== 120 && v !== 88) return undefined;
  const p = q + 3;
  if (p < end && !isSpace(t.charCodeAt(p))) return undefined;
  return { checked: v === 120 || v === 88, needsMore: isBlank(t, p, end) };
}

/** A list item marker and what follows it. */
export interface ListMarker {
  /** Offset of the bullet or of the number's first digit. */
  readonly markerStart: number;
  /** Offset just after the bullet or the delimiter. */
  readonly markerEnd: number;
  /** Offset of the item's content (for a blank start, the end of the line). */
  readonly contentStart: number;
  /** Columns from the container's start to the item's content: what continuation lines must be indented by. */
  readonly size: number;
  readonly blank: boolean;
  readonly ordered: boolean;
  /** The bullet, or the delimiter after the number (`.` or `)`), as a character code. */
  readonly marker: number;
}

/**
 * Returns the list item starting after at most 3 spaces from `base`, or undefined. `interrupt` (a paragraph or
 * indented code is open) forbids blank items and ordered items other than `1`; `sibling` restricts the marker to the list's own.
 */
export function listMarkerAt(
  t: string,
  base: number,
  end: number,
  interrupt: boolean,
  sibling?: { readonly ordered: boolean; readonly marker: number },
): ListMarker | undefined {
  const q = skipIndent(t, base, end, 3);
  if (q >= end) return undefined;
  const c = t.charCodeAt(q);
  let p = q;
  let ordered = false;
  let marker = c;
  if (c === 42 || c === 43 || c === 45) {
    if (sibling && (sibling.ordered || sibling.marker !== c)) return undefined;
    if (c !== 43 && isThematicBreak(t, q, end)) return undefined;
    p = q + 1;
  } else if (c >= 48 && c <= 57) {
    if (sibling && !sibling.ordered) return undefined;
    if (interrupt && c !== 49) return undefined;
    while (p < end && p - q < 9 && t.charCodeAt(p) >= 48 && t.charCodeAt(p) <= 57) p++;
    if (interrupt && p - q > 1) return undefined;
    marker = t.charCodeAt(p);
    if (marker !== 46 && marker !== 41) return undefined;
    if (sibling && sibling.marker !== marker) return undefined;
    ordered = true;
    p++;
  } else {
    return undefined;
  }
  if (isBlank(t, p, end)) {
    if (interrupt) return undefined;
    return { markerStart: q, markerEnd: p, contentStart: end, size: p - base + 1, blank: true, ordered, marker };
  }
  if (t.charCodeAt(p) === TAB) throw new Unsure('a tab after a list marker');
  if (t.charCodeAt(p) !== SPACE) return undefined;
  let s = p;
  while (s < end && s - p < 5 && t.charCodeAt(s) === SPACE) s++;
  if (t.charCodeAt(s) === TAB && s < end) throw new Unsure('a tab after a list marker');
  // One to four spaces start the content; five or more: one space, and the content is indented code.
  const content = s - p <= 4 ? s : p + 1;
  return { markerStart: q, markerEnd: p, contentStart: content, size: content - base, blank: false, ordered, marker };
}
