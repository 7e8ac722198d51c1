import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { LineIndex } from '../../../src/core/model/lineIndex';
import type { TextEdit } from '../../../src/core/model/range';

/** Asserts that every edit's range lies inside `[start, end)` of `before`: the bytes outside are kept as they are. */
export function assertEditsWithin(before: string, edits: readonly TextEdit[], allowed: { start: number; end: number }): void {
  const lines = new LineIndex(before);
  for (const e of edits) {
    const s = lines.offsetAt(e.range.start);
    const t = lines.offsetAt(e.range.end);
    assert.ok(
      s >= allowed.start && t <= allowed.end,
      `edit ${s}..${t} (${JSON.stringify(before.slice(s, t))} -> ${JSON.stringify(e.newText)}) outside allowed ${allowed.start}..${allowed.end}`,
    );
  }
}

/** Applies `edits`, checks the result is `expected`, and (given `allowed`) that the edits only touch `[start, end)` of `before`. */
export function expectEdits(before: string, edits: readonly TextEdit[], expected: string, allowed?: { start: number; end: number }): string {
  const after = applyEdits(before, edits);
  assert.equal(after, expected);
  if (allowed) {
    assertEditsWithin(before, edits, allowed);
    // Whatever the edits, the text outside the allowed span must be byte-identical.
    assert.equal(after.slice(0, allowed.start), before.slice(0, allowed.start));
    assert.equal(after.slice(after.length - (before.length - allowed.end)), before.slice(allowed.end));
  }
  return after;
}

/** Returns the span of the only occurrence of `needle` in `text` (from `from`), failing when absent. */
export function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `${JSON.stringify(needle)} not in text`);
  return { start: i, end: i + needle.length };
}

/** Returns the empty span at the offset just before `needle`. */
export function pointBefore(text: string, needle: string): { start: number; end: number } {
  const i = spanOf(text, needle).start;
  return { start: i, end: i };
}

/** Returns the text with '\n' turned into '\r\n'. */
export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
