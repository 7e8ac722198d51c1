import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseStory } from '../../../src/core/parse/parseStory';
import { parseVision } from '../../../src/core/parse/parseVision';
import { parseMilestone } from '../../../src/core/parse/parseMilestone';

const BASE = `---
id: S-1
title: "Export: CSV"
status: ready
labels: [a, b]
assignee:
  - ann
estimate: 3
---
# Export

As a product owner, I want to export, so that I can share.

## Acceptance Criteria
<!-- AC:BEGIN -->
- [ ] #1 Given a backlog, when I export, then I get a file
  - [x] nested
\`\`\`
# fake
\`\`\`
<!-- AC:END -->
`;

const NASTY = ['---', '...', '@', ':', '\t', '\n', '\r\n', '\r', '- [ ] ', '# ', '```', '~~~', '\uFEFF', '\u0000', '\ufffd', '>', '<!--', '-->', '&a ', '*a', '"', "'", '[', '{', '    ', '\u2028', '😀', '---js\n'];

// Every {start, end} position object anywhere in the value.
function ranges(v: unknown, out: { start: { line: number; character: number }; end: { line: number; character: number } }[] = []) {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.start && o.end && typeof (o.start as { line?: unknown }).line === 'number') out.push(o as never);
    for (const k of Object.keys(o)) ranges(o[k], out);
  }
  return out;
}

// Lines as VS Code counts them: "\r\n", "\n" and a lone "\r" each end one.
const LINE_BREAK = /\r\n|\n|\r/;

function assertInside(text: string, value: unknown): void {
  const lines = text.split(LINE_BREAK);
  for (const r of ranges(value)) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside ${lines.length} lines`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} outside line ${p.line}`);
    }
    assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), 'start after end');
  }
}

const mutated = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom(...NASTY), fc.constantFrom('insert', 'replace', 'truncate')), { minLength: 1, maxLength: 6 })
  .map((ops) => {
    let s = BASE;
    for (const [at, piece, op] of ops) {
      const i = at % (s.length + 1);
      if (op === 'insert') s = s.slice(0, i) + piece + s.slice(i);
      else if (op === 'replace') s = s.slice(0, i) + piece + s.slice(i + piece.length);
      else s = s.slice(0, Math.max(i, 40));
    }
    return s;
  });
const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...NASTY, 'id', 'title', 'x', ' ', '1'), { maxLength: 80 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...NASTY, 'id', 'title', 'x', ' ', '1'), { maxLength: 80 }).map((a) => '---\n' + a.join('')),
);

describe('parser fuzz', () => {
  it('never throws and keeps every range inside the file', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.oneof(mutated, randomText), (text) => {
        const story = parseStory('backlog/fuzz.md', text);
        // The catch-all fallback means an exception escaped the real parser: that is a bug too.
        assert.ok(!story.problems.some((p) => p.message.startsWith('Rudder could not read this file')), story.problems[0]?.message);
        assertInside(text, story);
        assertInside(text, parseVision('backlog/vision.md', text));
        assertInside(text, parseMilestone('backlog/milestones/m.md', text));
        assert.equal(story.lineCount, text.split(LINE_BREAK).length);
      }),
      { numRuns: 1500 },
    );
  });
});
