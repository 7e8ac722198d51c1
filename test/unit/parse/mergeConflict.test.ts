import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { setField } from '../../../src/core/edits/frontMatterEdits';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { findConflicts } from '../../../src/core/parse/mergeConflict';
import { parseStory } from '../../../src/core/parse/parseStory';
import type { Story } from '../../../src/core/model/story';

const FRONT = `---
id: S-1
<<<<<<< HEAD
title: Export as CSV
status: ready
=======
title: Export as CSV files
status: in-progress
>>>>>>> feature/csv
estimate: 3
---
As a user, I want CSV, so that I can share it.

## Acceptance Criteria

<<<<<<< HEAD
- [ ] One row per story
||||||| base
- [ ] Rows
=======
- [x] One row per story, with a header
- [ ] Quoted commas
>>>>>>> feature/csv
`;

const conflictsOf = (s: Story) => s.problems.filter((p) => p.code === 'merge-conflict');
const fixed = (text: string, block: number, fix: number): string => {
  const issue = conflictsOf(parseStory('s.md', text))[block];
  return applyEdits(text, issue.fixes![fix].edits[0].edits);
};

describe('merge conflicts', () => {
  it('reads ours, keeps positions, and names each block with its lines and branches', () => {
    const s = parseStory('s.md', FRONT);
    assert.equal(s.id, 'S-1');
    assert.equal(s.title, 'Export as CSV');
    assert.equal(s.status, 'ready');
    assert.equal(s.estimate, 3);
    assert.deepEqual(s.acceptanceCriteria?.items.map((c) => c.text), ['One row per story']);
    assert.equal(s.acceptanceCriteria?.items[0].range.start.line, 16);
    assert.equal(s.frontMatter?.fields.status?.valueRange.start.line, 4);
    const c = conflictsOf(s);
    assert.equal(c.length, 2);
    assert.match(c[0].message, /lines 3–9\): "HEAD" \(lines 4–5\) against "feature\/csv" \(lines 7–8\)/);
    assert.deepEqual(c[0].range, { start: { line: 2, character: 0 }, end: { line: 8, character: 19 } });
    assert.match(c[1].message, /"HEAD" \(line 17\) against "feature\/csv" \(lines 21–22\)/);
    assert.deepEqual(c[0].fixes!.map((f) => f.title), ['Keep ours (HEAD)', 'Keep theirs (feature/csv)', 'Keep both (ours first)']);
  });

  it('keep ours, keep theirs and keep both delete only marker lines and the other side', () => {
    assert.equal(fixed(FRONT, 0, 0), FRONT.replace('<<<<<<< HEAD\ntitle: Export as CSV\nstatus: ready\n=======\ntitle: Export as CSV files\nstatus: in-progress\n>>>>>>> feature/csv\n', 'title: Export as CSV\nstatus: ready\n'));
    assert.equal(fixed(FRONT, 0, 1), FRONT.replace('<<<<<<< HEAD\ntitle: Export as CSV\nstatus: ready\n=======\ntitle: Export as CSV files\nstatus: in-progress\n>>>>>>> feature/csv\n', 'title: Export as CSV files\nstatus: in-progress\n'));
    const body = '<<<<<<< HEAD\n- [ ] One row per story\n||||||| base\n- [ ] Rows\n=======\n- [x] One row per story, with a header\n- [ ] Quoted commas\n>>>>>>> feature/csv\n';
    assert.equal(fixed(FRONT, 1, 0), FRONT.replace(body, '- [ ] One row per story\n'));
    assert.equal(fixed(FRONT, 1, 1), FRONT.replace(body, '- [x] One row per story, with a header\n- [ ] Quoted commas\n'));
    assert.equal(fixed(FRONT, 1, 2), FRONT.replace(body, '- [ ] One row per story\n- [x] One row per story, with a header\n- [ ] Quoted commas\n'));
    // Both blocks resolved: no conflict is left, and the story reads the chosen side.
    const theirs = fixed(fixed(FRONT, 1, 1), 0, 1);
    const s = parseStory('s.md', theirs);
    assert.equal(conflictsOf(s).length, 0);
    assert.equal(s.status, 'in-progress');
    assert.deepEqual(s.acceptanceCriteria?.items.map((c) => c.checked), [true, false]);
  });

  it('reads an add/add conflict around the whole file as ours', () => {
    const text = '<<<<<<< HEAD\n---\nid: S-2\ntitle: Ours\n---\nbody ours\n=======\n---\nid: S-2\ntitle: Theirs\n---\nbody theirs\n>>>>>>> other';
    const s = parseStory('s.md', text);
    assert.equal(s.title, 'Ours');
    assert.equal(s.id, 'S-2');
    assert.equal(conflictsOf(s).length, 1);
    // The file's last line has no line break: keep theirs leaves the text ending as theirs did.
    assert.equal(fixed(text, 0, 1), '---\nid: S-2\ntitle: Theirs\n---\nbody theirs\n');
    assert.equal(fixed(text, 0, 0), '---\nid: S-2\ntitle: Ours\n---\nbody ours\n');
  });

  it('keeps CRLF and lone CR line endings in its fixes', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = FRONT.replace(/\n/g, eol);
      assert.equal(parseStory('s.md', text).status, 'ready');
      assert.equal(fixed(text, 0, 1), fixed(FRONT, 0, 1).replace(/\n/g, eol));
    }
  });

  it('reports a marker left without its block, and a block never closed', () => {
    assert.deepEqual(findConflicts('a\n>>>>>>> feature\nb\n').strays, [1]);
    const open = findConflicts('---\nid: S-1\n---\n<<<<<<< HEAD\nours\n=======\ntheirs\n');
    assert.deepEqual([open.blocks.length, open.strays], [0, [3, 5]]);
    const s = parseStory('s.md', '---\nid: S-1\ntitle: T\n---\n<<<<<<< HEAD\nours\n');
    assert.equal(conflictsOf(s).length, 1);
  });

  it('does not take Markdown for markers: a setext underline, a table row of pipes, a deep quote with spaces', () => {
    const text = '---\nid: S-1\ntitle: T\n---\nHeading\n=======\n\n|||||||\n\n> > > > > > > quoted\n';
    assert.deepEqual(findConflicts(text), { blocks: [], strays: [] });
    assert.equal(conflictsOf(parseStory('s.md', text)).length, 0);
  });

  it('in the index: only the conflict is reported for the file, and structured edits refuse it', () => {
    const index = new BacklogIndex();
    index.upsert('backlog/s-1.md', FRONT);
    index.upsert('backlog/s-2.md', '---\nid: S-2\ntitle: Other\nstatus: ready\n---\nAs a user, I want y, so that z.\n');
    assert.deepEqual([...new Set(index.issues('backlog/s-1.md').map((i) => i.code))], ['merge-conflict']);
    assert.equal(index.story('backlog/s-1.md')?.title, 'Export as CSV');
    assert.ok(index.issues('backlog/s-2.md').some((i) => i.code !== 'merge-conflict'));
    assert.deepEqual(setField(FRONT, 'status', 'done'), []);
  });
});

describe('a doubled opening fence', () => {
  const text = '---\n---\nid: S-3\ntitle: Twice fenced\nstatus: ready\n---\nAs a user, I want x, so that y.\n';
  it('reads the second block and says how to repair the file', () => {
    const s = parseStory('s.md', text);
    assert.equal(s.id, 'S-3');
    assert.equal(s.title, 'Twice fenced');
    assert.equal(s.bodyStartLine, 6);
    const p = s.problems.find((x) => x.code === 'front-matter-syntax')!;
    assert.match(p.message, /Lines 1 and 2 are both "---"/);
    assert.equal(applyEdits(text, p.fixes![0].edits[0].edits), text.slice(4));
    assert.deepEqual(setField(text, 'status', 'done'), [], 'no edit lands in the empty block');
  });
  it('an empty front matter followed by prose is only empty', () => {
    const s = parseStory('s.md', '---\n---\nJust text.\n');
    assert.equal(s.problems.length, 0);
  });
});

describe('not-a-story', () => {
  it('reports a Markdown file under the story globs that is not a story, but not a readme', () => {
    const index = new BacklogIndex();
    index.upsert('backlog/notes.md', '# Notes\n');
    index.upsert('backlog/README.md', '# About\n');
    index.upsert('backlog/s-1.md', '---\nlayout: page\n---\n');
    assert.deepEqual(index.issues('backlog/notes.md').map((i) => i.code), ['not-a-story']);
    assert.deepEqual(index.issues('backlog/README.md'), []);
    const fix = index.issues('backlog/s-1.md')[0].fixes![0];
    assert.equal(fix.title, 'Make it a story: add id S-1');
    index.upsert('backlog/s-1.md', applyEdits('---\nlayout: page\n---\n', fix.edits[0].edits));
    assert.equal(index.story('backlog/s-1.md')?.id, 'S-1');
    assert.ok(index.reportedPaths().includes('backlog/notes.md'));
    index.remove('backlog/notes.md');
    assert.ok(!index.reportedPaths().includes('backlog/notes.md'));
  });
});
