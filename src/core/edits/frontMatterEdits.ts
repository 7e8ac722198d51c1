// Why this file is one module of about 480 lines: every edit (set, remove, add or remove a list item, quote) starts
// from the same reading of the front matter (`locate`: where it is, its YAML, the file's quoting and list style) and
// ends in the same minimal-edit helpers; split apart, each half would re-export the other's private types. The YAML
// scalar formatting stands alone in yamlScalar.ts, the line-break helpers in model/lineBreaks.ts.
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
export { detectEol } from '../model/lineBreaks';
import { detectEol, isLineBreakAt, isLineStart, lineStartOf, nextLineStart, normalizeLoneCr, stripEol } from '../model/lineBreaks';
import { LineIndex } from '../model/lineIndex';
import type { TextEdit } from '../model/range';
import { toTextEdits } from './applyEdits';
import { maskAtMentions } from '../parse/atMentions';
import { hasConflicts } from '../parse/mergeConflict';
import type { OffsetEdit } from './applyEdits';
import { formatYamlScalar, plainSafety, styleOf } from './yamlScalar';
import { trimEndChars } from '../model/trimChars';

/** A value `setField` can write. `null` writes an empty value (`key:`), which YAML reads as null. */
export type FieldValue = string | number | boolean | readonly string[] | null;

/** How new lists are written: like the file's first list, else flow. */
interface ListStyle {
  readonly flow: boolean;
  /** For block lists: the text before the dash, and between the dash and the item. */
  readonly indent: string;
  readonly gap: string;
}

/** A located front matter block. All offsets are into the whole text. */
interface Located {
  readonly eol: string;
  /** Offset of the first content line and of the closing fence line. */
  readonly start: number;
  readonly end: number;
  /** The top-level block map; undefined when the front matter is empty (or only comments). */
  readonly map?: YAMLMap;
  readonly quote: 'single' | 'double';
  readonly list: ListStyle;
  readonly keyIndent: string;
}

type Reading = { readonly kind: 'none'; readonly eol: string; readonly insertAt: number } | { readonly kind: 'broken' } | ({ readonly kind: 'ok' } & Located);

const FENCE = /^---([A-Za-z][\w-]*)?[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const KEY_START = /^[A-Za-z_][\w.-]*[ \t]*:/;

/** Returns `offset` when it already starts a line, else the start of the next line: the end of a node's whole lines. */
function wholeLinesEnd(text: string, offset: number): number {
  return isLineStart(text, offset) ? offset : nextLineStart(text, offset);
}

/** Returns `offset` moved back over one trailing line break (block nodes end after theirs). */
function beforeTrailingEol(text: string, offset: number, floor: number): number {
  let o = offset;
  if (o > floor && text.charCodeAt(o - 1) === 10) o--;
  if (o > floor && text.charCodeAt(o - 1) === 13) o--;
  return o;
}

/** Returns where the front matter is and its parsed map, 'none' without front matter, 'broken' when structured edits are unsafe. */
function locate(text: string): Reading {
  const eol = detectEol(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = nextLineStart(text, bom);
  const first = stripEol(text.slice(bom, firstEnd));
  const fence = FENCE.exec(first);
  if (!fence) return { kind: 'none', eol, insertAt: bom };
  // `---js` and friends are another language: never edited as YAML.
  if (fence[1] !== undefined && fence[1].toLowerCase() !== 'yaml') return { kind: 'broken' };
  const start = firstEnd;
  let end = -1;
  for (let at = start; at < text.length; at = nextLineStart(text, at)) {
    const line = stripEol(text.slice(at, nextLineStart(text, at)));
    if (CLOSE.test(line)) {
      end = at;
      break;
    }
  }
  if (end < 0) return { kind: 'broken' };
  // A file with conflict markers is two versions at once, and "---" twice opens an empty front matter before the real
  // one: an edit could land in the wrong version or the wrong block, so none is made until the file is fixed.
  const after = nextLineStart(text, end);
  if (end === start && KEY_START.test(text.slice(after, nextLineStart(text, after)))) return { kind: 'broken' };
  if (hasConflicts(text)) return { kind: 'broken' };
  // Why normalizeLoneCr: `yaml` knows only "\n" and "\r\n" as line breaks; the same offsets, the file unchanged.
  // Why masked: Backlog.md's `assignee: @maya` is not YAML, but an edit elsewhere in the file is safe; the mask has the
  // same length, so every offset found is an offset in the file.
  const head = text.slice(start, end);
  const lineStarts = [0];
  for (let i = 0; i < head.length; i++) if (isLineBreakAt(head, i)) lineStarts.push(i + 1);
  const masked = maskAtMentions(head, 0, lineStarts.length, (l) => lineStarts[l], (l) => (l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : head.length));
  const doc = parseDocument(normalizeLoneCr(masked), { uniqueKeys: true, prettyErrors: false, logLevel: 'error', merge: true });
  if (doc.errors.length > 0) return { kind: 'broken' };
  const contents = doc.contents;
  if (contents !== null && (!isMap(contents) || contents.flow)) return { kind: 'broken' };
  const map = contents === null ? undefined : contents;
  return { kind: 'ok', eol, start, end, map, ...conventions(text, start, map) };
}

/** Returns the file's quoting and list conventions, read from its existing values. */
function conventions(text: string, start: number, map: YAMLMap | undefined): Pick<Located, 'quote' | 'list' | 'keyIndent'> {
  let quote: 'single' | 'double' | undefined;
  let list: ListStyle | undefined;
  let keyIndent = '';
  for (const [i, pair] of (map?.items ?? []).entries()) {
    if (i === 0 && isScalar(pair.key) && pair.key.range) {
      const k = pair.key.range[0] + start;
      keyIndent = text.slice(lineStartOf(text, k), k);
    }
    const v = pair.value;
    const scalars = isSeq(v) ? v.items : [v];
    for (const s of scalars) {
      if (quote === undefined && isScalar(s) && (s.type === 'QUOTE_SINGLE' || s.type === 'QUOTE_DOUBLE')) {
        quote = s.type === 'QUOTE_SINGLE' ? 'single' : 'double';
      }
    }
    if (list === undefined && isSeq(v) && v.items.length > 0) {
      list = v.flow ? { flow: true, indent: '', gap: ' ' } : blockItemLayout(text, start, v) ?? undefined;
    }
  }
  return { quote: quote ?? 'double', list: list ?? { flow: true, indent: '  ', gap: ' ' }, keyIndent };
}

/** Returns the indentation and dash gap of a block sequence's first item. */
function blockItemLayout(text: string, start: number, seq: YAMLSeq): ListStyle | undefined {
  const item = seq.items[0] as YamlNode | undefined;
  if (!item?.range) return undefined;
  const at = item.range[0] + start;
  const dash = text.lastIndexOf('-', at - 1);
  const lineStart = lineStartOf(text, dash);
  if (dash < 0 || lineStart !== lineStartOf(text, at)) return undefined;
  return { flow: false, indent: text.slice(lineStart, dash), gap: text.slice(dash + 1, at) };
}

/** Returns the top-level pair whose key is `key`. */
function findPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  return map?.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** What kind of value a pair holds, for choosing an edit. */
type ValueKind = 'empty' | 'inline' | 'block-scalar' | 'block-collection';

interface ValueInfo {
  readonly kind: ValueKind;
  readonly node?: YamlNode;
  /** Offset just after the key's colon. */
  readonly colonEnd: number;
  /** Offsets of the value's characters (without a trailing line break). */
  readonly start: number;
  readonly end: number;
  /** Start of the value's first line, and end of its last line (after its line break). */
  readonly linesStart: number;
  readonly linesEnd: number;
}

/** Returns where a pair's value sits and how it is written. */
function valueInfo(text: string, fm: Located, pair: Pair): ValueInfo {
  const key = pair.key as YamlNode;
  const keyEnd = (key.range?.[1] ?? 0) + fm.start;
  const colon = text.indexOf(':', keyEnd);
  const colonEnd = colon < 0 ? keyEnd : colon + 1;
  const node = pair.value as YamlNode | null;
  if (!node?.range || (isScalar(node) && node.range[0] === node.range[1])) {
    const at = node?.range ? node.range[0] + fm.start : colonEnd;
    return { kind: 'empty', node: node ?? undefined, colonEnd, start: colonEnd, end: colonEnd, linesStart: lineStartOf(text, colonEnd), linesEnd: wholeLinesEnd(text, Math.max(at, colonEnd)) };
  }
  const start = node.range[0] + fm.start;
  const rawEnd = node.range[1] + fm.start;
  const end = beforeTrailingEol(text, rawEnd, start);
  const linesEnd = wholeLinesEnd(text, rawEnd);
  const blockScalar = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  const blockCollection = (isSeq(node) || isMap(node)) && !node.flow;
  const kind: ValueKind = blockScalar ? 'block-scalar' : blockCollection ? 'block-collection' : 'inline';
  return { kind, node, colonEnd, start, end, linesStart: lineStartOf(text, start), linesEnd };
}

/** Returns the string items of a sequence node (undefined for items that are not scalars). */
function itemValues(seq: YAMLSeq): (string | undefined)[] {
  return seq.items.map((it) => (isScalar(it) && it.value !== null && it.value !== undefined ? String(it.value) : undefined));
}

/** Returns a list as flow text `[a, b]`. */
function flowList(items: readonly string[], fm: Located): string {
  return `[${items.map((i) => formatYamlScalar(i, { flow: true, quote: fm.quote })).join(', ')}]`;
}

/** Returns block list lines (each ending with the file's line break). */
function blockLines(items: readonly string[], fm: Located, style: ListStyle): string {
  return items.map((i) => `${style.indent}-${style.gap}${formatYamlScalar(i, { quote: fm.quote })}${fm.eol}`).join('');
}

/** Returns a whole `key: value` entry (ending with a line break) in the file's conventions. */
function renderEntry(key: string, value: FieldValue, fm: Located): string {
  const k = fm.keyIndent + formatYamlScalar(key, { quote: fm.quote });
  if (value === null) return `${k}:${fm.eol}`;
  if (!isList(value)) return `${k}: ${formatYamlScalar(value, { quote: fm.quote })}${fm.eol}`;
  if (value.length === 0) return `${k}: []${fm.eol}`;
  if (fm.list.flow) return `${k}: ${flowList(value, fm)}${fm.eol}`;
  return `${k}:${fm.eol}${blockLines(value, fm, { ...fm.list, indent: fm.keyIndent + fm.list.indent })}`;
}

function isList(value: FieldValue): value is readonly string[] {
  return Array.isArray(value);
}

/** Returns edits that replace a value with inline text (`null` text: make the value empty). */
function replaceInline(v: ValueInfo, newText: string | null): OffsetEdit[] {
  switch (v.kind) {
    case 'empty':
      return newText === null ? [] : [{ start: v.colonEnd, end: v.colonEnd, text: ` ${newText}` }];
    case 'inline':
    case 'block-scalar':
      return newText === null ? [{ start: v.colonEnd, end: v.end, text: '' }] : [{ start: v.start, end: v.end, text: newText }];
    case 'block-collection': {
      // Keep the key line (and its comment); drop the collection's own lines.
      const drop: OffsetEdit = { start: v.linesStart, end: v.linesEnd, text: '' };
      return newText === null ? [drop] : [{ start: v.colonEnd, end: v.colonEnd, text: ` ${newText}` }, drop];
    }
  }
}

/** Returns the whole-line range of a block sequence item (from its line start to after its last line). */
function itemLines(text: string, fm: Located, item: YamlNode): { start: number; end: number } {
  const at = (item.range?.[0] ?? 0) + fm.start;
  const dash = text.lastIndexOf('-', at);
  return { start: lineStartOf(text, dash < 0 ? at : dash), end: wholeLinesEnd(text, (item.range?.[1] ?? 0) + fm.start) };
}

/** Returns the longest common subsequence of two lists as index pairs. */
function lcs(a: readonly (string | undefined)[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** Returns edits that turn a block sequence into `items`, touching only the lines of items that change. */
function setBlockList(text: string, fm: Located, v: ValueInfo, seq: YAMLSeq, items: readonly string[]): OffsetEdit[] {
  if (items.length === 0) return [{ start: v.colonEnd, end: v.colonEnd, text: ' []' }, { start: v.linesStart, end: v.linesEnd, text: '' }];
  const old = itemValues(seq);
  const layout = blockItemLayout(text, fm.start, seq) ?? { flow: false, indent: '  ', gap: ' ' };
  const lines = seq.items.map((it) => itemLines(text, fm, it as YamlNode));
  const common = lcs(old, items);
  const edits: OffsetEdit[] = [];
  const kept = new Set(common.map(([i]) => i));
  old.forEach((_, i) => {
    if (!kept.has(i)) edits.push({ start: lines[i].start, end: lines[i].end, text: '' });
  });
  // New items go after the kept item before them, or before the first old item.
  let prevOld = -1;
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const at = prevOld < 0 ? lines[0].start : lines[prevOld].end;
    edits.push({ start: at, end: at, text: blockLines(pending, fm, layout) });
    pending = [];
  };
  let c = 0;
  for (let j = 0; j < items.length; j++) {
    if (c < common.length && common[c][1] === j) {
      flush();
      prevOld = common[c][0];
      c++;
    } else pending.push(items[j]);
  }
  flush();
  return edits;
}

/** Returns edits that turn a flow sequence into `items`, reusing the source text of items that stay. */
function setFlowList(text: string, fm: Located, v: ValueInfo, seq: YAMLSeq, items: readonly string[]): OffsetEdit[] {
  if (items.length === 0) return [{ start: v.start, end: v.end, text: '[]' }];
  const old = seq.items as YamlNode[];
  const values = itemValues(seq);
  const used = new Set<number>();
  const parts = items.map((item) => {
    const i = values.findIndex((x, k) => x === item && !used.has(k));
    if (i < 0) return formatYamlScalar(item, { flow: true, quote: fm.quote });
    used.add(i);
    const r = old[i].range ?? [0, 0];
    return text.slice(r[0] + fm.start, r[1] + fm.start);
  });
  if (old.length === 0 || !old[0].range || !old[old.length - 1].range) return [{ start: v.start, end: v.end, text: `[${parts.join(', ')}]` }];
  const first = old[0].range[0] + fm.start;
  const last = old[old.length - 1].range![1] + fm.start;
  let sep = ', ';
  if (old.length > 1 && old[0].range && old[1].range) {
    const between = text.slice(old[0].range[1] + fm.start, old[1].range[0] + fm.start);
    if (/^\s*,\s*$/.test(between) && !between.includes('\n')) sep = between;
  }
  const joined = parts.join(sep);
  return joined === text.slice(first, last) ? [] : [{ start: first, end: last, text: joined }];
}

/** Returns edits that write a list into a value that is not a list yet. */
function setNewList(text: string, fm: Located, v: ValueInfo, items: readonly string[]): OffsetEdit[] {
  if (items.length === 0) return replaceInline(v, '[]');
  if (v.kind === 'empty' && !fm.list.flow) {
    const key = lineStartOf(text, v.colonEnd);
    const indent = text.slice(key, v.colonEnd).match(/^[ \t]*/)?.[0] ?? '';
    return [{ start: v.linesEnd, end: v.linesEnd, text: blockLines(items, fm, { ...fm.list, indent: indent + fm.list.indent }) }];
  }
  return replaceInline(v, flowList(items, fm));
}

/** Returns edits that set one pair's value. */
function setValue(text: string, fm: Located, pair: Pair, value: FieldValue): OffsetEdit[] {
  const v = valueInfo(text, fm, pair);
  const node = v.node;
  if (isList(value)) {
    if (isSeq(node) && v.kind !== 'empty') {
      const old = itemValues(node);
      if (old.length === value.length && old.every((x, i) => x === value[i])) return [];
      return node.flow ? setFlowList(text, fm, v, node, value) : setBlockList(text, fm, v, node, value);
    }
    return setNewList(text, fm, v, value);
  }
  if (value === null) return replaceInline(v, null);
  if (v.kind === 'inline' && isScalar(node)) {
    if (node.value === value) return [];
    const source = text.slice(v.start, v.end);
    const style = typeof value === 'string' ? styleOf(source) : undefined;
    const newText = formatYamlScalar(value, { style, quote: fm.quote });
    return newText === source ? [] : replaceInline(v, newText);
  }
  return replaceInline(v, formatYamlScalar(value, { quote: fm.quote }));
}

/** Returns the edits of an operation, or [] when the front matter cannot be edited safely. */
function run(text: string, op: (fm: Located) => OffsetEdit[]): TextEdit[] {
  const fm = locate(text);
  if (fm.kind !== 'ok') return [];
  return toTextEdits(text, op(fm));
}

/** Returns the minimal edits that set `key` to `value`: the value's characters only; adds the key (or a front matter block) when missing. [] when the front matter is broken. */
export function setField(text: string, key: string, value: FieldValue): TextEdit[] {
  const reading = locate(text);
  if (reading.kind === 'none') {
    const fm: Located = { eol: reading.eol, start: reading.insertAt, end: reading.insertAt, quote: 'double', list: { flow: true, indent: '  ', gap: ' ' }, keyIndent: '' };
    const block = `---${fm.eol}${renderEntry(key, value, fm)}---${fm.eol}`;
    return toTextEdits(text, [{ start: reading.insertAt, end: reading.insertAt, text: block }]);
  }
  return run(text, (fm) => {
    const pair = findPair(fm.map, key);
    if (!pair) return [{ start: fm.end, end: fm.end, text: renderEntry(key, value, fm) }];
    return setValue(text, fm, pair, value);
  });
}

/** Returns the edits that delete `key` with its whole lines (value, trailing comment and block items); [] when absent or broken. */
export function removeField(text: string, key: string): TextEdit[] {
  return run(text, (fm) => {
    const pair = findPair(fm.map, key);
    if (!pair) return [];
    const v = valueInfo(text, fm, pair);
    const keyStart = ((pair.key as YamlNode).range?.[0] ?? 0) + fm.start;
    return [{ start: lineStartOf(text, keyStart), end: v.linesEnd, text: '' }];
  });
}

/** Returns the edits that add `item` to the list `key`, keeping flow or block style; a scalar becomes a list; [] when already there or broken. */
export function addListItem(text: string, key: string, item: string): TextEdit[] {
  const reading = locate(text);
  if (reading.kind === 'none') return setField(text, key, [item]);
  return run(text, (fm) => {
    const pair = findPair(fm.map, key);
    if (!pair) return [{ start: fm.end, end: fm.end, text: renderEntry(key, [item], fm) }];
    const v = valueInfo(text, fm, pair);
    const node = v.node;
    if (v.kind === 'empty') return setNewList(text, fm, v, [item]);
    if (isSeq(node)) {
      if (itemValues(node).includes(item)) return [];
      const items = node.items as YamlNode[];
      if (node.flow) {
        const last = items[items.length - 1];
        if (!last?.range) {
          // `[]` or `[ ]`: put the item just before the closing bracket.
          const close = text.lastIndexOf(']', v.end);
          return [{ start: close, end: close, text: formatYamlScalar(item, { flow: true, quote: fm.quote }) }];
        }
        let sep = ', ';
        if (items.length > 1 && items[0].range && items[1].range) {
          const between = text.slice(items[0].range[1] + fm.start, items[1].range[0] + fm.start);
          if (/^\s*,\s*$/.test(between) && !between.includes('\n')) sep = between;
        }
        const at = last.range[1] + fm.start;
        return [{ start: at, end: at, text: sep + formatYamlScalar(item, { flow: true, quote: fm.quote }) }];
      }
      const layout = blockItemLayout(text, fm.start, node) ?? { flow: false, indent: '  ', gap: ' ' };
      const at = itemLines(text, fm, items[items.length - 1]).end;
      const prefix = at === text.length && at > 0 && text.charCodeAt(at - 1) !== 10 ? fm.eol : '';
      return [{ start: at, end: at, text: prefix + blockLines([item], fm, layout) }];
    }
    if (isScalar(node) || isAlias(node)) {
      if (isScalar(node) && node.value !== null && String(node.value) === item) return [];
      if (v.kind === 'inline') {
        return [{ start: v.start, end: v.end, text: `[${text.slice(v.start, v.end)}, ${formatYamlScalar(item, { flow: true, quote: fm.quote })}]` }];
      }
    }
    // A block scalar or a map cannot take an item.
    return [];
  });
}

/** Returns the edits that remove every `item` from the list `key` (the last one leaves `[]`); [] when absent or broken. */
export function removeListItem(text: string, key: string, item: string): TextEdit[] {
  return run(text, (fm) => {
    const pair = findPair(fm.map, key);
    if (!pair) return [];
    const v = valueInfo(text, fm, pair);
    const node = v.node;
    if (isScalar(node) && v.kind === 'inline') return node.value !== null && String(node.value) === item ? replaceInline(v, '[]') : [];
    if (!isSeq(node)) return [];
    const values = itemValues(node);
    if (!values.includes(item)) return [];
    const keep = values.map((x) => x !== item);
    if (!keep.some(Boolean)) return node.flow ? [{ start: v.start, end: v.end, text: '[]' }] : setBlockList(text, fm, v, node, []);
    const items = node.items as YamlNode[];
    if (!node.flow) return items.flatMap((it, i) => (keep[i] ? [] : [{ ...itemLines(text, fm, it), text: '' }]));
    // Flow: delete each run of removed items with the separator before it (or after it, for a leading run).
    const edits: OffsetEdit[] = [];
    for (let i = 0; i < items.length; i++) {
      if (keep[i]) continue;
      let j = i;
      while (j + 1 < items.length && !keep[j + 1]) j++;
      const r = (k: number): [number, number] => [(items[k].range?.[0] ?? 0) + fm.start, (items[k].range?.[1] ?? 0) + fm.start];
      if (i > 0) edits.push({ start: r(i - 1)[1], end: r(j)[1], text: '' });
      else edits.push({ start: r(0)[0], end: r(j + 1)[0], text: '' });
      i = j;
    }
    return edits;
  });
}

/** Returns the edits that quote the value of the `key: value` (or `- value`) on `line`, the fix for `assignee: @someone`; [] when nothing needs quoting. Works on broken front matter. */
export function quoteValue(text: string, line: number): TextEdit[] {
  const lines = new LineIndex(text);
  if (line < 0 || line >= lines.lineCount) return [];
  const start = lines.lineStart(line);
  const src = text.slice(start, lines.lineEnd(line));
  // A plain key runs to its colon greedily: `[^:#]*` already holds any spaces before the colon (a lazy key followed by
  // `[ \t]*` re-scanned them from every character of the key).
  const lead = /^[ \t]*(?:-[ \t]+)?(?:"(?:[^"\\]|\\.)*"[ \t]*|'(?:[^']|'')*'[ \t]*|[^\s#'"-][^:#]*|-[^\s:#][^:#]*):(?:[ \t]+|$)/.exec(src) ?? /^[ \t]*-[ \t]+/.exec(src);
  if (!lead) return [];
  let value = src.slice(lead[0].length);
  const comment = /[ \t]#/.exec(value);
  if (comment) value = value.slice(0, comment.index);
  value = trimEndChars(value, ' \t');
  if (value === '' || value.startsWith('"') || value.startsWith("'") || value.startsWith('{') || value.startsWith('|') || value.startsWith('>')) return [];
  const quote = fileQuote(text);
  const at = start + lead[0].length;
  const edits: OffsetEdit[] = [];
  if (value.startsWith('[') && value.endsWith(']')) {
    const inner = value.slice(1, -1);
    if (/["']/.test(inner)) return [];
    let offset = at + 1;
    for (const part of inner.split(',')) {
      const item = part.trim();
      const itemAt = offset + part.indexOf(item);
      if (item !== '' && plainSafety(item, true) === 'unsafe') edits.push({ start: itemAt, end: itemAt + item.length, text: formatYamlScalar(item, { flow: true, quote }) });
      offset += part.length + 1;
    }
  } else if (plainSafety(value) === 'unsafe') {
    edits.push({ start: at, end: at + value.length, text: formatYamlScalar(value, { quote }) });
  }
  return toTextEdits(text, edits, lines);
}

/** Returns the quote the front matter already uses (its first quoted value), else 'double'. */
function fileQuote(text: string): 'single' | 'double' {
  const head = text.slice(0, 4000);
  const m = /^[^\n#]*?:[ \t]+(['"])/m.exec(head) ?? /^[ \t]*-[ \t]+(['"])/m.exec(head);
  return m?.[1] === "'" ? 'single' : 'double';
}
