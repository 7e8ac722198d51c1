import * as assert from 'node:assert/strict';
import { frontMatterContext, frontMatterTokens } from '../../../src/core/intel/frontMatterContext';
import { bodyIdCandidates } from '../../../src/core/intel/idReferences';

const STORY = [
  '---', //                         0
  'id: S-12',
  'title: "Log in"',
  'status: rea',
  'vision: [G1, G2]',
  'depends_on:', //                 5
  '  - S-3',
  '  - ',
  'epic: E-1  # the epic',
  'sta',
  '---', //                         10
  '',
  '# Log in',
].join('\n');

const at = (line: number, character: number) => frontMatterContext(STORY, { line, character });

describe('frontMatterContext', () => {
  it('is undefined outside the front matter and on its fences', () => {
    assert.equal(at(0, 1), undefined);
    assert.equal(at(10, 0), undefined);
    assert.equal(at(12, 3), undefined);
    assert.equal(frontMatterContext('# no front matter\n', { line: 0, character: 2 }), undefined);
  });

  it('knows a key position (on a key, and on a new unindented word)', () => {
    const onKey = at(3, 3)!;
    assert.equal(onKey.place, 'key');
    assert.equal(onKey.key, 'status');
    assert.deepEqual(onKey.word, { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } });
    const typing = at(9, 3)!;
    assert.equal(typing.place, 'key');
    assert.equal(typing.prefix, 'sta');
    assert.deepEqual(typing.presentKeys, ['id', 'title', 'status', 'vision', 'depends_on', 'epic']);
  });

  it('knows a scalar value position and its word', () => {
    const c = at(3, 11)!;
    assert.equal(c.place, 'value');
    assert.equal(c.key, 'status');
    assert.equal(c.inList, false);
    assert.equal(c.prefix, 'rea');
    assert.deepEqual(c.word, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
  });

  it('knows a flow-list item, with the values already there', () => {
    const c = at(4, 14)!;
    assert.equal(c.key, 'vision');
    assert.equal(c.inList, true);
    assert.equal(c.prefix, 'G');
    assert.deepEqual(c.existingValues, ['G1']); // G2 is the one being edited
  });

  it('knows a block-list item and finds its key above', () => {
    const c = at(7, 4)!;
    assert.equal(c.place, 'value');
    assert.equal(c.key, 'depends_on');
    assert.equal(c.inList, true);
    assert.equal(c.prefix, '');
    assert.deepEqual(c.existingValues, ['S-3']);
  });

  it('treats an unclosed block as running to the end of the file', () => {
    const c = frontMatterContext('---\nstatus: \n', { line: 1, character: 8 })!;
    assert.equal(c.closeLine, -1);
    assert.equal(c.key, 'status');
    assert.equal(c.place, 'value');
  });
});

describe('frontMatterTokens', () => {
  it('lists scalars and list items, unquoted, without comments, with exact ranges', () => {
    const toks = frontMatterTokens(STORY).map((t) => `${t.key}=${t.value}@${t.range.start.line}:${t.range.start.character}-${t.range.end.character}`);
    assert.deepEqual(toks, ['id=S-12@1:4-8', 'title=Log in@2:8-14', 'status=rea@3:8-11', 'vision=G1@4:9-11', 'vision=G2@4:13-15', 'depends_on=S-3@6:4-7', 'epic=E-1@8:6-9']);
  });

  it('handles CRLF line endings', () => {
    const toks = frontMatterTokens('---\r\nepic: E-1\r\n---\r\n');
    assert.deepEqual(toks.map((t) => [t.value, t.range.end.character]), [['E-1', 9]]);
  });
});

describe('bodyIdCandidates', () => {
  it('finds #S-12 and bare ids in the body, not in front matter, fences or inline code', () => {
    const text = [
      '---',
      'epic: E-1',
      '---',
      'See #S-12, BACK-200 and task-24.1. Also M1 and G2.',
      '```',
      'S-99 in code',
      '```',
      'Inline `S-98` and url http://x/S-97 and a#S-96.',
    ].join('\n');
    const found = bodyIdCandidates(text).map((o) => `${o.id}@${o.range.start.line}:${o.range.start.character}`);
    assert.deepEqual(found, ['S-12@3:5', 'BACK-200@3:11', 'task-24.1@3:24', 'M1@3:40', 'G2@3:47']);
  });
});
