import type { Position, Range } from '../model/range';

/** Where a position sits inside a file's YAML front matter. */
export interface FrontMatterContext {
  /** Zero-based line of the first content line (after the opening fence). */
  readonly contentStartLine: number;
  /** Zero-based line of the closing fence; -1 when the block is not closed (the rest of the file counts). */
  readonly closeLine: number;
  /** The top-level key that owns the position (the partial key itself in key position; undefined on a blank line). */
  readonly key?: string;
  /** 'key' when typing a top-level key name, 'value' when after `key:` or in one of its list items. */
  readonly place: 'key' | 'value';
  /** True inside a block list item (`  - x`) or between the brackets of a flow list (`[a, b]`). */
  readonly inList: boolean;
  /** The token under or just before the position: what a completion replaces. */
  readonly word: Range;
  /** The token's text from its start to the position. */
  readonly prefix: string;
  /** Top-level keys present in the front matter. */
  readonly presentKeys: readonly string[];
  /** Values already written for `key` (list items or the scalar), unquoted, except the one at the position. */
  readonly existingValues: readonly string[];
}

/** One scalar value (or list item) of a top-level front-matter key, unquoted, with its exact range. */
export interface FrontMatterToken {
  readonly key: string;
  readonly value: string;
  readonly range: Range;
}

const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)/;
const KEY_CHAR = /[\w-]/;
const VALUE_CHAR = /[\w.#-]/;

/** Returns the file's lines without their line terminators. */
function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Returns the YAML front-matter block's line bounds, or undefined when the file has none. */
export function frontMatterBounds(text: string): { contentStartLine: number; closeLine: number; lines: string[] } | undefined {
  const lines = splitLines(text);
  const first = (lines[0] ?? '').replace(/^\uFEFF/, '').trimEnd();
  if (first !== '---' && first !== '---yaml') return undefined;
  let closeLine = -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].trimEnd();
    if (t === '---' || t === '...') {
      closeLine = i;
      break;
    }
  }
  return { contentStartLine: 1, closeLine, lines };
}

/** Returns where `position` sits in the front matter, or undefined when it is outside it (or on a fence). */
export function frontMatterContext(text: string, position: Position): FrontMatterContext | undefined {
  const b = frontMatterBounds(text);
  if (!b) return undefined;
  const end = b.closeLine === -1 ? b.lines.length : b.closeLine;
  if (position.line < b.contentStartLine || position.line >= end) return undefined;
  const line = b.lines[position.line];
  const ch = Math.min(position.character, line.length);
  const presentKeys: string[] = [];
  for (let i = b.contentStartLine; i < end; i++) {
    const m = KEY_LINE.exec(b.lines[i]);
    if (m) presentKeys.push(m[1]);
  }
  const base = { contentStartLine: b.contentStartLine, closeLine: b.closeLine, presentKeys };
  const keyMatch = KEY_LINE.exec(line);
  const colon = keyMatch ? keyMatch[0].length - 1 : -1;
  const tokens = frontMatterTokens(text);

  // Typing a key: on a top-level key before its colon, or on an unindented line without a colon.
  if ((keyMatch && ch <= colon) || (!keyMatch && /^[\w-]*$/.test(line.slice(0, ch)) && !/^\s/.test(line) && !line.includes(':'))) {
    const word = wordAround(line, position.line, ch, KEY_CHAR);
    return { ...base, key: keyMatch?.[1], place: 'key', inList: false, word: word.range, prefix: word.prefix, existingValues: [] };
  }
  let key: string | undefined;
  let inList = false;
  if (keyMatch) {
    key = keyMatch[1];
    const before = line.slice(colon + 1, ch);
    inList = before.includes('[') && !before.includes(']');
  } else {
    for (let i = position.line - 1; i >= b.contentStartLine; i--) {
      const m = KEY_LINE.exec(b.lines[i]);
      if (m) {
        key = m[1];
        break;
      }
    }
    const dash = /^(\s*)-(?=\s|$)/.exec(line);
    inList = dash !== null && ch > dash[0].length - 1;
  }
  const word = wordAround(line, position.line, ch, VALUE_CHAR);
  // The value being edited is not "already there": it is what the completion replaces.
  const editing = (t: FrontMatterToken) => t.range.start.line === position.line && t.range.start.character <= ch && ch <= t.range.end.character;
  const existingValues = tokens.filter((t) => t.key === key && !editing(t)).map((t) => t.value);
  return { ...base, key, place: 'value', inList, word: word.range, prefix: word.prefix, existingValues };
}

/** Returns the token of `chars` around `ch` on one line, and its part before `ch`. */
function wordAround(line: string, lineNo: number, ch: number, chars: RegExp): { range: Range; prefix: string } {
  let s = ch;
  while (s > 0 && chars.test(line[s - 1])) s--;
  let e = ch;
  while (e < line.length && chars.test(line[e])) e++;
  return { range: { start: { line: lineNo, character: s }, end: { line: lineNo, character: e } }, prefix: line.slice(s, ch) };
}

/** Returns every scalar value and list item of the top-level front-matter keys, with exact ranges (quotes excluded). */
export function frontMatterTokens(text: string): FrontMatterToken[] {
  const b = frontMatterBounds(text);
  if (!b) return [];
  const end = b.closeLine === -1 ? b.lines.length : b.closeLine;
  const out: FrontMatterToken[] = [];
  let key: string | undefined;
  for (let i = b.contentStartLine; i < end; i++) {
    const line = b.lines[i];
    const m = KEY_LINE.exec(line);
    if (m) {
      key = m[1];
      pushValue(out, key, line, i, m[0].length);
      continue;
    }
    if (key === undefined) continue;
    if (/^\S/.test(line) && !line.startsWith('-')) {
      key = undefined;
      continue;
    }
    const dash = /^(\s*)-[ \t]+/.exec(line);
    if (dash && !/^\s*-\s*[\w-]+:\s/.test(line)) pushValue(out, key, line, i, dash[0].length);
  }
  return out;
}

/** Adds the scalar or flow-list items written from `from` on one line. */
function pushValue(out: FrontMatterToken[], key: string, line: string, lineNo: number, from: number): void {
  let s = from;
  while (s < line.length && (line[s] === ' ' || line[s] === '\t')) s++;
  if (s >= line.length || line[s] === '#') return;
  if (line[s] === '[') {
    const close = line.indexOf(']', s);
    const stop = close === -1 ? line.length : close;
    let start = s + 1;
    for (let j = s + 1; j <= stop; j++) {
      if (j === stop || line[j] === ',') {
        pushScalar(out, key, line.slice(start, j), lineNo, start);
        start = j + 1;
      }
    }
    return;
  }
  if (line[s] === '{' || line[s] === '|' || line[s] === '>') return;
  let e = line.length;
  if (line[s] !== '"' && line[s] !== "'") {
    const hash = line.indexOf(' #', s);
    if (hash !== -1) e = hash;
  }
  pushScalar(out, key, line.slice(s, e), lineNo, s);
}

/** Adds one scalar (trimmed, unquoted) starting at column `col`. */
function pushScalar(out: FrontMatterToken[], key: string, raw: string, lineNo: number, col: number): void {
  const lead = raw.length - raw.trimStart().length;
  let v = raw.trim();
  let c = col + lead;
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
    v = v.slice(1, -1);
    c += 1;
  }
  if (v === '') return;
  out.push({ key, value: v, range: { start: { line: lineNo, character: c }, end: { line: lineNo, character: c + v.length } } });
}
