import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FIELDS, fieldOfKey, keysOfField } from '../../../src/core/model/fields';
import { parseStory } from '../../../src/core/parse/parseStory';

// The field table (src/core/model/fields.ts) is the one definition of the story fields; docs/format.md is written by
// hand and checked against it here, and the parser is checked to read every field and alias the table names.

const FORMAT = fs.readFileSync('docs/format.md', 'utf8');

describe('the field table', () => {
  it("has a row in docs/format.md's field table for each of Rudder's own fields, and none for a field it lacks", () => {
    const table = FORMAT.slice(FORMAT.indexOf('| field | type | meaning |'), FORMAT.indexOf('A value of the wrong kind'));
    const rows = [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(rows, FIELDS.filter((f) => !f.foreign).map((f) => f.key));
  });

  it("names every other tool's key in the Backlog.md section", () => {
    const section = FORMAT.slice(FORMAT.indexOf('## Backlog.md compatibility'));
    for (const f of FIELDS) for (const k of f.foreign ? [f.key, ...f.aliases] : f.aliases) assert.ok(section.includes(`${k}:`) || section.includes(`\`${k}\``), `${k} in the Backlog.md section`);
  });

  it('is read by the parser: every field under its own key and each alias, the first present key winning', () => {
    const sample: Record<string, string> = { text: 'X-1', number: '3', date: '2026-01-02', rank: 'a0', status: 'draft', priority: 'must', type: 'bug' };
    for (const f of FIELDS) {
      if (!f.prop) continue;
      for (const key of keysOfField(f.key)) {
        const raw = sample[f.type];
        const s = parseStory('s.md', `---\nid: S-1\n${key === 'id' ? '' : `${key}: ${raw}\n`}---\n`) as unknown as Record<string, unknown>;
        const want = f.key === 'id' ? 'S-1' : f.type === 'number' ? 3 : raw;
        assert.deepEqual(s[f.prop], f.shape === 'list' ? [want] : want, `${key} → ${String(f.prop)}`);
      }
      if (f.aliases.length) {
        const s = parseStory('s.md', `---\nid: S-1\n${f.aliases[0]}: second\n${f.key}: first\n---\n`) as unknown as Record<string, unknown>;
        assert.deepEqual(s[f.prop], f.shape === 'list' ? ['first'] : 'first', `${f.key} wins over ${f.aliases[0]}`);
      }
    }
  });

  it('finds a field by any of its keys', () => {
    assert.equal(fieldOfKey('dependencies')?.key, 'depends_on');
    assert.equal(fieldOfKey('parent_task_id')?.key, 'epic');
    assert.deepEqual(keysOfField('epic'), ['epic', 'parent_task_id', 'parent']);
    assert.deepEqual(keysOfField('unknown'), ['unknown']);
  });
});
