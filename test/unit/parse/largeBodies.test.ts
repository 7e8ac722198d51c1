import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { MAX_REMARK_BODY_CHARS, parseStory } from '../../../src/core/parse/parseStory';
import type { Story } from '../../../src/core/model/story';

const HEAD = '---\nid: S-1\ntitle: Build times\nstatus: ready\nestimate: 3\n---\n\nAs a release manager, I want build times, so that I can find slow branches.\n\n';
const AC = '\n## Acceptance Criteria\n\n- [ ] The 20 slowest branches are listed first\n';

/** Returns a Markdown table of about `kb` kilobytes. */
function table(kb: number): string {
  let out = '| branch | seconds |\n| --- | ---: |\n';
  for (let n = 0; out.length < kb * 1024; n++) out += `| feature/branch-${n} | ${(n * 37) % 900} |\n`;
  return out;
}

function criteria(s: Story): string {
  const items = s.acceptanceCriteria?.items ?? [];
  return `${items.filter((c) => c.checked).length}/${items.length}`;
}

function codes(text: string): string[] {
  const index = new BacklogIndex(parseConfig({}).config);
  index.upsert('backlog/s-1.md', text);
  return index.issues('backlog/s-1.md').map((i) => i.code);
}

describe('large story bodies (no size limit changes what a story holds)', () => {
  it('reads the criteria after a 190 KB table and after a 210 KB one alike', () => {
    for (const kb of [190, 210]) {
      const text = HEAD + table(kb) + AC;
      const story = parseStory('s.md', text);
      assert.equal(criteria(story), '0/1', `${kb} KB`);
      assert.deepEqual(story.problems, [], `${kb} KB`);
      assert.ok(!codes(text).includes('missing-acceptance-criteria'), `${kb} KB`);
    }
  });

  it('gives remark only the part from the construct the scanner does not read, so a big body with one near its end is read whole', function () {
    // remark on the whole 210 KB body, for the comparison, takes a few seconds.
    this.timeout(60_000);
    // A tab-indented line (which the scanner leaves to remark) after 210 KB of table.
    const text = HEAD + table(210) + '\n\tgo test -bench .\n' + AC;
    assert.ok(text.length > MAX_REMARK_BODY_CHARS);
    const story = parseStory('s.md', text);
    assert.equal(criteria(story), '0/1');
    assert.deepEqual(story.problems, []);
    assert.deepEqual(story, parseStory('s.md', text, { markdown: 'remark' }));
  });

  it('says what it did not read when that part is over the limit, and no rule claims something is missing from it', () => {
    const text = HEAD + '\tgo test -bench .\n\n' + table(210) + AC;
    const story = parseStory('s.md', text);
    const unread = story.problems.filter((p) => p.code === 'unread-content');
    assert.equal(unread.length, 1);
    assert.equal(unread[0].range.start.line, 9);
    assert.match(unread[0].message, /only up to line 9: line 10 holds a tab in indentation.* 21\d KB from line 10 on/);
    // What comes before the unread part is still read exactly.
    assert.equal(story.userStory?.range.start.line, 7);
    assert.equal(story.acceptanceCriteria, undefined);
    const found = codes(text);
    assert.ok(found.includes('unread-content'));
    for (const code of ['missing-acceptance-criteria', 'missing-user-story', 'not-ready']) assert.ok(!found.includes(code), code);
  });
});
