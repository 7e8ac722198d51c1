import type { LineIndex } from '../model/lineIndex';
import { range, type Range } from '../model/range';
import type { AcceptanceCriteria, Checklist, Criterion } from '../model/story';

/** A heading of the document (not one nested in a list item or inside code). */
export interface OutlineHeading {
  readonly depth: number;
  /** First line (for setext headings, the first line of the text). */
  readonly startLine: number;
  /** Last line (for setext headings, the underline). */
  readonly endLine: number;
  /** The heading text as written (inline markup kept). */
  readonly text: string;
}

/** A list item, at any depth. */
export interface OutlineItem {
  readonly line: number;
  /** Column of the bullet or number. */
  readonly column: number;
  /** How many list items and block quotes hold it: 0 for an item of a list at the top level of the document. */
  readonly depth: number;
  /** Last line with content of the item (its continuation lines and nested blocks included, trailing blank lines not). */
  readonly lastLine: number;
  /** true/false for a GFM task checkbox, undefined otherwise. */
  readonly checked?: boolean;
}

/** A paragraph at the top level of the document (not in a list item or a block quote). */
export interface OutlineParagraph {
  readonly startLine: number;
  readonly endLine: number;
}

/** The few Markdown structures the rules need, as found by the scanner or by remark. */
export interface BodyOutline {
  /** False when the body holds a construct the scanner cannot read with certainty (remark must decide). */
  readonly confident: boolean;
  /** Why the scanner was not confident (for tests, debugging and the unread-content issue). */
  readonly reason?: string;
  /** When not confident: the line the scanner could not read. */
  readonly unsureLine?: number;
  /** When not confident: the first line the outline does not cover (what it holds before that line is exact). */
  readonly unreadFrom?: number;
  readonly headings: readonly OutlineHeading[];
  /** In document order. */
  readonly items: readonly OutlineItem[];
  readonly paragraphs: readonly OutlineParagraph[];
}

// Markers that may wrap the heading text: emphasis, trailing colon, spaces.
// Why no /\s*:$/: it starts at every blank of a run and scans it to the end each time (quadratic on a heading
// padded with blanks); after trim() the colon, if any, is the last character, and only the blanks before it remain.
const TRAILING_COLON = /:$/;
const HEADING_NOISE = /[*_`]/g;

/** Returns a heading's text as compared: emphasis, a trailing colon and extra blanks dropped, lower case. */
function headingKey(text: string): string {
  return text.replace(HEADING_NOISE, '').trim().replace(TRAILING_COLON, '').trimEnd().replace(/\s+/g, ' ').toLowerCase();
}

const isAcceptanceCriteriaKey = (key: string): boolean => key === 'acceptance criteria';
const isDefinitionOfDoneKey = (key: string): boolean => key === 'definition of done' || key === 'dod';

/** Returns true when a heading text reads "Acceptance Criteria" (any case, emphasis and a trailing colon tolerated). */
export function isAcceptanceCriteriaHeading(text: string): boolean {
  return isAcceptanceCriteriaKey(headingKey(text));
}

/** Returns true when a heading text reads "Definition of Done" or "DoD" (as Backlog.md writes it, any case). */
export function isDefinitionOfDoneHeading(text: string): boolean {
  return isDefinitionOfDoneKey(headingKey(text));
}

/**
 * Returns false when a heading cannot read as a checklist's name: those keys are letters and single blanks, so a
 * heading naming one has 18 ("acceptance criteria"), 16 ("definition of done") or 3 ("dod") characters besides
 * blanks, emphasis and colons. Why: long stories have many headings, and each was normalised whole to be compared.
 */
export function mayNameChecklist(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 42 || c === 95 || c === 96 || c === 58) continue; // blanks, line breaks, * _ ` :
    if (c > 127 && /\s/.test(text[i])) continue;
    if (++n > 18) return false;
  }
  return n === 18 || n === 16 || n === 3;
}

// Why cached per outline: each story's headings are compared for both checklists; an outline is immutable.
const keysCache = new WeakMap<BodyOutline, readonly string[]>();

function headingKeys(outline: BodyOutline): readonly string[] {
  let keys = keysCache.get(outline);
  if (!keys) {
    keys = outline.headings.map((h) => (mayNameChecklist(h.text) ? headingKey(h.text) : ''));
    keysCache.set(outline, keys);
  }
  return keys;
}

/** Returns the range of lines [startLine, endLine] without leading indentation and line endings. */
export function linesRange(lines: LineIndex, startLine: number, endLine: number): Range {
  const start = lines.lineStart(startLine);
  const lineText = lines.text.slice(start, lines.lineEnd(startLine));
  const indent = lineText.length - lineText.trimStart().length;
  const endOffset = trimEndOffset(lines.text, lines.lineStart(endLine), lines.lineEnd(endLine));
  return range(startLine, indent, endLine, endOffset - lines.lineStart(endLine));
}

function trimEndOffset(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return e;
}

const MARKER = /^([-*+]|\d{1,9}[.)])[ \t]*/;
const CHECKBOX = /^\[[ xX]\][ \t]*/;
const NUMBERING = /^#(\d+)(?:[ \t]+|$)/;

/** Returns the criterion written on the item's first line: text after the bullet, the checkbox and `#N`. */
export function criterionAt(lines: LineIndex, item: OutlineItem): Criterion {
  const lineStart = lines.lineStart(item.line);
  const lineEnd = trimEndOffset(lines.text, lineStart, lines.lineEnd(item.line));
  const line = lines.text.slice(lineStart, lineEnd);
  let pos = item.column;
  const marker = MARKER.exec(line.slice(pos));
  if (marker) pos += marker[0].length;
  let number: number | undefined;
  if (item.checked !== undefined) {
    const box = CHECKBOX.exec(line.slice(pos));
    if (box) pos += box[0].length;
    const num = NUMBERING.exec(line.slice(pos));
    if (num) {
      number = Number(num[1]);
      pos += num[0].length;
    }
  }
  const text = line.slice(pos);
  // Built without object spread: spreads gave every criterion its own hidden class, and the scan path is hot.
  const criterion: { -readonly [K in keyof Criterion]: Criterion[K] } = {
    text: text.trim(),
    range: range(item.line, item.column, item.line, line.length),
    textRange: range(item.line, pos, item.line, line.length),
    lastLine: item.lastLine,
  };
  if (item.checked !== undefined) criterion.checked = item.checked;
  if (number !== undefined) criterion.number = number;
  return criterion;
}

/**
 * Returns the first acceptance criteria section of the outline, or undefined when there is none. Its criteria are the
 * items of top-level lists in the section (nested items belong to their parent); when some are checkboxes, only those
 * (plain items beside them are notes), as Backlog.md counts them.
 */
export function findAcceptanceCriteria(outline: BodyOutline, lines: LineIndex): AcceptanceCriteria | undefined {
  return findChecklist(outline, lines, isAcceptanceCriteriaKey);
}

/** Returns the first Definition of Done section of the outline, read as the acceptance criteria are. */
export function findDefinitionOfDone(outline: BodyOutline, lines: LineIndex): Checklist | undefined {
  return findChecklist(outline, lines, isDefinitionOfDoneKey);
}

function findChecklist(outline: BodyOutline, lines: LineIndex, isKey: (key: string) => boolean): Checklist | undefined {
  const hs = outline.headings;
  const at = headingKeys(outline).findIndex(isKey);
  if (at < 0) return undefined;
  const heading = hs[at];
  let endLine = lines.lineCount;
  for (let i = at + 1; i < hs.length; i++) {
    if (hs[i].depth <= heading.depth) {
      endLine = hs[i].startLine;
      break;
    }
  }
  const top: OutlineItem[] = [];
  let boxes = false;
  for (const item of outline.items) {
    if (item.depth !== 0 || item.line <= heading.endLine || item.line >= endLine) continue;
    top.push(item);
    if (item.checked !== undefined) boxes = true;
  }
  const items: Criterion[] = [];
  for (const item of top) if (!boxes || item.checked !== undefined) items.push(criterionAt(lines, item));
  return { headingRange: linesRange(lines, heading.startLine, heading.endLine), headingDepth: heading.depth, endLine, items };
}

/**
 * Returns true when text[from, to), blanks trimmed and '*' and '_' left out, starts with "as" (any case): what
 * USER_STORY needs first. Why: long stories have many paragraphs, and a paragraph was collapsed, stripped and
 * matched whole before its first letters could rule it out.
 */
export function startsWithAs(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  const letters: number[] = [];
  for (; i < to && letters.length < 2; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 95) continue; // * _
    letters.push(c | 0x20);
  }
  return letters.length === 2 && letters[0] === 97 && letters[1] === 115; // a s
}

// "As a/an <persona>, I want …" with an optional "so that"; emphasis markers are ignored.
const USER_STORY = /^as an?\s+\S[^]*?\bi\s+(?:want|need|would like|wish|can)\b/i;

/** Returns true when a paragraph's text (blanks collapsed and trimmed) reads as a user story; emphasis is left out. */
export function readsAsUserStory(text: string): boolean {
  return USER_STORY.test(text.replace(/[*_]/g, ''));
}

/** Returns the first paragraph outside the acceptance criteria that reads like a user story. */
export function findUserStory(
  outline: BodyOutline,
  lines: LineIndex,
  ac: AcceptanceCriteria | undefined,
): { text: string; range: Range } | undefined {
  for (const p of outline.paragraphs) {
    if (ac && p.startLine > ac.headingRange.end.line && p.startLine < ac.endLine) continue;
    if (!startsWithAs(lines.text, lines.lineStart(p.startLine), lines.lineEnd(p.endLine))) continue;
    const raw = lines.text.slice(lines.lineStart(p.startLine), lines.lineEnd(p.endLine));
    const text = raw.replace(/\s+/g, ' ').trim();
    if (readsAsUserStory(text)) return { text, range: linesRange(lines, p.startLine, p.endLine) };
  }
  return undefined;
}
