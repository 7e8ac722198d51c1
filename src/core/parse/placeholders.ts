// Template text left unfilled: what Rudder's own templates insert (`Given <context>, when <action>, then <outcome>`,
// `As a <persona>, I want <capability>, so that <benefit>.`, `As a …, I want …`) and what people type as a marker
// (TODO, TBD). A criterion or a user story holding one counts as missing for the Definition of Ready, the rules and
// the CodeLens: a template is not content. Defined here once; everything else asks `findPlaceholder`.

import { blankCodeSpans } from './codeSpans';

/** One unfilled placeholder in a text: offsets of its characters, and the placeholder as written. */
export interface Placeholder {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// Inline HTML a criterion may hold on purpose (`<br>`, `<kbd>`): an element name is not a placeholder.
const HTML_ELEMENTS = new Set(
  'a abbr b bdi bdo big br cite code del details dfn div em hr i img ins kbd mark p q rp rt ruby s samp small span strike strong sub summary sup time tt u var wbr'.split(' '),
);

// Why scans with indexOf and no patterns: these run on every criterion of every story, several times per check; a
// lookbehind at each position cost more than the whole parse on long lines (test/unit/pathological).
const MARKERS = ['TODO', 'TBD'];
const ELLIPSES = ['…', '...'];
/** Longest text between angle brackets that is still read as a placeholder name (`<item name>`). */
const MAX_ANGLE = 40;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 95;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Returns the first unfilled placeholder of a text (`<context>`, `TODO`, `TBD`, a lone `…`), or undefined when there is none. */
export function findPlaceholder(text: string): Placeholder | undefined {
  const plain = blankCodeSpans(text);
  // The earliest of the five kinds; a later one only wins when it starts before (ties: the order below).
  let first = angle(plain);
  for (const m of MARKERS) first = earlier(first, word(plain, m));
  for (const e of ELLIPSES) first = earlier(first, ellipsis(plain, e));
  return first;
}

function earlier(a: Placeholder | undefined, b: Placeholder | undefined): Placeholder | undefined {
  return a === undefined || (b !== undefined && b.start < a.start) ? b : a;
}

/** Returns the first `<name>` that is not an HTML element: a letter, then letters, spaces, '-' or '_', at most MAX_ANGLE. */
function angle(text: string): Placeholder | undefined {
  for (let open = text.indexOf('<'); open !== -1; open = text.indexOf('<', open + 1)) {
    if (!isLetter(text.charCodeAt(open + 1))) continue;
    let i = open + 2;
    const limit = Math.min(text.length, open + 1 + MAX_ANGLE);
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (!(isLetter(c) || c === 32 || c === 45 || c === 95)) break;
      i++;
    }
    if (text.charCodeAt(i) !== 62) continue; // '>'
    const name = text.slice(open + 1, i).trim().toLowerCase();
    if (!HTML_ELEMENTS.has(name)) return { start: open, end: i + 1, text: text.slice(open, i + 1) };
  }
  return undefined;
}

/** Returns the first `marker` standing as a word of its own (TODO, not todos or TODOLIST). */
function word(text: string, marker: string): Placeholder | undefined {
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    const end = at + marker.length;
    if ((at === 0 || !isWordChar(text.charCodeAt(at - 1))) && (end === text.length || !isWordChar(text.charCodeAt(end)))) return { start: at, end, text: marker };
  }
  return undefined;
}

/** Returns the first ellipsis that stands for a missing word (`As a …, I want`), not one that ends a word (`Loading…`). */
function ellipsis(text: string, mark: string): Placeholder | undefined {
  const before = (c: number) => isSpace(c) || c === 40 || c === 91 || c === 123 || c === 34 || c === 39; // ( [ { " '
  const after = (c: number) => isSpace(c) || ',.;:!?)]}"\''.includes(String.fromCharCode(c));
  for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
    const end = at + mark.length;
    if ((at === 0 || before(text.charCodeAt(at - 1))) && (end === text.length || after(text.charCodeAt(end)))) return { start: at, end, text: mark };
  }
  return undefined;
}

/** Returns true when a text holds unfilled template text. */
export function hasPlaceholder(text: string): boolean {
  return findPlaceholder(text) !== undefined;
}
