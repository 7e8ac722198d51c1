import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, YAMLError } from 'yaml';
import type { Fix, Issue } from '../model/issue';
import type { LineIndex } from '../model/lineIndex';
import type { Range } from '../model/range';
import type { FieldLocation, FrontMatter } from '../model/story';
import { normalizeLoneCr } from '../model/lineBreaks';
import { defineField, KEY_LINE, scanFields, setPlain, unquote, valueStartOf } from './frontMatterScan';
import { maskAtMentions, unmask } from './atMentions';
import { readSimpleYaml } from './simpleYaml';
import { deepFlowNesting, MAX_FLOW_DEPTH } from './yamlLines';

export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  readonly bodyStartLine: number;
  readonly problems: Issue[];
}

const OPEN_FENCE = /^---[ \t]*([A-Za-z][\w+-]*)?[ \t]*$/;
const YAML_NAMES = new Set(['', 'yaml', 'yml']);
// Why a size cap: a front matter this large is not a story header, and YAML parsing cost grows with it;
// above the cap we fall back to the linear line scan so a huge file cannot stall the index.
const MAX_YAML_CHARS = 256 * 1024;
// Why 100: real front matter uses a handful of aliases; more means an expansion attack ("billion laughs").
const MAX_ALIAS_COUNT = 100;
// Why a cap on reported YAML errors: one broken quote can cascade into dozens of follow-on errors.
const MAX_ERRORS = 5;

export interface FrontMatterOptions {
  /** false: always use the full YAML parser (tests compare the two readers). */
  readonly simple?: boolean;
  /** The line the opening fence is on: 0, or 1 when a merge conflict's first marker opens the file. */
  readonly openLine?: number;
  /** Backlog.md mode: read `assignee: @maya` (and `reporter:`) unquoted, as Backlog.md does. */
  readonly atMentions?: boolean;
}

/** Returns the file's front matter (parsed, or recovered by a line scan), where the body starts, and front-matter-syntax problems. */
export function parseFrontMatter(path: string, text: string, lines: LineIndex, options?: FrontMatterOptions): FrontMatterResult {
  const o = Math.min(options?.openLine ?? 0, Math.max(0, lines.lineCount - 1));
  let first = text.slice(lines.lineStart(o), lines.lineEnd(o));
  if (first.charCodeAt(0) === 0xfeff) first = first.slice(1);
  const open = OPEN_FENCE.exec(first);
  if (!open) return { bodyStartLine: 0, problems: [] };
  const language = (open[1] ?? '').toLowerCase();

  let closeLine = -1;
  for (let l = o + 1; l < lines.lineCount; l++) {
    const start = lines.lineStart(l);
    const c = text.charCodeAt(start);
    if (c !== 45 && c !== 46) continue;
    const s = text.slice(start, lines.lineEnd(l)).trimEnd();
    if (s === '---' || s === '...') {
      closeLine = l;
      break;
    }
  }

  const problems: Issue[] = [];
  const fenceRange = lines.rangeOf(lines.lineStart(o), lines.lineEnd(o));
  const problem = (message: string, range: Range, fixes?: Fix[]): void => {
    problems.push({ code: 'front-matter-syntax', severity: 'error', message, path, range, ...(fixes && fixes.length ? { fixes } : {}) });
  };

  // Lines [1, contentEnd) hold the front matter content; the body starts at bodyStartLine.
  let contentEnd: number;
  let bodyStartLine: number;
  if (closeLine >= 0) {
    contentEnd = closeLine;
    bodyStartLine = closeLine + 1;
  } else {
    // Unclosed: assume the header ends at the first blank line (YAML headers rarely contain one).
    contentEnd = lines.lineCount;
    for (let l = o + 1; l < lines.lineCount; l++) {
      if (text.slice(lines.lineStart(l), lines.lineEnd(l)).trim() === '') {
        contentEnd = l;
        break;
      }
    }
    bodyStartLine = contentEnd;
    problem(
      `The front matter that starts on line ${o + 1} is never closed: add a line with "---" after the last field.`,
      fenceRange,
    );
  }
  // "---" twice, then fields and a closing fence: an empty front matter before the real one (a template pasted below
  // a header, a merge). gray-matter, and so Backlog.md, reads the empty one: a story with no id and no title.
  // Rudder reads the second block, so the story keeps its fields, and says how to repair the file.
  if (closeLine === o + 1 && o + 2 < lines.lineCount && KEY_LINE.test(text.slice(lines.lineStart(o + 2), lines.lineEnd(o + 2)))) {
    const second = parseFrontMatter(path, text, lines, { ...options, openLine: o + 1 });
    if (second.frontMatter && second.frontMatter.closeLine >= 0) {
      const del: Fix = { title: `Delete the extra "---" on line ${o + 1}`, isPreferred: true, edits: [{ path, edits: [{ range: lines.rangeOf(lines.lineStart(o), lines.lineStart(o + 1)), newText: '' }] }] };
      const doubled: Issue = {
        code: 'front-matter-syntax',
        severity: 'error',
        message: `Lines ${o + 1} and ${o + 2} are both "---": an empty front matter, so other tools (Backlog.md among them) read this story without its fields. Delete line ${o + 1}.`,
        path,
        range: fenceRange,
        fixes: [del],
      };
      return { ...second, problems: [doubled, ...second.problems] };
    }
  }
  const lastLine = closeLine >= 0 ? closeLine : Math.max(0, contentEnd - 1);
  const range = lines.rangeOf(lines.lineStart(o), lines.lineEnd(lastLine));
  const base = { language: YAML_NAMES.has(language) ? 'yaml' : language, range, contentStartLine: o + 1, closeLine };

  if (!YAML_NAMES.has(language)) {
    problem(
      `Front matter in ${language} is not supported; Rudder never evaluates code — use YAML (start the file with "---").`,
      fenceRange,
    );
    return { frontMatter: { ...base, data: {}, fields: {}, recovered: false }, bodyStartLine, problems };
  }

  const contentStart = lines.lineStart(o + 1);
  const contentStop = Math.max(contentStart, lines.lineStart(contentEnd));
  // Backlog.md mode: `assignee: @maya` is read as Backlog.md reads it (atMentions.ts); the YAML reader sees a mask.
  const yamlText = options?.atMentions && closeLine >= 0 ? maskAtMentions(text, o + 1, closeLine, (l) => lines.lineStart(l), (l) => lines.lineEnd(l)) : text;
  const content = closeLine >= 0 || contentEnd < lines.lineCount ? yamlText.slice(contentStart, contentStop) : yamlText.slice(contentStart);
  const recover = (): FrontMatterResult => {
    const scan = scanFields(text, lines, o + 1, contentEnd);
    return { frontMatter: { ...base, data: scan.data, fields: scan.fields, recovered: true }, bodyStartLine, problems };
  };
  if (closeLine < 0) return recover();

  if (content.length > MAX_YAML_CHARS) {
    problem(
      `The front matter is too large to read (${Math.round(content.length / 1024)} KB); keep story fields short and move long text to the body.`,
      fenceRange,
    );
    return recover();
  }

  if (options?.simple !== false) {
    const contentLines: string[] = [];
    for (let l = o + 1; l < closeLine; l++) contentLines.push(yamlText.slice(lines.lineStart(l), lines.lineEnd(l)));
    const simple = readSimpleYaml(contentLines, o + 1);
    if (simple) return { frontMatter: { ...base, data: unmasked(simple.data, yamlText !== text), fields: simple.fields, recovered: false }, bodyStartLine, problems };
  }

  const deep = deepFlowNesting(content);
  if (deep !== undefined) {
    const at = lines.positionAt(contentStart + deep);
    problem(
      `The front matter nests lists or mappings ("[" or "{") more than ${MAX_FLOW_DEPTH} levels deep here; Rudder reads at most ${MAX_FLOW_DEPTH}. Write the value flat, e.g. "labels: [a, b]".`,
      { start: at, end: { line: at.line, character: at.character + 1 } },
    );
    return recover();
  }

  let doc;
  try {
    // Why normalizeLoneCr: `yaml` knows only "\n" and "\r\n" as line breaks; a lone "\r" becomes "\n" (same offsets).
    // Why merge: gray-matter, and so Backlog.md, reads YAML merge keys (`<<: *base`); the alias bound still applies.
    doc = parseDocument(normalizeLoneCr(content), { schema: 'core', version: '1.2', uniqueKeys: true, prettyErrors: false, strict: true, merge: true });
  } catch {
    problem('The front matter could not be read as YAML; check its indentation and quoting.', fenceRange);
    return recover();
  }

  if (doc.errors.length > 0) {
    for (const error of doc.errors.slice(0, MAX_ERRORS)) {
      const p = describeError(error, path, text, lines, contentStart, content);
      problem(p.message, p.range, p.fixes);
    }
    return recover();
  }

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { frontMatter: { ...base, data: {}, fields: {}, recovered: false }, bodyStartLine, problems };
  }
  if (!isMap(contents)) {
    const r = nodeRange(contents as YamlNode, lines, contentStart, text) ?? fenceRange;
    problem(
      `The front matter must be a list of "key: value" fields, but it is ${isSeq(contents) ? 'a list' : 'a single value'}.`,
      r,
    );
    return { frontMatter: { ...base, data: {}, fields: {}, recovered: false }, bodyStartLine, problems };
  }

  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const aliases = e instanceof ReferenceError || /alias/i.test(String((e as Error)?.message));
    problem(
      aliases
        ? 'The front matter repeats YAML aliases (*name) so often that reading it would take too long; write the values out instead.'
        : 'The front matter could not be read as YAML; check its indentation and quoting.',
      fenceRange,
    );
    return recover();
  }
  const data = unmasked(toPlain(js, 0) as Record<string, unknown>, yamlText !== text);
  const fields: Record<string, FieldLocation> = {};
  for (const pair of contents.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    if (Object.prototype.hasOwnProperty.call(fields, name)) continue;
    const keyRange = lines.rangeOf(contentStart + key.range[0], contentStart + key.range[1]);
    const value = pair.value as YamlNode | null;
    let valueRange = value ? nodeRange(value, lines, contentStart, text) : undefined;
    if (!valueRange) {
      const end = lines.lineEnd(keyRange.end.line);
      valueRange = lines.rangeOf(end, end);
    }
    const loc: FieldLocation = isSeq(value)
      ? {
          keyRange,
          valueRange,
          itemRanges: value.items.map((item) => nodeRange(item as YamlNode, lines, contentStart, text) ?? valueRange!),
        }
      : { keyRange, valueRange };
    defineField(fields, name, loc);
  }
  return { frontMatter: { ...base, data, fields, recovered: false }, bodyStartLine, problems };
}


/** Returns the data with the masked `@` of assignee and reporter values put back (when the text was masked). */
function unmasked(data: Record<string, unknown>, masked: boolean): Record<string, unknown> {
  if (!masked) return data;
  for (const k of ['assignee', 'reporter']) if (Object.prototype.hasOwnProperty.call(data, k)) setPlain(data, k, unmask(data[k]));
  return data;
}

// Range of a YAML node as written, trailing whitespace and line breaks excluded.
function nodeRange(node: YamlNode | null, lines: LineIndex, base: number, text: string): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  const start = base + r[0];
  let end = Math.max(start, base + r[1]);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return lines.rangeOf(start, end);
}

/** Returns a copy of a YAML value holding only JSON-like data (strings, numbers, booleans, null, arrays, objects). */
function toPlain(v: unknown, depth: number): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (depth > 64) return null;
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1));
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) setPlain(o, String(k), toPlain(x, depth + 1));
    return o;
  }
  if (typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v as object)) setPlain(o, k, toPlain((v as Record<string, unknown>)[k], depth + 1));
    return o;
  }
  return String(v);
}

function describeError(
  error: YAMLError,
  path: string,
  text: string,
  lines: LineIndex,
  base: number,
  content: string,
): { message: string; range: Range; fixes?: Fix[] } {
  const start = base + Math.min(error.pos[0], content.length);
  const end = base + Math.min(Math.max(error.pos[1], error.pos[0]), content.length);
  const pos = lines.positionAt(start);
  const lineText = text.slice(lines.lineStart(pos.line), lines.lineEnd(pos.line));
  const keyMatch = KEY_LINE.exec(lineText);
  const key = keyMatch ? unquote(keyMatch[1]) : undefined;
  const where = key ? `the value of "${key}"` : 'this value';
  const yamlMessage = String(error.message).split('\n')[0];

  switch (error.code) {
    case 'BAD_SCALAR_START': {
      const quoted = quoteEdits(path, lineText, pos.line, pos.character);
      const ch = lineText[pos.character] ?? '';
      const range = quoted ? quoted.valueRange : lines.rangeOf(start, end);
      const value = quoted ? quoted.value : ch;
      return {
        message: `In the front matter, ${where} starts with "${ch}", which YAML reserves: put the value in quotes (${quoted ? quoted.quotedText : `'${value}'`}).`,
        range,
        ...(quoted ? { fixes: [quoted.fix] } : {}),
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // `title: Fix: the thing` — the value itself contains ": ".
      const valueStart = keyMatch ? valueStartOf(lineText, keyMatch[0].length) : -1;
      const quoted = valueStart === pos.character ? quoteEdits(path, lineText, pos.line, valueStart) : undefined;
      if (quoted) {
        return {
          message: `In the front matter, ${where} contains ": ", which YAML reads as a nested field: put the value in quotes (${quoted.quotedText}).`,
          range: quoted.valueRange,
          fixes: [quoted.fix],
        };
      }
      return { message: `The front matter is not valid YAML here (${yamlMessage}): check the indentation and the colons.`, range: lines.rangeOf(start, end) };
    }
    case 'DUPLICATE_KEY': {
      const name = key ?? unquote(content.slice(error.pos[0], error.pos[1]).trim());
      const r = keyMatch && pos.character === 0 ? lines.rangeOf(start, start + keyMatch[1].length) : lines.rangeOf(start, end);
      return { message: `The field "${name}" appears more than once in the front matter; keep only one.`, range: r };
    }
    case 'TAB_AS_INDENT':
      return { message: 'A tab indents this front matter line; YAML allows only spaces for indentation.', range: lines.rangeOf(start, Math.max(end, start + 1)) };
    case 'MISSING_CHAR':
      return { message: `The front matter is not valid YAML here: ${yamlMessage.replace(/\.$/, '')} — close the quote or bracket.`, range: lines.rangeOf(start, end) };
    default:
      return { message: `The front matter is not valid YAML here: ${yamlMessage.replace(/\.$/, '')}. Check the indentation, colons and quotes.`, range: lines.rangeOf(start, end) };
  }
}

// Edits that put one plain value in quotes, choosing quotes that need no escaping; undefined when no such quotes exist.
function quoteEdits(
  path: string,
  lineText: string,
  line: number,
  startChar: number,
): { fix: Fix; valueRange: Range; value: string; quotedText: string } | undefined {
  let depth = 0;
  for (let i = 0; i < startChar; i++) {
    const c = lineText[i];
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  let end: number;
  if (depth > 0) {
    end = startChar;
    while (end < lineText.length && !',]}'.includes(lineText[end])) end++;
  } else {
    const comment = lineText.slice(startChar).search(/[ \t]#/);
    end = comment >= 0 ? startChar + comment : lineText.length;
  }
  while (end > startChar && (lineText[end - 1] === ' ' || lineText[end - 1] === '\t')) end--;
  const value = lineText.slice(startChar, end);
  if (value.length === 0) return undefined;
  const q = !value.includes("'") ? "'" : !value.includes('"') && !value.includes('\\') ? '"' : undefined;
  if (!q) return undefined;
  const at = (c: number): Range => ({ start: { line, character: c }, end: { line, character: c } });
  const quotedText = `${q}${value}${q}`;
  return {
    fix: {
      title: `Quote ${quotedText}`,
      isPreferred: true,
      edits: [{ path, edits: [{ range: at(startChar), newText: q }, { range: at(end), newText: q }] }],
    },
    valueRange: { start: { line, character: startChar }, end: { line, character: end } },
    value,
    quotedText,
  };
}
