import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/model/lineIndex';
import { findAcceptanceCriteria, findUserStory, isAcceptanceCriteriaHeading } from '../../../src/core/parse/bodyOutline';
import type { BodyOutline } from '../../../src/core/parse/bodyOutline';
import { scanMarkdown } from '../../../src/core/parse/markdownScan';
import { outlineWithRemark } from '../../../src/core/parse/remarkBody';

// Building blocks of realistic story bodies.
const word = fc.constantFrom('export', 'board', 'user', 'fast', 'CSV', 'the', 'a', 'login', 'Given', 'then', '`code`', '**bold**', 'x:y', '#tag', '2');
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const acTitle = fc.constantFrom('Acceptance Criteria', 'acceptance criteria', 'Acceptance Criteria:', '**Acceptance Criteria**', '_Acceptance criteria_', 'ACCEPTANCE CRITERIA');
const headingText = fc.oneof(acTitle, words);
const indent03 = fc.constantFrom('', '', '', ' ', '  ', '   ');

const atx = fc
  .tuple(indent03, fc.integer({ min: 1, max: 6 }), headingText, fc.constantFrom('', '', ' #', ' ##'))
  .map(([i, d, t, close]) => [`${i}${'#'.repeat(d)} ${t}${close}`]);
const setext = fc.tuple(headingText, fc.constantFrom('===', '---', '=', '--------')).map(([t, u]) => [t, u]);
const fakeLines = fc.array(fc.oneof(atx.map((l) => l[0]), fc.constantFrom('- [ ] fake', '1. fake', '* [x] fake', '', 'text', '    indented')), { maxLength: 4 });
const fence = fc
  .tuple(fc.constantFrom('```', '````', '~~~', '~~~~'), fc.constantFrom('', 'js', 'md', ' yaml'), fakeLines, indent03, fc.boolean())
  .map(([f, info, body, i, longer]) => [`${i}${f}${info}`, ...body, `${f}${longer ? f[0] : ''}`]);
const paragraph = fc.oneof(
  fc.array(words, { minLength: 1, maxLength: 3 }),
  fc.tuple(fc.constantFrom('As a', 'As an', '**As a**'), words, words).map(([a, p, w]) => [`${a} ${p}, I want ${w}, so that ${w}.`]),
);
const checkbox = fc.constantFrom('', '', '[ ] ', '[x] ', '[X] ', '[ ] #1 ', '[x] #12 ');
const bullet = fc.constantFrom('-', '*', '+', '1.', '1)');
type Item = { marker: string; box: string; text: string; children: Item[] };
const leaf = fc.record({ marker: bullet, box: checkbox, text: words, children: fc.constant([] as Item[]) });
const item: fc.Arbitrary<Item> = fc.record({ marker: bullet, box: checkbox, text: words, children: fc.array(leaf, { maxLength: 3 }) });
const list = fc.tuple(fc.array(item, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([items, loose]) => {
  const out: string[] = [];
  const emit = (it: Item, indent: string, marker: string) => {
    out.push(`${indent}${marker} ${it.box}${it.text}`);
    if (loose) out.push('');
    for (const c of it.children) emit(c, indent + ' '.repeat(marker.length + 1), marker);
  };
  // One list keeps one marker (a change of marker starts a new list, which remark and the scanner both handle).
  for (const it of items) emit(it, '', items[0].marker);
  return out;
});
const comment = fc.constantFrom(['<!-- AC:BEGIN -->'], ['<!-- AC:END -->'], ['<!-- SECTION:DESCRIPTION:BEGIN -->'], ['<!--', 'multi-line', '-->']);
// Continuation oddities: lazy lines, deep indentation, numbers that cannot start a list.
const odd = fc.tuple(words, words).chain(([a, b]) =>
  fc.constantFrom(
    [`- [ ] ${a}`, b],
    [`- ${a}`, `  ${b}`],
    [a, `    ${b}`],
    [a, `2. ${b}`],
    [`1. ${a}`, `2. ${b}`, `   - [x] ${b}`],
    [`- ${a}`, `    - ${b}`, `        - [ ] ${b}`],
    [`- ${a}`, ` - ${b}`],
    [`- ${a}`, `      ${b}`],
    [`- ${a}`, '', `    ${b}`],
    [`- ${a}`, '===', b],
    [`- ${a}`, '---'],
    [a, '- [ ] ' + b],
    ['- [ ] ', b],
    [`-    ${a}`, `     ${b}`],
    [`10. ${a}`, `    - ${b}`],
    [a, `    - [ ] ${b}`],
    [`- ${a}`, `      - ${b}`],
    [a, `    # ${b}`],
  ),
);
const hr = fc.constantFrom(['---'], ['***'], ['___'], ['- - -']);
const block = fc.oneof(
  { arbitrary: atx, weight: 3 },
  { arbitrary: setext, weight: 1 },
  { arbitrary: fence, weight: 2 },
  { arbitrary: paragraph, weight: 3 },
  { arbitrary: list, weight: 4 },
  { arbitrary: comment, weight: 1 },
  { arbitrary: hr, weight: 1 },
  { arbitrary: odd, weight: 2 },
);
const body = fc
  .tuple(fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n')), { maxLength: 10 }), fc.boolean(), fc.boolean())
  .map(([blocks, crlf, finalNewline]) => {
    let s = blocks.map(([b, sep]) => b.join('\n') + sep).join('');
    if (!finalNewline) s = s.replace(/\n+$/, '');
    return crlf ? s.replace(/\n/g, '\r\n') : s;
  });

// The comparable view of an outline: what the rules consume.
function view(outline: BodyOutline, lines: LineIndex) {
  const ac = findAcceptanceCriteria(outline, lines);
  return {
    headings: outline.headings.map((h) => `${h.startLine}-${h.endLine} h${h.depth}${isAcceptanceCriteriaHeading(h.text) ? ' AC' : ''}`),
    items: outline.items.map((i) => `${i.line}:${i.column} ${i.checked}`),
    ac: ac && {
      heading: ac.headingRange,
      depth: ac.headingDepth,
      endLine: ac.endLine,
      items: ac.items.map((c) => ({ line: c.range.start.line, checked: c.checked, number: c.number, text: c.text, textRange: c.textRange })),
    },
    userStory: findUserStory(outline, lines, ac),
  };
}

describe('markdown scanner vs remark (differential)', () => {
  it('agrees with remark on headings, list items, criteria and the user story whenever it is confident', function () {
    this.timeout(60_000);
    let confident = 0;
    fc.assert(
      fc.property(body, fc.constantFrom('', '---\nid: S-1\n---\n'), (md, header) => {
        const text = header + md;
        const lines = new LineIndex(text);
        const start = header ? 3 : 0;
        const scanned = scanMarkdown(lines, start);
        if (!scanned.confident) return;
        confident++;
        assert.deepEqual(view(scanned, lines), view(outlineWithRemark(lines, start), lines), JSON.stringify(text));
      }),
      { numRuns: 1000 },
    );
    // The generator must exercise the confident path, or this test proves nothing.
    assert.ok(confident > 400, `only ${confident} confident runs`);
  });

  it('finds criteria in generated bodies (the generator is not trivial)', () => {
    const samples = fc.sample(body, { numRuns: 200, seed: 42 });
    const withAc = samples.filter((md) => {
      const lines = new LineIndex(md);
      return findAcceptanceCriteria(scanMarkdown(lines, 0), lines)?.items.length;
    });
    assert.ok(withAc.length > 10, `${withAc.length}`);
  });
});
