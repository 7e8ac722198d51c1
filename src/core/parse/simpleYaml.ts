import type { Range } from '../model/range';
import type { FieldLocation } from '../model/story';
import { trimEndChars } from '../model/trimChars';

// Why a hand-written reader: the `yaml` package costs 100–400 µs for a 12-line header (gray-matter's js-yaml ~15 µs),
// which alone would blow the lint budget. This reads only the flat subset story headers use (plain, quoted,
// flow-list and block-list values) and returns undefined for anything else, so `yaml` decides every other case.
// A differential property test checks it against `yaml` (core schema) value for value and range for range.

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
const ITEM = /^( *)- +/;
const PLAIN_FIRST_BAD = '-?:,[]{}#&*!|>\'"%@`';
// Tabs, control characters, BOMs and Unicode line breaks have subtle YAML rules: `yaml` reads those.
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
  if (INT.test(s) || FLOAT.test(s)) return Number(s);
  if (/^[-+]?(?:0[xo]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/.test(s)) return undefined;
  return s;
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
  const r = (line: number, a: number, b: number): Range => ({ start: { line, character: a }, end: { line, character: b } });
  for (let i = 0; i < content.length; i++) {
    const line = content[i];
    if (UNSAFE.test(line)) return undefined;
    if (line === '' || /^ *$/.test(line) || line.startsWith('#')) continue;
    const m = KEY.exec(line);
    if (!m) return undefined;
    const key = m[1];
    if (resolvePlain(key) !== key) return undefined;
    // `__proto__` and friends need defineProperty semantics: leave them to `yaml`, keep plain (fast) objects here.
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(data, key)) return undefined;
    const ln = firstLine + i;
    const keyRange = r(ln, 0, key.length);
    const from = m[0].length;
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
      if (k < content.length && /^ +\S/.test(content[k])) return undefined;
      if (items.length > 0) {
        value = items;
        // Like `yaml`, a block list ends at the end of its last line (a trailing comment included).
        const lastLine = trimEndChars(content[k - 1], ' ');
        loc = { keyRange, valueRange: { start: { line: ln + 1, character: indent }, end: { line: firstLine + k - 1, character: lastLine.length } }, itemRanges };
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
    if (i + 1 < content.length && /^ +\S/.test(content[i + 1]) && !Array.isArray(value)) return undefined;
    data[key] = value;
    fields[key] = loc;
  }
  return { data, fields };
}
