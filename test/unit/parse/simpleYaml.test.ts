import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/model/lineIndex';
import { parseFrontMatter } from '../../../src/core/parse/frontMatter';
import { readSimpleYaml } from '../../../src/core/parse/simpleYaml';

const key = fc.constantFrom('id', 'title', 'status', 'labels', 'assignee', 'estimate', 'rank', 'true', 'null', 'a_b', 'x-y', 'depends_on');
const plain = fc.constantFrom(
  'S-1', 'Export the backlog', 'ready', 'To Do', '3', '0', '012', '+5', '-2', '1.5', '.5', '1.', '1e3', '2E-2', '0x1F', '0o17', '.inf', '-.inf', '.nan',
  'null', 'Null', '~', 'true', 'False', 'TRUE', 'yes', 'no', 'on', '2024-05-01', "'2025-08-03'", '"Quoted"', "'it''s'", '"a # b"', "''", '""',
  '@MrLesk', '`x`', 'a: b', 'foo:', 'C#', 'a #comment', 'http://x.y/z', 'Don\'t stop', 'say "hi"', '[b]', 'foo [bar]', '{a: 1}', '- x',
  '!tag x', '&anchor x', '*alias', '| block', '> folded', '%x', '?x', ':x', 'ünïcødé 😀', '"esc\\"aped"', 'a\tb', '1_000', '1:2',
);
const flowItem = fc.constantFrom('a', 'b c', "'q'", '"d"', '1', 'null', '@x', 'x:y', 'x: y', '', ' spaced ', "'a,b'", '[n]');
const value = fc.oneof(
  plain.map((v) => `: ${v}`),
  plain.map((v) => `: ${v} # note`),
  fc.array(flowItem, { maxLength: 4 }).map((a) => `: [${a.join(', ')}]`),
  fc.array(flowItem, { maxLength: 3 }).map((a) => `: [${a.join(',')}] `),
  fc.tuple(fc.constantFrom('  ', '', '    '), fc.array(plain, { minLength: 1, maxLength: 3 })).map(([ind, a]) => ':\n' + a.map((x) => `${ind}- ${x}`).join('\n')),
  fc.constantFrom(':', ':   ', ':\n  nested: map', ':\n  - a\n   - b', ': x\n  continued', ':\n- a', ':\n  -', ': # c\n  - a'),
);
const header = fc
  .tuple(
    fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('', '# comment\n', '\n'),
    fc.boolean(),
  )
  .map(([pairs, extra, crlf]) => {
    const s = '---\n' + extra + pairs.map(([k, v]) => k + v).join('\n') + '\n---\n# Body\n';
    return crlf ? s.replace(/\n/g, '\r\n') : s;
  });

describe('readSimpleYaml vs yaml (differential)', () => {
  it('reads exactly what yaml reads, ranges included, whenever it accepts', function () {
    this.timeout(60_000);
    let accepted = 0;
    fc.assert(
      fc.property(header, (text) => {
        const lines = new LineIndex(text);
        const fast = parseFrontMatter('s.md', text, lines);
        const slow = parseFrontMatter('s.md', text, lines, { simple: false });
        const contentLines: string[] = [];
        for (let l = 1; l < (slow.frontMatter?.closeLine ?? 0); l++) contentLines.push(text.slice(lines.lineStart(l), lines.lineEnd(l)));
        if (readSimpleYaml(contentLines, 1)) {
          accepted++;
          assert.deepEqual(slow.problems, [], `simple reader accepted invalid YAML: ${JSON.stringify(text)}`);
        }
        assert.deepEqual(fast, slow, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    assert.ok(accepted > 250, `only ${accepted} accepted`);
  });

  it('declines what it does not model', () => {
    for (const c of [['a:', '  b: 1'], ['a: x', '  y'], ['a: -1'], ['a: 0x10'], ['a: @x'], ['a: [b, [c]]'], ['a: "x\\ty"'], ['a:\tb'], ['a: 1', 'a: 2']]) {
      assert.equal(readSimpleYaml(c, 1), undefined, c.join('\\n'));
    }
  });
});
