import * as assert from 'node:assert/strict';
import { parseStory } from '../../../src/core/parse/parseStory';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { setField, addListItem } from '../../../src/core/edits/frontMatterEdits';
import { appendCriteria, setCriterionChecked } from '../../../src/core/edits/bodyEdits';
import { LineIndex } from '../../../src/core/model/lineIndex';
import { detectEol, normalizeLoneCr } from '../../../src/core/model/lineBreaks';

// One story written with LF; the other line endings are derived from it, so every reading can be compared.
const LF = `---
id: S-3
title: Line endings
status: ready
labels: [a, b]
depends_on:
  - S-1
---
As a user, I want old files to read.

## Acceptance Criteria

- [ ] First
- [x] Second
`;

const ENDINGS: Record<string, string> = { CRLF: '\r\n', CR: '\r', 'CR CRLF': '\r\r\n' };
const convert = (eol: string): string => LF.replace(/\n/g, eol);

/** Returns what a reader sees of a story: fields, criteria, the lines they are on. */
function reading(text: string) {
  const s = parseStory('backlog/s-3.md', text);
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    labels: s.labels,
    dependsOn: s.dependsOn,
    criteria: (s.acceptanceCriteria?.items ?? []).map((c) => [c.text, c.checked]),
    problems: s.problems.map((i) => i.code),
  };
}

describe('line endings', () => {
  for (const [name, eol] of Object.entries(ENDINGS)) {
    describe(name, () => {
      const text = convert(eol);

      it('parses like the LF story', () => {
        assert.deepEqual(reading(text), reading(LF));
      });

      it('puts criteria on the lines VS Code shows them on', () => {
        const lf = parseStory('backlog/s-3.md', LF);
        const other = parseStory('backlog/s-3.md', text);
        // "\r\r\n" is two line breaks for VS Code (a lone CR, then CRLF): every line number doubles there.
        const factor = eol === '\r\r\n' ? 2 : 1;
        const items = (x: typeof lf) => x.acceptanceCriteria?.items ?? [];
        assert.equal(items(other).length, 2);
        assert.deepEqual(
          items(other).map((c) => c.range.start.line),
          items(lf).map((c) => c.range.start.line * factor),
        );
        const lines = new LineIndex(text);
        for (const c of items(other)) {
          const start = lines.offsetAt({ line: c.range.start.line, character: 0 });
          assert.ok(text.slice(start).startsWith('- ['), `line ${c.range.start.line} starts a criterion`);
        }
      });

      it('keeps its line ending when a field changes', () => {
        const out = applyEdits(text, setField(text, 'status', 'done'));
        assert.equal(out, convert(eol).replace('status: ready', 'status: done'));
      });

      it('writes new lines with its own ending', () => {
        const out = applyEdits(text, addListItem(text, 'depends_on', 'S-2'));
        assert.equal(reading(out).dependsOn.join(','), 'S-1,S-2');
        assert.equal(out.replace(/\r\r\n/g, '').replace(/\r\n/g, '').replace(/\r/g, '').includes('\n'), false,
          'no bare LF was written into a file without one');
        const story = parseStory('backlog/s-3.md', text);
        const more = applyEdits(text, appendCriteria(text, story, ['Third']));
        assert.deepEqual(reading(more).criteria, [['First', false], ['Second', true], ['Third', false]]);
        assert.equal(detectEol(more), detectEol(text));
        if (eol === '\r') assert.equal(more.includes('\n'), false);
      });

      it('ticks a criterion in place', () => {
        const story = parseStory('backlog/s-3.md', text);
        const out = applyEdits(text, setCriterionChecked(text, story, 0, true));
        assert.equal(out, text.replace('- [ ] First', '- [x] First'));
      });
    });
  }

  it('normalizeLoneCr keeps every offset', () => {
    const t = 'a\rb\r\nc\r\r\nd\r';
    const n = normalizeLoneCr(t);
    assert.equal(n.length, t.length);
    assert.equal(n, 'a\nb\r\nc\n\r\nd\n');
  });
});

describe('YAML merge keys', () => {
  it('reads a field that comes from an anchor, as Backlog.md (js-yaml) does', () => {
    const text = `---
defaults: &d
  status: ready
  priority: high
id: S-9
title: Merged
<<: *d
---
Body
`;
    const s = parseStory('backlog/s-9.md', text);
    assert.equal(s.status, 'ready');
    assert.equal(s.priority, 'high');
    assert.equal(s.title, 'Merged');
  });
});
