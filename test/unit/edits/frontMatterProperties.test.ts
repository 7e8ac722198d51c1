import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { addListItem, removeField, removeListItem, setField } from '../../../src/core/edits/frontMatterEdits';
import type { TextEdit } from '../../../src/core/model/range';
import { assertEditsWithin } from './editAssert';

type Style = 'plain' | 'single' | 'double';
type Spec =
  | { kind: 'scalar'; value: string; style: Style; comment?: string }
  | { kind: 'flow'; items: string[]; comment?: string }
  | { kind: 'block'; items: { value: string; comment?: string; style: Style }[]; indent: string }
  | { kind: 'map'; value: string }
  | { kind: 'empty'; comment?: string };
interface Entry {
  key: string;
  spec: Spec;
  before?: string;
}
interface Built {
  text: string;
  eol: string;
  regions: Map<string, { start: number; end: number }>;
  close: number;
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,5}( [a-z0-9]{1,4})?$/);
const commentText = fc.stringMatching(/^# [ -~]{0,12}$/);
const style = fc.constantFrom<Style>('plain', 'single', 'double');
const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ kind: fc.constant('scalar' as const), value: word, style, comment: fc.option(commentText, { nil: undefined }) }),
  fc.record({ kind: fc.constant('flow' as const), items: fc.uniqueArray(word, { maxLength: 4 }), comment: fc.option(commentText, { nil: undefined }) }),
  fc.record({
    kind: fc.constant('block' as const),
    items: fc.uniqueArray(fc.record({ value: word, comment: fc.option(commentText, { nil: undefined }), style }), { minLength: 1, maxLength: 4, selector: (i) => i.value }),
    indent: fc.constantFrom('', '  ', '    '),
  }),
  fc.record({ kind: fc.constant('map' as const), value: word }),
  fc.record({ kind: fc.constant('empty' as const), comment: fc.option(commentText, { nil: undefined }) }),
);
const entries = fc.uniqueArray(
  fc.record({ key: fc.stringMatching(/^[a-z][a-z_]{0,6}$/), spec, before: fc.option(commentText, { nil: undefined }) }),
  { minLength: 1, maxLength: 6, selector: (e) => e.key },
);

function quoted(value: string, s: Style): string {
  return s === 'plain' ? value : s === 'single' ? `'${value}'` : JSON.stringify(value);
}

/** Renders entries as a story with front matter, recording where each entry's lines are. */
function build(list: Entry[], eol: string): Built {
  let text = `---${eol}`;
  const regions = new Map<string, { start: number; end: number }>();
  const tail = (c?: string): string => (c ? ` ${c}` : '');
  for (const e of list) {
    if (e.before) text += e.before + eol;
    const start = text.length;
    const s = e.spec;
    if (s.kind === 'scalar') text += `${e.key}: ${quoted(s.value, s.style)}${tail(s.comment)}${eol}`;
    else if (s.kind === 'flow') text += `${e.key}: [${s.items.join(', ')}]${tail(s.comment)}${eol}`;
    else if (s.kind === 'block') text += `${e.key}:${eol}${s.items.map((i) => `${s.indent}- ${quoted(i.value, i.style)}${tail(i.comment)}${eol}`).join('')}`;
    else if (s.kind === 'map') text += `${e.key}:${eol}  name: ${s.value}${eol}`;
    else text += `${e.key}:${tail(s.comment)}${eol}`;
    regions.set(e.key, { start, end: text.length });
  }
  const close = text.length;
  text += `---${eol}${eol}Body text.${eol}`;
  return { text, eol, regions, close };
}

/** Returns the parsed front matter of a text produced by the edits. */
function data(text: string, eol: string): Record<string, unknown> {
  const end = text.indexOf(`${eol}---${eol}`);
  const yaml = text.slice(3 + eol.length, end + eol.length);
  return (parse(yaml) as Record<string, unknown> | null) ?? {};
}

function commentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trimStart().startsWith('#'));
}

/** Checks what every operation must keep: other keys' values, full-line comments, the line ending, bytes outside the key's region. */
function checkKept(b: Built, key: string, edits: TextEdit[], after: string): Record<string, unknown> {
  const before = data(b.text, b.eol);
  const now = data(after, b.eol);
  for (const k of Object.keys(before)) if (k !== key) assert.deepEqual(now[k], before[k], `key ${k} changed`);
  const kept = commentLines(b.text).filter((l) => l.startsWith('#'));
  assert.deepEqual(commentLines(after).filter((l) => l.startsWith('#')), kept, 'full-line comments changed');
  if (b.eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(after), 'a bare LF in a CRLF file');
  else assert.ok(!after.includes('\r'), 'a CR in an LF file');
  assertEditsWithin(b.text, edits, b.regions.get(key) ?? { start: b.close, end: b.close });
  return now;
}

const eolArb = fc.constantFrom('\n', '\r\n');
const newValue = fc.oneof(
  fc.string(),
  fc.constantFrom('@someone', 'a: b', 'x #y', ' pad ', '42', 'true', '2024-01-01', 'line\nbreak', "it's", '"q"', '[x]', '{y}', ''),
  fc.array(fc.oneof(word, fc.constantFrom('@a', 'a, b', '1', 'x]')), { maxLength: 4 }),
  fc.integer({ min: -100, max: 100 }),
);

describe('frontMatterEdits properties', function () {
  // Why: a few hundred random files, each parsed several times with yaml, take a few seconds.
  this.timeout(30000);
  it('setField(k, v): k reads v; every other value, comment and byte outside k survives', () => {
    fc.assert(
      fc.property(entries, eolArb, fc.nat(), fc.boolean(), newValue, (list, eol, pick, fresh, v) => {
        const b = build(list, eol);
        const key = fresh ? 'zz_new' : list[pick % list.length].key;
        const edits = setField(b.text, key, v);
        const after = applyEdits(b.text, edits);
        const now = checkKept(b, key, edits, after);
        assert.deepEqual(now[key], v);
      }),
      { numRuns: 400 },
    );
  });
  it('addListItem / removeListItem: the list gains or loses exactly that item; the rest survives', () => {
    fc.assert(
      fc.property(entries, eolArb, fc.nat(), fc.nat(), fc.oneof(word, fc.constantFrom('@x', 'a: b', '1')), (list, eol, pick, pickItem, item) => {
        const b = build(list, eol);
        const entry = list[pick % list.length];
        const before = data(b.text, eol)[entry.key];
        const s = entry.spec;
        if (s.kind === 'map') {
          assert.deepEqual(addListItem(b.text, entry.key, item), []);
          return;
        }
        const added = addListItem(b.text, entry.key, item);
        const afterAdd = applyEdits(b.text, added);
        const nowAdd = checkKept(b, entry.key, added, afterAdd)[entry.key];
        const oldList = before === null ? [] : Array.isArray(before) ? before.map(String) : [String(before)];
        assert.deepEqual(nowAdd, oldList.includes(item) ? before : [...oldList, item]);
        if (s.kind === 'flow' || s.kind === 'block') {
          const values = s.kind === 'flow' ? s.items : s.items.map((i) => i.value);
          if (values.length === 0) return;
          const victim = values[pickItem % values.length];
          const removed = removeListItem(b.text, entry.key, victim);
          const afterRemove = applyEdits(b.text, removed);
          const nowRemove = checkKept(b, entry.key, removed, afterRemove)[entry.key];
          assert.deepEqual(nowRemove, (before as unknown[]).filter((x) => String(x) !== victim));
        }
      }),
      { numRuns: 400 },
    );
  });
  it('removeField(k): k is gone; the rest survives', () => {
    fc.assert(
      fc.property(entries, eolArb, fc.nat(), (list, eol, pick) => {
        const b = build(list, eol);
        const key = list[pick % list.length].key;
        const edits = removeField(b.text, key);
        const after = applyEdits(b.text, edits);
        const now = checkKept(b, key, edits, after);
        assert.ok(!(key in now));
      }),
      { numRuns: 300 },
    );
  });
});
