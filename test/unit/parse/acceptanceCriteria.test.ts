import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LineIndex } from '../../../src/core/model/lineIndex';
import fc from 'fast-check';
import { findAcceptanceCriteria, isAcceptanceCriteriaHeading, isDefinitionOfDoneHeading, mayNameChecklist, readsAsUserStory, startsWithAs } from '../../../src/core/parse/bodyOutline';
import { parseFrontMatter } from '../../../src/core/parse/frontMatter';
import { scanMarkdown } from '../../../src/core/parse/markdownScan';
import { outlineWithRemark } from '../../../src/core/parse/remarkBody';
import { parseStory } from '../../../src/core/parse/parseStory';
import type { AcceptanceCriteria } from '../../../src/core/model/story';

const DIR = 'test/fixtures/parse';

// Renders a section as the expected-text format of the fixtures.
function render(ac: AcceptanceCriteria | undefined): string {
  if (!ac) return 'none\n';
  const out = [`heading ${ac.headingRange.start.line} depth ${ac.headingDepth} end ${ac.endLine}`];
  for (const c of ac.items) {
    const box = c.checked === undefined ? '' : c.checked ? '[x] ' : '[ ] ';
    const num = c.number === undefined ? '' : `#${c.number} `;
    out.push(`${c.range.start.line} ${box}${num}${c.text}`);
  }
  return out.join('\n') + '\n';
}

describe('acceptance criteria (fixtures)', () => {
  const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.md') && fs.existsSync(`${DIR}/${f.replace(/\.md$/, '.expected.txt')}`));
  it('has fixtures', () => assert.ok(fixtures.length >= 5));
  for (const f of fixtures) {
    const text = fs.readFileSync(`${DIR}/${f}`, 'utf8');
    const expected = fs.readFileSync(`${DIR}/${f.replace(/\.md$/, '.expected.txt')}`, 'utf8');
    it(`${f}: parseStory finds the expected criteria`, () => {
      assert.equal(render(parseStory(f, text).acceptanceCriteria), expected);
    });
    it(`${f}: remark reads the same criteria`, () => {
      const lines = new LineIndex(text);
      const body = parseFrontMatter(f, text, lines).bodyStartLine;
      assert.equal(render(findAcceptanceCriteria(outlineWithRemark(lines, body), lines)), expected);
    });
    it(`${f}: the same with CRLF line endings`, () => {
      const crlf = text.replace(/\n/g, '\r\n');
      assert.equal(render(parseStory(f, crlf).acceptanceCriteria), expected);
    });
  }

  it('the scanner reads block quotes itself, and hands what it does not read to remark', () => {
    const text = fs.readFileSync(`${DIR}/blockquote.md`, 'utf8');
    assert.equal(scanMarkdown(new LineIndex(text), 4).confident, true);
    const definition = '# T\n\n[ref]: https://example.com\n## Acceptance Criteria\n- [ ] a\n';
    const outline = scanMarkdown(new LineIndex(definition), 0);
    assert.equal(outline.confident, false);
    assert.match(outline.reason ?? '', /link reference definition \(line 3\)/);
    assert.deepEqual(render(parseStory('s.md', definition).acceptanceCriteria), 'heading 3 depth 2 end 6\n4 [ ] a\n');
  });

  it('gives exact ranges for a criterion', () => {
    const text = '---\ntitle: T\n---\n## Acceptance Criteria\n  - [x] #3 Works offline  \n';
    const c = parseStory('s.md', text).acceptanceCriteria!.items[0];
    assert.deepEqual(c.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 24 } });
    assert.deepEqual(c.textRange, { start: { line: 4, character: 11 }, end: { line: 4, character: 24 } });
    assert.equal(c.text, 'Works offline');
    assert.equal(c.number, 3);
    assert.equal(c.checked, true);
  });

  it('recognises heading variants', () => {
    for (const ok of ['Acceptance Criteria', 'acceptance criteria:', '**Acceptance Criteria**', '_Acceptance  criteria_ :', 'ACCEPTANCE CRITERIA']) {
      assert.ok(isAcceptanceCriteriaHeading(ok), ok);
    }
    for (const no of ['Acceptance', 'Acceptance Criteria and notes', 'Criteria']) assert.ok(!isAcceptanceCriteriaHeading(no), no);
  });

  it('ends the section at a heading of the same or higher level only', () => {
    const text = '# T\n### Acceptance Criteria\n- a\n#### deeper\n- b\n## higher\n- c\n';
    const ac = parseStory('s.md', text).acceptanceCriteria!;
    assert.equal(ac.endLine, 5);
    assert.deepEqual(ac.items.map((i) => i.text), ['a', 'b']);
  });
});

describe('the quick check before a heading is compared with the checklist names', () => {
  // mayNameChecklist only saves work: it must never rule out a heading that reads as a checklist's name.
  const piece = fc.constantFrom('Acceptance', 'acceptance', 'Criteria', 'CRITERIA', 'Definition', 'of', 'Done', 'DoD', 'dod', 'D', 'o', 'criteri', 'a', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '*', '**', '_', '`', ':', 'x', 'Notes', '–');
  it('accepts every heading that reads "Acceptance Criteria", "Definition of Done" or "DoD"', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (isAcceptanceCriteriaHeading(text) || isDefinitionOfDoneHeading(text)) assert.ok(mayNameChecklist(text), JSON.stringify(text));
      }),
      { numRuns: 20000 },
    );
    for (const t of ['Acceptance Criteria', '**Acceptance criteria:**', ' _Definition_ of `Done` ', 'DoD:', 'Acceptance\nCriteria', 'Definition\u00a0of done']) assert.ok(mayNameChecklist(t), t);
  });
  it('rules out headings of other lengths', () => {
    for (const t of ['Context', 'Notes', 'Acceptance Criteria and notes', 'Done']) assert.equal(mayNameChecklist(t), false, t);
  });
});

describe('the quick check before a paragraph is read as a user story', () => {
  // startsWithAs only saves work: it must never rule out a paragraph that reads as a user story.
  const piece = fc.constantFrom('As', 'as', 'AS', 'a', 'an', 'A', 's', 'S', ' ', '\n', '\t', '\u00a0', '*', '**', '_', 'user', ',', 'I', 'i', 'want', 'need', 'can', 'so that', 'x', '`');
  it('accepts every paragraph that reads as "As a …, I want …"', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const raw = parts.join('');
        if (readsAsUserStory(raw.replace(/\s+/g, ' ').trim())) assert.ok(startsWithAs(raw, 0, raw.length), JSON.stringify(raw));
      }),
      { numRuns: 20000 },
    );
    for (const t of ['As a user, I want x', ' **As** a user, I can x', '_as_ an admin\nI need y', 'a*s a user, I want z']) assert.ok(startsWithAs(t, 0, t.length), t);
  });
  it('rules out paragraphs that start otherwise', () => {
    for (const t of ['Context here', 'A user wants', '* as a user', 'Ask a user']) assert.equal(startsWithAs(t, 0, t.length) && readsAsUserStory(t), false, t);
  });
});
