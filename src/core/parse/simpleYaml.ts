import { range, type Range } from '../model/range';
import type { FieldLocation } from '../model/story';
import { trimEndChars } from '../model/trimChars';

// Why a hand-written reader: the `yaml` package costs 100–400 µs for a 12-line header (gray-matter's js-yaml ~15 µs),
// which alone would blow the lint budget. This reads only the flat subset story headers use (plain, quoted,
// flow-list and block-list values) and returns undefined for anything else, so `yaml` decides every other case.
// A differential property test checks it against `yaml` (core schema) value for value and range for range.

// A key as `keyEnd` reads it: /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/.
const ITEM = /^( *)- +/;
const PLAIN_FIRST_BAD = '-?:,[]{}#&*!|>\'"%@`';
// Tabs, control characters, BOMs and Unicode line breaks have subtle YAML rules: `yaml` reads those.
// Why a pattern here and character scans elsewhere: irregexp runs a class over a long line faster than a loop does.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\ufeff\u2028\u2029\ufffe\uffff]/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

interface Scalar {
  readonly value: unknown;
  /** End (exclusive) of the scalar as written, relative to the line. */
  readonly end: number;
}

// Resolves a plain scalar by the YAML 1.2 core schema; undefined for forms left to `yaml` (hex, octal, .inf, .nan).
function resolvePlain(s: string): unknown {
  const reserved = reservedWord(s);
  if (reserved !== undefined) return reserved;
  // Why the first character first: most values are words (ids, names; dates start with a digit), and a number, hex,
  // octal, .inf or .nan starts with a digit, a sign or a dot; the patterns run only then.
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (INT.test(s) || FLOAT.test(s)) return Number(s);
  if (/^[-+]?(?:0[xo]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/.test(s)) return undefined;
  return s;
}

/** Returns null, true or false for the core schema's words for them ('~', null, True, FALSE, …), else undefined. */
function reservedWord(s: string): null | boolean | undefined {
  // Why the first character first: a word that is none of these is told apart without comparing it whole.
  const c = s.charCodeAt(0);
  if (c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return undefined;
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  return undefined;
}

/** Returns true when a line starts with spaces and holds more than spaces (a continuation or a nested line). */
function indented(line: string | undefined): boolean {
  return line !== undefined && line.charCodeAt(0) === 32 && /^ +\S/.test(line);
}

/** Returns where the colon of a `key:` that starts a line is (the key, then ':', then spaces or the end), or -1. */
function keyEnd(line: string): number {
  const c0 = line.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return -1;
  let i = 1;
  for (;;) {
    const c = line.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45) i++;
    else break;
  }
  if (line.charCodeAt(i) !== 58) return -1;
  // After the colon: a space or the end of the line (`key:value` is left to `yaml`).
  return i + 1 < line.length && line.charCodeAt(i + 1) !== 32 ? -1 : i;
}

// Index where a trailing comment starts (or the trimmed end); -1 when something other than a comment follows.
function restIsComment(line: string, from: number): number {
  let i = from;
  while (line.charCodeAt(i) === 32) i++;
  if (i === line.length) return from;
  return line.charCodeAt(i) === 35 && i > from ? from : -1;
}

// A block-context scalar starting at `from`; undefined when it is not in the simple subset.
function readScalar(line: string, from: number, flow: boolean): Scalar | undefined {
  const q = line[from];
  if (q === "'" || q === '"') {
    let i = from + 1;
    for (;;) {
      const j = line.indexOf(q, i);
      if (j < 0) return undefined;
      if (q === "'" && line[j + 1] === "'") {
        i = j + 2;
        continue;
      }
      const inner = line.slice(from + 1, j);
      if (q === '"' && inner.includes('\\')) return undefined;
      if (flow && /[,[\]{}]/.test(inner)) return undefined;
      return { value: q === "'" ? inner.replace(/''/g, "'") : inner, end: j + 1 };
    }
  }
  if (from >= line.length || PLAIN_FIRST_BAD.includes(line[from])) return undefined;
  let end = line.length;
  const hash = line.indexOf(' #', from);
  if (hash >= 0) end = hash;
  if (flow) {
    const stop = line.slice(from, end).search(/[,\]]/);
    if (stop >= 0) end = from + stop;
  }
  while (end > from && line.charCodeAt(end - 1) === 32) end--;
  const text = line.slice(from, end);
  if (text === '' || text.includes(': ') || text.endsWith(':') || (flow && /[[{}]/.test(text))) return undefined;
  const value = resolvePlain(text);
  return value === undefined ? undefined : { value, end };
}

/** Returns the data and field ranges of a flat YAML header, or undefined when `yaml` must read it. */
export function readSimpleYaml(
  content: readonly string[],
  firstLine: number,
): { data: Record<string, unknown>; fields: Record<string, FieldLocation> } | undefined {
  const data: Record<string, unknown> = {};
  const fields: Record<string, FieldLocation> = {};
  const r = (line: number, a: number, b: number): Range => range(line, a, line, b);
  for (let i = 0; i < content.length; i++) {
    const line = content[i];
    if (UNSAFE.test(line)) return undefined;
    if (line === '' || line.charCodeAt(0) === 35 || (line.charCodeAt(0) === 32 && /^ *$/.test(line))) continue;
    const colon = keyEnd(line);
    if (colon < 0) return undefined;
    const key = line.slice(0, colon);
    if (reservedWord(key) !== undefined) return undefined;
    // `__proto__` and friends need defineProperty semantics: leave them to `yaml`, keep plain (fast) objects here.
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(data, key)) return undefined;
    const ln = firstLine + i;
    const keyRange = r(ln, 0, key.length);
    let from = colon + 1;
    while (line.charCodeAt(from) === 32) from++;
    let loc: FieldLocation;
    let value: unknown;
    if (from === line.length) {
      // Empty value: maybe a block list follows.
      const items: unknown[] = [];
      const itemRanges: Range[] = [];
      let indent = -1;
      let k = i + 1;
      for (; k < content.length; k++) {
        const t = content[k];
        const im = ITEM.exec(t);
        if (!im) break;
        if (UNSAFE.test(t)) return undefined;
        if (indent < 0) indent = im[1].length;
        else if (im[1].length !== indent) return undefined;
        const sc = readScalar(t, im[0].length, false);
        if (!sc || restIsComment(t, sc.end) < 0) return undefined;
        items.push(sc.value);
        itemRanges.push(r(firstLine + k, im[0].length, sc.end));
      }
      if (indented(content[k])) return undefined;
      if (items.length > 0) {
        value = items;
        // Like `yaml`, a block list ends at the end of its last line (a trailing comment included).
        const lastLine = trimEndChars(content[k - 1], ' ');
        loc = { keyRange, valueRange: range(ln + 1, indent, firstLine + k - 1, lastLine.length), itemRanges };
        i = k - 1;
      } else {
        value = null;
        loc = { keyRange, valueRange: r(ln, line.length, line.length) };
      }
    } else if (line[from] === '[') {
      const items: unknown[] = [];
      const itemRanges: Range[] = [];
      let p = from + 1;
      while (line.charCodeAt(p) === 32) p++;
      if (line[p] !== ']') {
        for (;;) {
          const sc = readScalar(line, p, true);
          if (!sc) return undefined;
          items.push(sc.value);
          itemRanges.push(r(ln, p, sc.end));
          p = sc.end;
          while (line.charCodeAt(p) === 32) p++;
          if (line[p] === ',') {
            p++;
            while (line.charCodeAt(p) === 32) p++;
            if (line[p] === ']' || line[p] === ',') return undefined;
            continue;
          }
          if (line[p] === ']') break;
          return undefined;
        }
      }
      const end = p + 1;
      if (restIsComment(line, end) < 0) return undefined;
      value = items;
      loc = { keyRange, valueRange: r(ln, from, end), itemRanges };
    } else {
      if (line[from] === '#') return undefined;
      const sc = readScalar(line, from, false);
      if (!sc || restIsComment(line, sc.end) < 0) return undefined;
      value = sc.value;
      loc = { keyRange, valueRange: r(ln, from, sc.end) };
    }
    // Continuation lines (indented) would extend a plain scalar or nest a map: leave them to `yaml`.
    if (!Array.isArray(value) && indented(content[i + 1])) return undefined;
    data[key] = value;
    fields[key] = loc;
  }
  return { data, fields };
}
