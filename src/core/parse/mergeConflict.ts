import type { Fix, Issue } from '../model/issue';
import { LineIndex } from '../model/lineIndex';
import type { Range, TextEdit } from '../model/range';

// Git's conflict markers, as `git merge` writes them (marker size 7, the default): "<<<<<<< ours-label",
// "||||||| base-label" (diff3 and zdiff3 styles only), "=======", ">>>>>>> theirs-label". A file holding them is two
// versions at once; Rudder reads "ours" (what the checked-out branch had) and reports the conflict, so the story stays
// in the index and the product owner can pick a side with one quick fix.

const OPEN = /^<{7}(?:[ \t](.*))?$/;
const BASE = /^\|{7}(?:[ \t](.*))?$/;
const SEP = /^={7}[ \t]*$/;
const CLOSE = /^>{7}(?:[ \t](.*))?$/;

/** One conflict block: zero-based line numbers of its markers. */
export interface ConflictBlock {
  readonly open: number;
  /** The "|||||||" line of a diff3-style block. */
  readonly base?: number;
  readonly sep: number;
  readonly close: number;
  readonly ours: string;
  readonly theirs: string;
}

/** What a file's conflict markers are: the complete blocks and the marker lines that belong to none. */
export interface Conflicts {
  readonly blocks: readonly ConflictBlock[];
  /** A marker line outside a complete block (a block never closed, or a marker left over after a hand edit). */
  readonly strays: readonly number[];
}

const NONE: Conflicts = { blocks: [], strays: [] };

/** Returns the conflict blocks of a text; cheap when there is none (one indexOf per marker kind). */
export function findConflicts(text: string, lines?: LineIndex): Conflicts {
  if (!hasMarkerStart(text, '<<<<<<<') && !hasMarkerStart(text, '>>>>>>>')) return NONE;
  const li = lines ?? new LineIndex(text);
  const blocks: ConflictBlock[] = [];
  const strays: number[] = [];
  let open = -1;
  let base: number | undefined;
  let sep = -1;
  let ours = '';
  const flush = (): void => {
    if (open >= 0) strays.push(open);
    if (base !== undefined) strays.push(base);
    if (sep >= 0) strays.push(sep);
    open = -1;
    base = undefined;
    sep = -1;
  };
  for (let l = 0; l < li.lineCount; l++) {
    const c = text.charCodeAt(li.lineStart(l));
    if (c !== 60 && c !== 124 && c !== 61 && c !== 62) continue; // < | = >
    const line = text.slice(li.lineStart(l), li.lineEnd(l));
    let m: RegExpExecArray | null;
    if ((m = OPEN.exec(line))) {
      flush();
      open = l;
      ours = (m[1] ?? '').trim();
    } else if (BASE.test(line)) {
      if (open >= 0 && sep < 0 && base === undefined) base = l;
      // A "|||||||" line outside a block is Markdown (a table row of empty cells), not a marker.
    } else if (SEP.test(line)) {
      if (open >= 0 && sep < 0) sep = l;
      // "=======" outside a block is a setext heading underline.
    } else if ((m = CLOSE.exec(line))) {
      if (open >= 0 && sep >= 0) {
        blocks.push({ open, ...(base !== undefined ? { base } : {}), sep, close: l, ours, theirs: (m[1] ?? '').trim() });
        open = -1;
        base = undefined;
        sep = -1;
      } else {
        flush();
        strays.push(l);
      }
    }
  }
  flush();
  strays.sort((a, b) => a - b);
  return blocks.length || strays.length ? { blocks, strays } : NONE;
}

/** Returns true when the text holds a conflict marker at a line start. */
export function hasConflicts(text: string): boolean {
  const c = findConflicts(text);
  return c.blocks.length > 0 || c.strays.length > 0;
}

function hasMarkerStart(text: string, marker: string): boolean {
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + 1)) {
    const before = i === 0 ? 10 : text.charCodeAt(i - 1);
    if (before === 10 || before === 13) return true;
  }
  return false;
}

/**
 * Returns the text as the "ours" side reads, at the same offsets: every marker line, the base and the theirs side
 * are turned into spaces (line breaks kept), so every position a parser finds is a position in the file itself.
 */
export function oursAtSameOffsets(text: string, conflicts: Conflicts, lines: LineIndex): string {
  const blank: [number, number][] = [];
  for (const b of conflicts.blocks) {
    blank.push([b.open, b.open]);
    blank.push([b.base ?? b.sep, b.close]);
  }
  for (const s of conflicts.strays) blank.push([s, s]);
  blank.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  for (const [a, z] of blank) {
    for (let l = a; l <= z; l++) {
      const start = lines.lineStart(l);
      const end = lines.lineEnd(l);
      out += text.slice(from, start) + ' '.repeat(end - start);
      from = end;
    }
  }
  return out + text.slice(from);
}

/** Returns the first line of the ours side of a conflict that opens the file, or 0: where front matter may open. */
export function firstOursLine(conflicts: Conflicts): number {
  const b = conflicts.blocks[0];
  return b && b.open === 0 ? 1 : 0;
}

/** Returns the merge-conflict issues of a file, each with the fixes that resolve its block. */
export function conflictIssues(path: string, text: string, conflicts: Conflicts, lines: LineIndex): Issue[] {
  const issues: Issue[] = [];
  const n = (l: number): number => l + 1;
  const span = (a: number, z: number): string => (z < a ? 'empty' : a === z ? `line ${n(a)}` : `lines ${n(a)}–${n(z)}`);
  for (const b of conflicts.blocks) {
    const oursEnd = (b.base ?? b.sep) - 1;
    const ours = b.ours ? `"${b.ours}"` : 'ours';
    const theirs = b.theirs ? `"${b.theirs}"` : 'theirs';
    issues.push({
      code: 'merge-conflict',
      severity: 'error',
      message:
        `Unresolved merge conflict (${span(b.open, b.close)}): ${ours} (${span(b.open + 1, oursEnd)}) against ${theirs} (${span(b.sep + 1, b.close - 1)}). ` +
        'Until it is resolved Rudder reads the first version and checks nothing else in this file. Keep one version or both with a quick fix, or edit by hand and delete the marker lines.',
      path,
      range: lines.rangeOf(lines.lineStart(b.open), lines.lineEnd(b.close)),
      fixes: conflictFixes(path, text, b, lines),
    });
  }
  for (const s of conflicts.strays) {
    issues.push({
      code: 'merge-conflict',
      severity: 'error',
      message: `A merge conflict marker without its block (line ${n(s)}): a conflict left half resolved. Check the text around it, then delete the line.`,
      path,
      range: lines.rangeOf(lines.lineStart(s), lines.lineEnd(s)),
      fixes: [{ title: `Delete the marker line ${n(s)}`, edits: [{ path, edits: [deleteLines(text, lines, s, s)] }] }],
    });
  }
  return issues;
}

/** Returns "keep ours", "keep theirs" and "keep both" for one block: each deletes only marker lines and the other side. */
export function conflictFixes(path: string, text: string, b: ConflictBlock, lines: LineIndex): Fix[] {
  const del = (a: number, z: number): TextEdit => deleteLines(text, lines, a, z);
  const ours = b.ours ? ` (${b.ours})` : '';
  const theirs = b.theirs ? ` (${b.theirs})` : '';
  const fix = (title: string, edits: TextEdit[]): Fix => ({ title, edits: [{ path, edits }] });
  return [
    fix(`Keep ours${ours}`, [del(b.open, b.open), del(b.base ?? b.sep, b.close)]),
    fix(`Keep theirs${theirs}`, [del(b.open, b.sep), del(b.close, b.close)]),
    fix('Keep both (ours first)', [del(b.open, b.open), del(b.base ?? b.sep, b.sep), del(b.close, b.close)]),
  ];
}

// Deletes lines a..z with the line break after z (or, for the file's last line, up to the end of the text).
function deleteLines(text: string, lines: LineIndex, a: number, z: number): TextEdit {
  const start = lines.lineStart(a);
  const end = z + 1 < lines.lineCount ? lines.lineStart(z + 1) : text.length;
  const range: Range = lines.rangeOf(start, end);
  return { range, newText: '' };
}

/** What a parser reads of a file: the text (ours, at the same offsets, when it holds conflicts), its lines, where front matter may open, and the conflicts found. */
export interface ReadableText {
  readonly text: string;
  readonly lines: LineIndex;
  readonly openLine: number;
  readonly problems: readonly Issue[];
}

/** Returns what the story, milestone and vision parsers read of a file: the file itself, or its ours side with merge-conflict issues. */
export function readThroughConflicts(path: string, text: string): ReadableText {
  const lines = new LineIndex(text);
  const conflicts = findConflicts(text, lines);
  if (!conflicts.blocks.length && !conflicts.strays.length) return { text, lines, openLine: 0, problems: [] };
  const ours = oursAtSameOffsets(text, conflicts, lines);
  return { text: ours, lines: new LineIndex(ours), openLine: firstOursLine(conflicts), problems: conflictIssues(path, text, conflicts, lines) };
}
