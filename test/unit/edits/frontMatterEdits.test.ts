import * as assert from 'node:assert/strict';
import { addListItem, quoteValue, removeField, removeListItem, setField } from '../../../src/core/edits/frontMatterEdits';
import { crlf, expectEdits, pointBefore, spanOf } from './editAssert';
import { applyEdits } from '../../../src/core/edits/applyEdits';

const SAMPLE = `---
# Story header comment
id: S-12 # keep me
title: 'Export: CSV'
status: draft
estimate: 3
labels: [export, csv]
depends_on:
  - S-3 # first
  - S-4
owner:
  name: Ann
  team: core
assignee: "@ann"
empty:
---
As a user, I want CSV.
`;

for (const eolName of ['LF', 'CRLF'] as const) {
  const conv = (s: string): string => (eolName === 'CRLF' ? crlf(s) : s);
  const T = conv(SAMPLE);
  // Expected text: SAMPLE with one substring replaced (both given in LF, converted together).
  const replaced = (from: string, to: string): string => {
    assert.ok(SAMPLE.includes(from), from);
    return conv(SAMPLE.replace(from, to));
  };

  describe(`frontMatterEdits (${eolName})`, () => {
    describe('setField', () => {
      it('replaces a plain value and nothing else', () => {
        expectEdits(T, setField(T, 'status', 'ready'), replaced('status: draft', 'status: ready'), spanOf(T, 'draft'));
      });
      it('keeps a trailing comment on the same line', () => {
        expectEdits(T, setField(T, 'id', 'S-13'), replaced('id: S-12 # keep me', 'id: S-13 # keep me'), spanOf(T, 'S-12'));
      });
      it('keeps single quotes', () => {
        expectEdits(T, setField(T, 'title', 'Import CSV'), replaced("'Export: CSV'", "'Import CSV'"), spanOf(T, "'Export: CSV'"));
      });
      it('keeps double quotes', () => {
        expectEdits(T, setField(T, 'assignee', 'bob'), replaced('"@ann"', '"bob"'), spanOf(T, '"@ann"'));
      });
      it('writes numbers plain', () => {
        expectEdits(T, setField(T, 'estimate', 5), replaced('estimate: 3', 'estimate: 5'), spanOf(T, '3\n'.replace('\n', '')));
      });
      it('quotes a plain value that needs it, in the quote style the file uses', () => {
        expectEdits(T, setField(T, 'status', '@x'), replaced('status: draft', "status: '@x'"), spanOf(T, 'draft'));
        expectEdits(T, setField(T, 'status', '007'), replaced('status: draft', "status: '007'"), spanOf(T, 'draft'));
        expectEdits(T, setField(T, 'status', 'a: b'), replaced('status: draft', "status: 'a: b'"), spanOf(T, 'draft'));
      });
      it('switches to double quotes for a line break', () => {
        expectEdits(T, setField(T, 'title', 'a\nb'), replaced("'Export: CSV'", '"a\\nb"'), spanOf(T, "'Export: CSV'"));
      });
      it('returns no edit when the value is already there', () => {
        assert.deepEqual(setField(T, 'status', 'draft'), []);
        assert.deepEqual(setField(T, 'estimate', 3), []);
        assert.deepEqual(setField(T, 'labels', ['export', 'csv']), []);
        assert.deepEqual(setField(T, 'depends_on', ['S-3', 'S-4']), []);
      });
      it('adds a missing key before the closing fence with the file line ending', () => {
        expectEdits(T, setField(T, 'priority', 'must'), replaced('empty:\n---', 'empty:\npriority: must\n---'), pointBefore(T, conv('---\nAs a')));
      });
      it('fills an empty value after the colon', () => {
        expectEdits(T, setField(T, 'empty', 'x'), replaced('empty:\n', 'empty: x\n'), pointBefore(T, conv('\n---\nAs')));
      });
      it('writes null as an empty value', () => {
        expectEdits(T, setField(T, 'status', null), replaced('status: draft', 'status:'), spanOf(T, ' draft'));
      });
      it('writes a list into a scalar key as a flow list', () => {
        expectEdits(T, setField(T, 'status', ['a', 'b']), replaced('status: draft', 'status: [a, b]'), spanOf(T, 'draft'));
      });
      it('writes a list into an empty key in the file style (flow here)', () => {
        expectEdits(T, setField(T, 'empty', ['a']), replaced('empty:\n', 'empty: [a]\n'), pointBefore(T, conv('\n---\nAs')));
      });
      it('writes a scalar over a block list, dropping its item lines', () => {
        expectEdits(T, setField(T, 'depends_on', 'S-9'), replaced('depends_on:\n  - S-3 # first\n  - S-4\n', 'depends_on: S-9\n'), spanOf(T, conv('\n  - S-3 # first\n  - S-4\n')));
      });
      it('writes a scalar over a nested map', () => {
        expectEdits(T, setField(T, 'owner', 'Ann'), replaced('owner:\n  name: Ann\n  team: core\n', 'owner: Ann\n'), spanOf(T, conv('\n  name: Ann\n  team: core\n')));
      });
      it('edits a flow list in place, keeping the items that stay', () => {
        expectEdits(T, setField(T, 'labels', ['export', 'api']), replaced('[export, csv]', '[export, api]'), spanOf(T, 'export, csv'));
        expectEdits(T, setField(T, 'labels', []), replaced('[export, csv]', '[]'), spanOf(T, '[export, csv]'));
      });
      it('edits a block list line by line, keeping comments of items that stay', () => {
        expectEdits(T, setField(T, 'depends_on', ['S-3', 'S-5']), replaced('  - S-4\n', '  - S-5\n'), spanOf(T, conv('  - S-4\n')));
        expectEdits(T, setField(T, 'depends_on', ['S-1', 'S-3', 'S-4']), replaced('  - S-3 # first', '  - S-1\n  - S-3 # first'), pointBefore(T, '  - S-3'));
        expectEdits(T, setField(T, 'depends_on', []), replaced('depends_on:\n  - S-3 # first\n  - S-4\n', 'depends_on: []\n'), spanOf(T, conv('\n  - S-3 # first\n  - S-4\n')));
      });
      it('keeps a date plain when it was plain, quotes it when new', () => {
        const t = conv('---\ncreated: 2024-01-01\n---\n');
        expectEdits(t, setField(t, 'created', '2024-02-02'), conv('---\ncreated: 2024-02-02\n---\n'));
        expectEdits(t, setField(t, 'updated', '2024-02-02'), conv('---\ncreated: 2024-01-01\nupdated: "2024-02-02"\n---\n'));
      });
      it('uses block lists for new keys when the file writes its lists that way', () => {
        const t = conv('---\nid: S-1\nlabels:\n    - a\n---\n');
        expectEdits(t, setField(t, 'vision', ['G-1', 'G-2']), conv('---\nid: S-1\nlabels:\n    - a\nvision:\n    - G-1\n    - G-2\n---\n'));
        expectEdits(t, addListItem(t, 'vision', 'G-1'), conv('---\nid: S-1\nlabels:\n    - a\nvision:\n    - G-1\n---\n'));
        const e = conv('---\nid: S-1\nlabels:\n  - a\nvision: # goals\n---\n');
        expectEdits(e, setField(e, 'vision', ['G-1']), conv('---\nid: S-1\nlabels:\n  - a\nvision: # goals\n  - G-1\n---\n'));
      });
      it('creates front matter when there is none', () => {
        const t = conv('# Title\n\nText\n');
        expectEdits(t, setField(t, 'id', 'S-1'), conv('---\nid: S-1\n---\n# Title\n\nText\n'));
        expectEdits('', setField('', 'id', 'S-1'), '---\nid: S-1\n---\n');
      });
      it('keeps a BOM', () => {
        const t = '\uFEFF' + conv('---\nid: S-1\n---\nx\n');
        expectEdits(t, setField(t, 'id', 'S-2'), '\uFEFF' + conv('---\nid: S-2\n---\nx\n'));
        const n = '\uFEFF' + conv('# T\n');
        expectEdits(n, setField(n, 'id', 'S-2'), '\uFEFF' + conv('---\nid: S-2\n---\n# T\n'));
      });
      it('adds a key to an empty or comment-only front matter', () => {
        const t = conv('---\n# nothing yet\n---\n');
        expectEdits(t, setField(t, 'id', 'S-1'), conv('---\n# nothing yet\nid: S-1\n---\n'));
      });
      it('replaces a block scalar', () => {
        const t = conv('---\nnote: |\n  one\n  two\nid: S-1\n---\n');
        expectEdits(t, setField(t, 'note', 'short'), conv('---\nnote: short\nid: S-1\n---\n'));
      });
      it("edits a file with Backlog.md's unquoted `assignee: @x` (as Backlog.md reads it), leaving that value as written", () => {
        const t = conv('---\nid: S-1\nassignee: @maya\nreporter: [@ann, "@bob"]\nstatus: To Do\n---\n');
        assert.equal(applyEdits(t, setField(t, 'status', 'Done')), t.replace('status: To Do', 'status: Done'));
        assert.equal(applyEdits(t, setField(t, 'assignee', '@lee')), t.replace('assignee: @maya', 'assignee: "@lee"'));
      });

      it('leaves broken or non-YAML front matter alone', () => {
        for (const t of [conv('---\nid: S-1\nowner: @x\n---\n'), conv('---js\n{ id: 1 }\n---\n'), conv('---\nid: S-1\n'), conv('---\na: 1\na: 2\n---\n')]) {
          assert.deepEqual(setField(t, 'id', 'S-2'), []);
          assert.deepEqual(removeField(t, 'id'), []);
          assert.deepEqual(addListItem(t, 'labels', 'x'), []);
          assert.deepEqual(removeListItem(t, 'labels', 'x'), []);
        }
      });
    });

    describe('removeField', () => {
      it('removes a key line with its trailing comment', () => {
        expectEdits(T, removeField(T, 'id'), replaced('id: S-12 # keep me\n', ''), spanOf(T, conv('id: S-12 # keep me\n')));
      });
      it('removes a block list with its items, keeping neighbours', () => {
        expectEdits(T, removeField(T, 'depends_on'), replaced('depends_on:\n  - S-3 # first\n  - S-4\n', ''), spanOf(T, conv('depends_on:\n  - S-3 # first\n  - S-4\n')));
      });
      it('removes a nested map and the last key', () => {
        expectEdits(T, removeField(T, 'owner'), replaced('owner:\n  name: Ann\n  team: core\n', ''));
        expectEdits(T, removeField(T, 'empty'), replaced('empty:\n', ''));
      });
      it('does nothing for a missing key or missing front matter', () => {
        assert.deepEqual(removeField(T, 'nope'), []);
        assert.deepEqual(removeField('# x\n', 'id'), []);
      });
    });

    describe('addListItem', () => {
      it('appends to a flow list', () => {
        expectEdits(T, addListItem(T, 'labels', 'api'), replaced('[export, csv]', '[export, csv, api]'), pointBefore(T, ']'));
        const t = conv('---\nlabels: []\ntags: [ ]\nx: [a,b]\n---\n');
        expectEdits(t, addListItem(t, 'labels', 'a'), conv('---\nlabels: [a]\ntags: [ ]\nx: [a,b]\n---\n'));
        expectEdits(t, addListItem(t, 'tags', 'a'), conv('---\nlabels: []\ntags: [ a]\nx: [a,b]\n---\n'));
        expectEdits(t, addListItem(t, 'x', 'c'), conv('---\nlabels: []\ntags: [ ]\nx: [a,b,c]\n---\n'));
      });
      it('appends a line to a block list with its indentation', () => {
        expectEdits(T, addListItem(T, 'depends_on', 'S-5'), replaced('  - S-4\n', '  - S-4\n  - S-5\n'), pointBefore(T, 'owner:'));
        expectEdits(T, addListItem(T, 'depends_on', '@bob'), replaced('  - S-4\n', "  - S-4\n  - '@bob'\n"));
      });
      it('does nothing when the item is there', () => {
        assert.deepEqual(addListItem(T, 'labels', 'csv'), []);
        assert.deepEqual(addListItem(T, 'depends_on', 'S-3'), []);
        assert.deepEqual(addListItem(T, 'status', 'draft'), []);
      });
      it('turns a scalar into a list keeping the old value as written', () => {
        expectEdits(T, addListItem(T, 'assignee', 'bob'), replaced('"@ann"', '["@ann", bob]'), spanOf(T, '"@ann"'));
      });
      it('adds a missing key or fills an empty value', () => {
        expectEdits(T, addListItem(T, 'vision', 'G-1'), replaced('empty:\n---', 'empty:\nvision: [G-1]\n---'));
        expectEdits(T, addListItem(T, 'empty', 'G-1'), replaced('empty:\n', 'empty: [G-1]\n'));
        expectEdits(conv('x\n'), addListItem(conv('x\n'), 'labels', 'a'), conv('---\nlabels: [a]\n---\nx\n'));
      });
      it('refuses to add to a map', () => {
        assert.deepEqual(addListItem(T, 'owner', 'x'), []);
      });
    });

    describe('removeListItem', () => {
      it('removes from a flow list', () => {
        expectEdits(T, removeListItem(T, 'labels', 'csv'), replaced('[export, csv]', '[export]'), spanOf(T, ', csv'));
        expectEdits(T, removeListItem(T, 'labels', 'export'), replaced('[export, csv]', '[csv]'), spanOf(T, 'export, '));
        const t = conv('---\nl: [a, b, c, d]\n---\n');
        expectEdits(t, removeListItem(t, 'l', 'b'), conv('---\nl: [a, c, d]\n---\n'));
      });
      it('leaves [] after the last flow item', () => {
        const t = conv('---\nl: [a] # c\n---\n');
        expectEdits(t, removeListItem(t, 'l', 'a'), conv('---\nl: [] # c\n---\n'));
      });
      it('removes a block item line with its comment', () => {
        expectEdits(T, removeListItem(T, 'depends_on', 'S-3'), replaced('  - S-3 # first\n', ''), spanOf(T, conv('  - S-3 # first\n')));
        expectEdits(T, removeListItem(T, 'depends_on', 'S-4'), replaced('  - S-4\n', ''), spanOf(T, conv('  - S-4\n')));
      });
      it('leaves key: [] after the last block item', () => {
        const t = conv('---\nl: # deps\n  - a\nm: 1\n---\n');
        expectEdits(t, removeListItem(t, 'l', 'a'), conv('---\nl: [] # deps\nm: 1\n---\n'));
      });
      it('empties a scalar equal to the item, ignores others', () => {
        expectEdits(T, removeListItem(T, 'status', 'draft'), replaced('status: draft', 'status: []'));
        assert.deepEqual(removeListItem(T, 'status', 'x'), []);
        assert.deepEqual(removeListItem(T, 'labels', 'x'), []);
        assert.deepEqual(removeListItem(T, 'nope', 'x'), []);
      });
    });

    describe('quoteValue', () => {
      it('quotes a value starting with @ on broken front matter', () => {
        const t = conv('---\nid: S-1\nassignee: @someone\n---\n');
        expectEdits(t, quoteValue(t, 2), conv('---\nid: S-1\nassignee: "@someone"\n---\n'), spanOf(t, '@someone'));
      });
      it('uses the quote style the file already uses and keeps a comment', () => {
        const t = conv("---\ntitle: 'Fix: it'\nreporter: @me # who\n---\n");
        expectEdits(t, quoteValue(t, 2), conv("---\ntitle: 'Fix: it'\nreporter: '@me' # who\n---\n"));
      });
      it('quotes block items and flow items', () => {
        const t = conv('---\nassignee:\n  - @a\nlabels: [@b, ok, `c]\n---\n');
        expectEdits(t, quoteValue(t, 2), conv('---\nassignee:\n  - "@a"\nlabels: [@b, ok, `c]\n---\n'));
        expectEdits(t, quoteValue(t, 3), conv('---\nassignee:\n  - @a\nlabels: ["@b", ok, "`c"]\n---\n'));
      });
      it('quotes a value holding ": "', () => {
        const t = conv('---\ntitle: Fix: login\n---\n');
        expectEdits(t, quoteValue(t, 1), conv('---\ntitle: "Fix: login"\n---\n'));
      });
      it('does nothing when the value is fine or already quoted', () => {
        const t = conv('---\nid: S-1\na: "@x"\nb:\n---\n');
        assert.deepEqual(quoteValue(t, 1), []);
        assert.deepEqual(quoteValue(t, 2), []);
        assert.deepEqual(quoteValue(t, 3), []);
        assert.deepEqual(quoteValue(t, 0), []);
        assert.deepEqual(quoteValue(t, 99), []);
      });
    });
  });
}
