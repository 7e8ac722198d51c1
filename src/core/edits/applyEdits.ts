import { LineIndex } from '../model/lineIndex';
import type { TextEdit } from '../model/range';

/** An edit expressed as offsets into the original text. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Returns `text` with the non-overlapping `edits` applied (given in any order); throws on overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyOffsetEdits(
    text,
    edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText })),
  );
}

/** Returns `text` with offset edits applied; throws on overlapping edits (a programming error). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Returns the edits sorted by position; insertions at one offset keep their given order. Throws when two edits overlap. */
export function sortEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  // Sort by start then end, stable: an insertion at the start of a replacement goes before it,
  // and several insertions at one offset keep the order the caller gave.
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (e.end < e.start) throw new Error(`applyEdits: edit ends before it starts (${e.start}..${e.end})`);
    if (i > 0 && sorted[i - 1].end > e.start) {
      throw new Error(`applyEdits: overlapping edits at ${sorted[i - 1].start}..${sorted[i - 1].end} and ${e.start}..${e.end}`);
    }
  }
  return sorted;
}

/** Returns TextEdits (line/character ranges in `text`) for offset edits. */
export function toTextEdits(text: string, edits: readonly OffsetEdit[], lines: LineIndex = new LineIndex(text)): TextEdit[] {
  return sortEdits(edits).map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.text }));
}
