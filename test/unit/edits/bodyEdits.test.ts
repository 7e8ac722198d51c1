import * as assert from 'node:assert/strict';
import { appendCriteria, insertAcceptanceCriteriaSection, removeCriteria, setCriterionChecked } from '../../../src/core/edits/bodyEdits';
import { LineIndex } from '../../../src/core/model/lineIndex';
import { parseStory } from '../../../src/core/parse/parseStory';
import { crlf, expectEdits, pointBefore, spanOf } from './editAssert';

const FM = '---\nid: S-1\ntitle: Export\n---\n';

for (const eolName of ['LF', 'CRLF'] as const) {
  const conv = (s: string): string => (eolName === 'CRLF' ? crlf(s) : s);
  const story = (t: string) => parseStory('backlog/s-1.md', t);

  describe(`bodyEdits (${eolName})`, () => {
    describe('insertAcceptanceCriteriaSection', () => {
      it('goes after the user story paragraph and selects the template', () => {
        const t = conv(`${FM}\nAs a PO, I want CSV,\nso that I can share.\n\n## Notes\n\nLater.\n`);
        const r = insertAcceptanceCriteriaSection(t, story(t));
        const after = expectEdits(
          t,
          r.edits,
          conv(`${FM}\nAs a PO, I want CSV,\nso that I can share.\n\n## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n\n## Notes\n\nLater.\n`),
          pointBefore(t, conv('\n## Notes')),
        );
        const lines = new LineIndex(after);
        assert.ok(r.selection);
        assert.equal(after.slice(lines.offsetAt(r.selection.start), lines.offsetAt(r.selection.end)), 'Given <context>, when <action>, then <outcome>');
        assert.deepEqual(r.cursor, r.selection.start);
        assert.ok(story(after).acceptanceCriteria?.items.length === 1);
      });
      it('goes at the end of the body without a user story, ending the last line first', () => {
        const t = conv(`${FM}\nSome text.`);
        expectEdits(t, insertAcceptanceCriteriaSection(t, story(t)).edits, conv(`${FM}\nSome text.\n\n## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n`));
      });
      it('goes after a Backlog.md description section, at its heading level', () => {
        const t = conv(`${FM}\n## Description\n\nText.\n\n## Implementation Notes\n\nx\n`);
        expectEdits(
          t,
          insertAcceptanceCriteriaSection(t, story(t)).edits,
          conv(`${FM}\n## Description\n\nText.\n\n## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n\n## Implementation Notes\n\nx\n`),
        );
      });
      it('works on a file without front matter and does nothing when the section exists', () => {
        const t = conv('As a user, I want x, so that y.\n');
        expectEdits(t, insertAcceptanceCriteriaSection(t, story(t)).edits, conv('As a user, I want x, so that y.\n\n## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n'));
        const has = conv(`${FM}\n## Acceptance Criteria\n\n- [ ] a\n`);
        const r = insertAcceptanceCriteriaSection(has, story(has));
        assert.deepEqual(r.edits, []);
        assert.deepEqual(r.cursor, { line: 7, character: 6 });
      });
    });

    describe('removeCriteria', () => {
      const t = conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n- [x] two\n  more of two\n- [ ] three\n\n## Notes\n`);
      it('deletes whole lines, with continuation lines', () => {
        expectEdits(t, removeCriteria(t, story(t), [1]), conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n- [ ] three\n\n## Notes\n`), spanOf(t, conv('- [x] two\n  more of two\n')));
        expectEdits(t, removeCriteria(t, story(t), [0, 2, 7]), conv(`${FM}\n## Acceptance Criteria\n\n- [x] two\n  more of two\n\n## Notes\n`));
        expectEdits(t, removeCriteria(t, story(t), [0, 1, 2]), conv(`${FM}\n## Acceptance Criteria\n\n\n## Notes\n`));
      });
      it('takes the nested items and later paragraphs of a criterion with it, and leaves the notes beside it', () => {
        const n = conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n  - detail of one\n\n  more of one\n- [ ] two\n  1. step\n- a note\n`);
        assert.deepEqual(story(n).acceptanceCriteria?.items.map((c) => c.text), ['one', 'two']);
        expectEdits(n, removeCriteria(n, story(n), [0]), conv(`${FM}\n## Acceptance Criteria\n\n- [ ] two\n  1. step\n- a note\n`));
        expectEdits(n, removeCriteria(n, story(n), [1]), conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n  - detail of one\n\n  more of one\n- a note\n`));
      });
      it('handles a last line without a line break', () => {
        const u = conv(`${FM}## Acceptance Criteria\n- [ ] a\n- [ ] b`);
        expectEdits(u, removeCriteria(u, story(u), [1]), conv(`${FM}## Acceptance Criteria\n- [ ] a`));
      });
    });

    describe('appendCriteria', () => {
      it('adds after the nested items of the last criterion', () => {
        const n = conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n  - detail\n\n## Notes\n`);
        expectEdits(n, appendCriteria(n, story(n), ['two']), conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n  - detail\n- [ ] two\n\n## Notes\n`));
      });
      it('adds items after the last one, keeping bullet and indentation', () => {
        const t = conv(`${FM}\n## Acceptance Criteria\n\n* [ ] one\n* [x] two\n\n## Notes\n`);
        expectEdits(t, appendCriteria(t, story(t), ['three', 'four']), conv(`${FM}\n## Acceptance Criteria\n\n* [ ] one\n* [x] two\n* [ ] three\n* [ ] four\n\n## Notes\n`), pointBefore(t, conv('\n## Notes')));
      });
      it('continues Backlog.md numbering inside the AC markers', () => {
        const t = conv(`${FM}\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [ ] #1 one\n- [x] #2 two\n<!-- AC:END -->\n`);
        expectEdits(t, appendCriteria(t, story(t), ['three']), conv(`${FM}\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [ ] #1 one\n- [x] #2 two\n- [ ] #3 three\n<!-- AC:END -->\n`));
        const empty = conv(`${FM}\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n<!-- AC:END -->\n`);
        expectEdits(empty, appendCriteria(empty, story(empty), ['a']), conv(`${FM}\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [ ] a\n<!-- AC:END -->\n`));
      });
      it('fills an empty section and creates a missing one', () => {
        const t = conv(`${FM}\n## Acceptance Criteria\n\n## Notes\n`);
        expectEdits(t, appendCriteria(t, story(t), ['a']), conv(`${FM}\n## Acceptance Criteria\n\n- [ ] a\n\n## Notes\n`));
        const none = conv(`${FM}\nAs a PO, I want x, so that y.\n`);
        expectEdits(none, appendCriteria(none, story(none), ['a', 'b']), conv(`${FM}\nAs a PO, I want x, so that y.\n\n## Acceptance Criteria\n\n- [ ] a\n- [ ] b\n`));
        assert.deepEqual(appendCriteria(none, story(none), []), []);
      });
    });

    describe('setCriterionChecked', () => {
      const t = conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n- [X] two\n- plain\n`);
      it('flips only the checkbox character', () => {
        expectEdits(t, setCriterionChecked(t, story(t), 0, true), conv(`${FM}\n## Acceptance Criteria\n\n- [x] one\n- [X] two\n- plain\n`), { start: spanOf(t, '[ ] one').start + 1, end: spanOf(t, '[ ] one').start + 2 });
        expectEdits(t, setCriterionChecked(t, story(t), 1, false), conv(`${FM}\n## Acceptance Criteria\n\n- [ ] one\n- [ ] two\n- plain\n`));
        assert.deepEqual(setCriterionChecked(t, story(t), 0, false), []);
        assert.deepEqual(setCriterionChecked(t, story(t), 9, true), []);
      });
      it('adds a checkbox to a plain bullet (in a section of plain bullets: beside checkboxes, one is a note)', () => {
        assert.deepEqual(setCriterionChecked(t, story(t), 2, true), []);
        const plain = conv(`${FM}\n## Acceptance Criteria\n\n- one\n- plain\n`);
        expectEdits(plain, setCriterionChecked(plain, story(plain), 1, true), conv(`${FM}\n## Acceptance Criteria\n\n- one\n- [x] plain\n`));
      });
    });
  });
}
