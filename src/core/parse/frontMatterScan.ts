import type { LineIndex } from '../model/lineIndex';
import type { Range } from '../model/range';
import type { FieldLocation } from '../model/story';
import { listItemLine } from './yamlLines';

// The tolerant line scan of a front matter that YAML could not read (broken quoting, a tab, a merge conflict's
// leftovers): top-level `key: value` lines and their list items, so a broken story still shows its fields.

// Why defineProperty: a YAML key named "__proto__" must stay a plain own property, never a prototype.
export function setPlain(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Defines a field location as an own property (a key named "__proto__" included). */
export function defineField(fields: Record<string, FieldLocation>, name: string, loc: FieldLocation): void {
  Object.defineProperty(fields, name, { value: loc, enumerable: true, writable: true, configurable: true });
}

/** A top-level `key:` line: a plain, double- or single-quoted key, a colon, then a blank or the line's end. */
export const KEY_LINE = /^([A-Za-z_][\w.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|$)/;

/** Returns where a value starts after a key's colon (blanks skipped). */
export function valueStartOf(lineText: string, afterColon: number): number {
  let i = afterColon;
  while (lineText[i] === ' ' || lineText[i] === '\t') i++;
  return i;
}

/** Returns a scalar without its YAML quotes (double-quoted escapes read as JSON). */
export function unquote(s: string): string {
  if (s.length >= 2 && s[0] === '"' && s[s.length - 1] === '"') {
    try {
      return String(JSON.parse(s));
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.length >= 2 && s[0] === "'" && s[s.length - 1] === "'") return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

// A scalar as a tolerant reader would take it: quotes removed, plain numbers, booleans and null recognised.
function scalarOf(s: string): unknown {
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true' || s === 'false') return s === 'true';
  if (s === '' || s === 'null' || s === '~') return null;
  return unquote(s);
}

/** Returns what a line scan of top-level `key: value` lines in [fromLine, toLine) recovers, with field ranges. */
export function scanFields(
  text: string,
  lines: LineIndex,
  fromLine: number,
  toLine: number,
): { data: Record<string, unknown>; fields: Record<string, FieldLocation> } {
  const data: Record<string, unknown> = {};
  const fields: Record<string, FieldLocation> = {};
  for (let l = fromLine; l < toLine; l++) {
    const ls = lines.lineStart(l);
    const s = text.slice(ls, lines.lineEnd(l));
    const m = KEY_LINE.exec(s);
    if (!m) continue;
    const key = unquote(m[1]);
    if (Object.prototype.hasOwnProperty.call(data, key)) continue;
    const keyRange: Range = { start: { line: l, character: 0 }, end: { line: l, character: m[1].length } };
    const vStart = valueStartOf(s, m[0].length);
    let raw = s.slice(vStart);
    if (!/^["']/.test(raw)) {
      const comment = raw.search(/(?:^|[ \t])#/);
      if (comment >= 0) raw = raw.slice(0, comment);
    }
    raw = raw.trimEnd();
    const vr = (a: number, b: number, line = l): Range => ({ start: { line, character: a }, end: { line, character: b } });
    if (raw === '') {
      // A block list may follow: "  - item" lines.
      const items: string[] = [];
      const itemRanges: Range[] = [];
      let k = l + 1;
      for (; k < toLine; k++) {
        const t = text.slice(lines.lineStart(k), lines.lineEnd(k));
        const im = listItemLine(t);
        if (!im) break;
        items.push(String(unquote(im.item)));
        itemRanges.push(vr(im.start, im.start + im.item.length, k));
      }
      if (items.length > 0) {
        setPlain(data, key, items);
        const last = itemRanges[itemRanges.length - 1];
        const first = itemRanges[0];
        defineField(fields, key, {
          keyRange,
          valueRange: { start: { line: first.start.line, character: Math.max(0, first.start.character - 2) }, end: last.end },
          itemRanges,
        });
        l = k - 1;
      } else {
        setPlain(data, key, null);
        defineField(fields, key, { keyRange, valueRange: vr(s.length, s.length) });
      }
      continue;
    }
    const valueRange = vr(vStart, vStart + raw.length);
    if (raw.startsWith('[') && raw.endsWith(']')) {
      const items: string[] = [];
      const itemRanges: Range[] = [];
      const re = /[^,\[\]]+/g;
      const inner = raw.slice(1, -1);
      let im: RegExpExecArray | null;
      while ((im = re.exec(inner))) {
        const lead = im[0].length - im[0].trimStart().length;
        const item = im[0].trim();
        if (!item) continue;
        const at = vStart + 1 + im.index + lead;
        items.push(unquote(item));
        itemRanges.push(vr(at, at + item.length));
      }
      setPlain(data, key, items);
      defineField(fields, key, { keyRange, valueRange, itemRanges });
      continue;
    }
    setPlain(data, key, scalarOf(raw));
    defineField(fields, key, { keyRange, valueRange });
  }
  return { data, fields };
}

