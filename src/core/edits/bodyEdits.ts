import { LineIndex } from '../model/lineIndex';
import type { Position, Range, TextEdit } from '../model/range';
import type { Criterion, Story } from '../model/story';
import { outlineBody } from '../parse/parseStory';
import { applyOffsetEdits, toTextEdits } from './applyEdits';
import type { OffsetEdit } from './applyEdits';
import { detectEol, isLineBreakAt, isLineStart, stripEol } from '../model/lineBreaks';

/** The template criterion a new acceptance criteria section starts with. */
export const CRITERION_TEMPLATE = 'Given <context>, when <action>, then <outcome>';

/** Edits plus where the cursor (and an optional selection) should be once they are applied. */
export interface CursorEdits {
  readonly edits: TextEdit[];
  /** Position in the text after the edits. */
  readonly cursor: Position;
  /** Range to select in the text after the edits (the placeholder to overwrite). */
  readonly selection?: Range;
}

const BLANK = /^[ \t]*$/;
const ITEM_PREFIX = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)/;
const CHECKBOX = /\[([ xX])\]/;

/** Returns the text of a line without its line break. */
function lineText(lines: LineIndex, line: number): string {
  return lines.text.slice(lines.lineStart(line), lines.lineEnd(line));
}

/** Returns true when the line is empty or only spaces (lines past the end count as blank). */
function isBlank(lines: LineIndex, line: number): boolean {
  return line >= lines.lineCount || BLANK.test(lineText(lines, line));
}

/** Returns true when a text ends with a line break after a line of only spaces and tabs (or after nothing). */
function endsWithBlankLine(s: string): boolean {
  const body = stripEol(s);
  if (body === s) return false;
  let i = body.length;
  while (i > 0 && (body.charCodeAt(i - 1) === 32 || body.charCodeAt(i - 1) === 9)) i--;
  return i === 0 || isLineBreakAt(body, i - 1);
}

/** Returns the text to insert at offset `at` so that `block` (whole lines) sits between blank lines; `lead` is the length added before it. */
function surround(text: string, at: number, block: string, eol: string): { text: string; lead: number } {
  let prefix = at > 0 && !isLineStart(text, at) ? eol : '';
  const before = text.slice(Math.max(0, at - 200), at) + prefix;
  const prevBlank = at === 0 || endsWithBlankLine(before);
  if (!prevBlank) prefix += eol;
  const nextBlank = at >= text.length || /^[ \t]*(?:\r\n|\n|\r|$)/.test(text.slice(at, at + 200));
  return { text: prefix + block + (nextBlank ? '' : eol), lead: prefix.length };
}

/** Returns the line after which a new acceptance criteria section goes, and the heading depth to use. */
function sectionPlace(lines: LineIndex, story: Story): { at: number; depth: number } {
  if (story.userStory) return { at: lines.lineStart(story.userStory.range.end.line + 1), depth: 2 };
  const outline = outlineBody(lines, story.bodyStartLine, { markdown: 'scanner' });
  const hs = outline.headings;
  const d = hs.findIndex((h) => isDescriptionHeading(h.text));
  if (d >= 0) {
    const next = hs.slice(d + 1).find((h) => h.depth <= hs[d].depth);
    let last = (next ? next.startLine : lines.lineCount) - 1;
    while (last > hs[d].endLine && isBlank(lines, last)) last--;
    return { at: lines.lineStart(last + 1), depth: hs[d].depth };
  }
  return { at: lines.text.length, depth: 2 };
}

/** Returns the lines of a new section: heading, blank line, one checkbox item per criterion. */
function sectionLines(depth: number, items: readonly string[], eol: string): string {
  return `${'#'.repeat(depth)} Acceptance Criteria${eol}${eol}${items.map((i) => `- [ ] ${i}${eol}`).join('')}`;
}

/** Returns the edits that add a "## Acceptance Criteria" section with a Given/When/Then template item (after the user story, else the description, else at the end), and where to put the cursor. */
export function insertAcceptanceCriteriaSection(text: string, story: Story): CursorEdits {
  const lines = new LineIndex(text);
  if (story.acceptanceCriteria) {
    const first = story.acceptanceCriteria.items[0];
    return { edits: [], cursor: first ? first.textRange.start : story.acceptanceCriteria.headingRange.end };
  }
  const eol = detectEol(text);
  const place = sectionPlace(lines, story);
  const block = sectionLines(place.depth, [CRITERION_TEMPLATE], eol);
  const ins = surround(text, place.at, block, eol);
  const edit: OffsetEdit = { start: place.at, end: place.at, text: ins.text };
  const after = new LineIndex(applyOffsetEdits(text, [edit]));
  const placeholderStart = place.at + ins.lead + block.length - eol.length - CRITERION_TEMPLATE.length;
  const selection = after.rangeOf(placeholderStart, placeholderStart + CRITERION_TEMPLATE.length);
  return { edits: toTextEdits(text, [edit], lines), cursor: selection.start, selection };
}

/** Returns the offset just after a criterion's last line: its continuation lines and nested items belong to it. */
function itemEnd(lines: LineIndex, item: Criterion): number {
  const next = item.lastLine + 1;
  return next >= lines.lineCount ? lines.text.length : lines.lineStart(next);
}

/** Returns the lines of a criterion after its first one (continuation lines, nested items), without the criterion's own indentation. */
export function criterionDetails(text: string, item: Criterion): string[] {
  const lines = new LineIndex(text);
  const prefix = ITEM_PREFIX.exec(lineText(lines, item.range.start.line));
  // The content column: indentation, marker, and the spaces after it (five or more: one, the rest is indented code).
  const width = prefix ? prefix[1].length + prefix[2].length + (prefix[3].length > 4 ? 1 : prefix[3].length) : 2;
  const out: string[] = [];
  for (let line = item.range.start.line + 1; line <= item.lastLine; line++) {
    const t = lineText(lines, line);
    let n = 0;
    while (n < width && t.charCodeAt(n) === 32) n++;
    out.push(t.slice(n));
  }
  return out;
}

/** Returns the edits that delete the criteria at `indexes` (whole lines, with their continuation lines and nested items). */
export function removeCriteria(text: string, story: Story, indexes: readonly number[]): TextEdit[] {
  const items = story.acceptanceCriteria?.items ?? [];
  const lines = new LineIndex(text);
  const wanted = [...new Set(indexes)].filter((i) => i >= 0 && i < items.length).sort((a, b) => a - b);
  const edits: OffsetEdit[] = wanted.map((i) => ({ start: lines.lineStart(items[i].range.start.line), end: itemEnd(lines, items[i]), text: '' }));
  // A last line without a line break: also drop the break before it, so no empty line is left behind.
  const fixed = edits.map((e) => {
    if (e.end !== text.length || text.endsWith('\n') || text.endsWith('\r') || e.start === 0) return e;
    const prev = text.charCodeAt(e.start - 2) === 13 ? e.start - 2 : e.start - 1;
    return edits.some((o) => o !== e && o.end > prev && o.start < e.start) ? e : { ...e, start: prev };
  });
  return toTextEdits(text, fixed, lines);
}

/** Returns the edits that add `- [ ] item` lines at the end of the acceptance criteria section, creating the section when it is missing. */
export function appendCriteria(text: string, story: Story, items: readonly string[]): TextEdit[] {
  if (items.length === 0) return [];
  const lines = new LineIndex(text);
  const eol = detectEol(text);
  const ac = story.acceptanceCriteria;
  if (!ac) {
    const place = sectionPlace(lines, story);
    const ins = surround(text, place.at, sectionLines(place.depth, items, eol), eol);
    return toTextEdits(text, [{ start: place.at, end: place.at, text: ins.text }], lines);
  }
  const numbered = ac.items.filter((i) => i.number !== undefined);
  let next = numbered.reduce((m, i) => Math.max(m, i.number ?? 0), 0) + 1;
  if (ac.items.length > 0) {
    const first = ac.items[0];
    const last = ac.items[ac.items.length - 1];
    const prefix = ITEM_PREFIX.exec(lineText(lines, first.range.start.line));
    const indent = prefix?.[1] ?? '';
    let bullet = prefix?.[2] ?? '-';
    const ordered = /^\d/.test(bullet);
    let n = ordered ? Number(/^\d+/.exec(ITEM_PREFIX.exec(lineText(lines, last.range.start.line))?.[2] ?? '0')?.[0] ?? 0) + 1 : 0;
    const gap = prefix?.[3] ?? ' ';
    const out = items.map((item) => {
      if (ordered) bullet = `${n++}${bullet.slice(-1)}`;
      const num = numbered.length > 0 ? `#${next++} ` : '';
      return `${indent}${bullet}${gap}[ ] ${num}${item}${eol}`;
    });
    const at = itemEnd(lines, last);
    const lead = at === text.length && !isLineStart(text, at) ? eol : '';
    return toTextEdits(text, [{ start: at, end: at, text: lead + out.join('') }], lines);
  }
  const block = items.map((i) => `- [ ] ${numbered.length > 0 ? `#${next++} ` : ''}${i}${eol}`).join('');
  const headingLine = ac.headingRange.end.line;
  const stop = Math.min(ac.endLine, lines.lineCount);
  // Backlog.md keeps criteria between <!-- AC:BEGIN --> and <!-- AC:END -->: the items go inside.
  for (let l = headingLine + 1; l < stop; l++) {
    if (/^\s*<!--\s*AC:END\s*-->/i.test(lineText(lines, l))) {
      const at = lines.lineStart(l);
      return toTextEdits(text, [{ start: at, end: at, text: block }], lines);
    }
  }
  let last = stop - 1;
  while (last > headingLine && isBlank(lines, last)) last--;
  const at = last + 1 >= lines.lineCount ? text.length : lines.lineStart(last + 1);
  const ins = surround(text, at, block, eol);
  return toTextEdits(text, [{ start: at, end: at, text: ins.text }], lines);
}

/** Returns the edit that checks or unchecks criterion `index` (adding a checkbox to a plain bullet); [] when already so. */
export function setCriterionChecked(text: string, story: Story, index: number, checked: boolean): TextEdit[] {
  const item = story.acceptanceCriteria?.items[index];
  if (!item) return [];
  const lines = new LineIndex(text);
  const start = lines.offsetAt(item.range.start);
  const textStart = lines.offsetAt(item.textRange.start);
  const head = text.slice(start, textStart);
  const box = CHECKBOX.exec(head);
  if (box) {
    if ((box[1] !== ' ') === checked) return [];
    const at = start + box.index + 1;
    return toTextEdits(text, [{ start: at, end: at + 1, text: checked ? 'x' : ' ' }], lines);
  }
  return toTextEdits(text, [{ start: textStart, end: textStart, text: checked ? '[x] ' : '[ ] ' }], lines);
}

/** Returns true for a "Description" heading (emphasis, code marks and one trailing colon tolerated). */
function isDescriptionHeading(text: string): boolean {
  // Why not /^\s*description\s*:?\s*$/: its two `\s*` around an optional colon split a run of spaces in every way.
  let t = text.replace(/[*_`]/g, '').trim();
  if (t.endsWith(':')) t = t.slice(0, -1).trimEnd();
  return t.toLowerCase() === 'description';
}
