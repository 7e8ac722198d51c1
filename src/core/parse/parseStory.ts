import { LineIndex } from '../model/lineIndex';
import type { Issue } from '../model/issue';
import type { Range } from '../model/range';
import type { Story } from '../model/story';
import { findAcceptanceCriteria, findDefinitionOfDone, findUserStory, linesRange } from './bodyOutline';
import type { BodyOutline } from './bodyOutline';
import { FIELDS, type FieldSpec } from '../model/fields';
import { asList, asNumber, asString, asText, fileTitle, pick } from './fieldValues';
import { parseFrontMatter } from './frontMatter';
import { readThroughConflicts } from './mergeConflict';
import { scanMarkdown } from './markdownScan';
import { outlineWithRemark } from './remarkBody';

// Why a cap on the remark fallback: remark's cost grows faster than the text (measured: a 200 KB table 1.6-3.6 s,
// a 200 KB paragraph 10.7 s, 1 MB of prose 134 s), so one huge file could stall a lint run or the editor. remark
// only reads from the last point before the construct the scanner does not read; above the cap that part is
// left unread and the story says so (unread-content) instead of silently reading less.
export const MAX_REMARK_BODY_CHARS = 200 * 1024;

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface OutlineOptions {
  /** 'auto' (default): the scanner, with remark where the scanner is not confident; 'remark': always remark; 'scanner': never remark. */
  readonly markdown?: 'auto' | 'remark' | 'scanner';
  /** Backlog.md mode: `assignee: @maya` unquoted is a value, as Backlog.md reads it (not a YAML error). */
  readonly atMentions?: boolean;
}

/**
 * Returns the body outline of the text from startLine: the exact scanner, with remark reading the rest of the body
 * from where the scanner was unsure; confident: false (and `unreadFrom`) when that rest is over MAX_REMARK_BODY_CHARS.
 */
export function outlineBody(lines: LineIndex, startLine: number, options?: OutlineOptions): BodyOutline {
  const mode = options?.markdown ?? 'auto';
  if (mode === 'remark') return outlineWithRemark(lines, startLine);
  const scanned = scanMarkdown(lines, startLine);
  if (scanned.confident || mode === 'scanner') return scanned;
  // Nothing is open at `unreadFrom`: what the scanner read before it is final, and remark can start there.
  const from = scanned.unreadFrom ?? startLine;
  if (lines.text.length - lines.lineStart(from) > MAX_REMARK_BODY_CHARS) return scanned;
  const rest = outlineWithRemark(lines, from);
  return {
    confident: true,
    headings: [...scanned.headings, ...rest.headings],
    items: [...scanned.items, ...rest.items],
    paragraphs: [...scanned.paragraphs, ...rest.paragraphs],
  };
}

/** Returns the unread-content issue of an outline that stops short of the end of the body, or undefined. */
function unreadIssue(path: string, lines: LineIndex, outline: BodyOutline): Issue | undefined {
  if (outline.confident || outline.unreadFrom === undefined) return undefined;
  const at = outline.unsureLine ?? outline.unreadFrom;
  const kb = Math.round((lines.text.length - lines.lineStart(outline.unreadFrom)) / 1024);
  const what = (outline.reason ?? 'a construct').replace(/ \(line \d+\)$/, '');
  return {
    code: 'unread-content',
    severity: 'warning',
    message:
      `Rudder read this story only up to line ${outline.unreadFrom}: line ${at + 1} holds ${what}, which only the full Markdown parser reads, ` +
      `and the ${kb} KB from line ${outline.unreadFrom + 1} on are more than the ${MAX_REMARK_BODY_CHARS / 1024} KB it is given. ` +
      'Headings, criteria and the user story after that line are not checked.',
    path,
    range: linesRange(lines, at, at),
  };
}

/** Returns the story in a Markdown file; never throws (problems are in story.problems). */
export function parseStory(path: string, text: string, options?: OutlineOptions): Story {
  try {
    return parseStoryUnsafe(path, text, options);
  } catch (e) {
    const lineCount = new LineIndex(text).lineCount;
    const problem: Issue = {
      code: 'front-matter-syntax',
      severity: 'error',
      message: `Rudder could not read this file (${String((e as Error)?.message ?? e).slice(0, 120)}); check its front matter.`,
      path,
      range: ZERO,
    };
    return {
      path,
      title: fileTitle(path),
      titleRange: ZERO,
      type: 'story',
      vision: [],
      dependsOn: [],
      labels: [],
      assignee: [],
      bodyStartLine: 0,
      lineCount,
      problems: [problem],
    };
  }
}

/** Returns true when the file is a story: front matter with an id or a title, broken front matter, or conflict markers. */
export function isStoryFile(story: Story): boolean {
  const fm = story.frontMatter;
  // A Markdown file with conflict markers is reported as a story whatever its sides hold: the conflict must be seen.
  if (story.problems.some((p) => p.code === 'merge-conflict')) return true;
  if (!fm) return false;
  if (fm.recovered || story.problems.some((p) => p.code === 'front-matter-syntax')) return true;
  return pick(fm.data, 'id') !== undefined || pick(fm.data, 'title') !== undefined;
}

/** Returns true when the text looks like binary data rather than Markdown (NUL bytes or many replacement characters). */
export function looksBinary(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  if (sample.includes('\u0000')) return true;
  // Why indexOf: it skips the (nearly always) clean text far faster than a loop over every character.
  let bad = 0;
  for (let i = sample.indexOf('\ufffd'); i !== -1; i = sample.indexOf('\ufffd', i + 1)) bad++;
  return bad > 8 && bad > sample.length / 50;
}

// The fields read into the Story from the table (src/core/model/fields.ts); the title is read above (it falls back
// to the first heading).
const READ_FIELDS = FIELDS.filter((f) => f.prop !== undefined && f.key !== 'title').map((spec) => ({ spec, keys: [spec.key, ...spec.aliases] }));

/** Returns the value of the first key present (not undefined or null). */
function firstPresent(data: Readonly<Record<string, unknown>>, keys: readonly string[]): unknown {
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(data, k)) continue;
    const v = data[k];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** Returns one value of a scalar field as its type reads it, or undefined (a wrong shape is reported by invalid-field). */
function readScalar(spec: FieldSpec, raw: unknown): string | number | undefined {
  switch (spec.type) {
    case 'number': {
      const n = asNumber(raw);
      return n !== undefined && (spec.min === undefined || n >= spec.min) ? n : undefined;
    }
    case 'date':
    case 'rank':
    case 'type':
      return asString(raw);
    default:
      return asText(raw);
  }
}

function parseStoryUnsafe(path: string, file: string, options?: OutlineOptions): Story {
  const { text, lines, openLine, problems: conflicts } = readThroughConflicts(path, file);
  const fm = parseFrontMatter(path, text, lines, { openLine, atMentions: options?.atMentions === true });
  const frontMatter = fm.frontMatter;
  if (!frontMatter && looksBinary(text)) {
    return { path, title: fileTitle(path), titleRange: ZERO, type: 'story', vision: [], dependsOn: [], labels: [], assignee: [], bodyStartLine: 0, lineCount: lines.lineCount, problems: [] };
  }

  const outline = outlineBody(lines, fm.bodyStartLine, options);
  const unread = unreadIssue(path, lines, outline);
  const acceptanceCriteria = findAcceptanceCriteria(outline, lines);
  const definitionOfDone = findDefinitionOfDone(outline, lines);
  const userStory = findUserStory(outline, lines, acceptanceCriteria);
  const data = frontMatter?.data ?? {};
  const fields = frontMatter?.fields ?? {};

  let title = asText(data.title);
  let titleRange: Range = ZERO;
  if (title !== undefined && fields.title) titleRange = fields.title.valueRange;
  if (title === undefined) {
    const h1 = outline.headings.find((h) => h.depth === 1);
    if (h1) {
      title = h1.text.trim() || undefined;
      if (title !== undefined) titleRange = linesRange(lines, h1.startLine, h1.endLine);
    }
  }
  if (title === undefined) title = fileTitle(path);

  // Why no spread and no undefined keys: a spread-then-override literal falls into V8's slow dictionary
  // objects (measured ~3x slower per story); optional fields are set only when present, in the field table's order.
  const story: Record<string, unknown> = {
    path,
    title,
    titleRange,
    type: 'story',
    vision: [],
    dependsOn: [],
    labels: [],
    assignee: [],
    bodyStartLine: fm.bodyStartLine,
    lineCount: lines.lineCount,
    problems: conflicts.length || unread ? [...conflicts, ...fm.problems, ...(unread ? [unread] : [])] : fm.problems,
  };
  for (const { spec, keys } of READ_FIELDS) {
    const raw = firstPresent(data, keys);
    const v = spec.shape === 'list' ? asList(raw) : readScalar(spec, raw);
    if (v !== undefined) story[spec.prop!] = v;
  }
  const optional: [string, unknown][] = [
    ['userStory', userStory],
    ['acceptanceCriteria', acceptanceCriteria],
    ['definitionOfDone', definitionOfDone],
    ['frontMatter', frontMatter],
  ];
  for (const [k, v] of optional) if (v !== undefined) story[k] = v;
  return story as unknown as Story;
}
