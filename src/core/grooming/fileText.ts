import { applyEdits } from '../edits/applyEdits';
import { LineIndex } from '../model/lineIndex';
import type { FileEdit, TextEdit } from '../model/range';

/** Where grooming plans read the current text of a file: the editor buffer or the disk, as the caller decides. */
export type TextOf = (path: string) => string | undefined;

/** Returns one edit turning `before` into `after`: the changed middle between their common prefix and suffix ([] when equal). */
export function diffEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Why not split a CRLF pair: a range ending between '\r' and '\n' confuses editors that normalise line breaks.
  while (start > 0 && before.charCodeAt(start - 1) === 13 && before.charCodeAt(start) === 10) start--;
  while (end > 0 && before.charCodeAt(before.length - end) === 10 && before.charCodeAt(before.length - end - 1) === 13) end--;
  const lines = new LineIndex(before);
  return [{ range: lines.rangeOf(start, before.length - end), newText: after.slice(start, after.length - end) }];
}

/** Returns the edits of several steps run one after the other on one text (each step sees the previous result), as one minimal edit. */
export function chainEdits(text: string, steps: readonly ((current: string) => readonly TextEdit[])[]): TextEdit[] {
  let current = text;
  let single: readonly TextEdit[] = [];
  let count = 0;
  for (const step of steps) {
    const edits = step(current);
    if (edits.length === 0) continue;
    current = applyEdits(current, edits);
    single = edits;
    count++;
  }
  // One step: keep its own (already minimal, possibly multi-range) edits.
  if (count <= 1) return [...single];
  return diffEdit(text, current);
}

/** Returns the file edit for `path`, or undefined when it has no edits. */
export function fileEdit(path: string, edits: readonly TextEdit[]): FileEdit | undefined {
  return edits.length > 0 ? { path, edits } : undefined;
}
