import * as assert from 'node:assert/strict';
import { isStoryFile, parseStory } from '../../../src/core/parse/parseStory';
import { parseVision } from '../../../src/core/parse/parseVision';
import { parseMilestone } from '../../../src/core/parse/parseMilestone';

const STORY = `---
id: S-12
title: Export the backlog as CSV
type: story
status: ready
rank: a0V
priority: should
estimate: 5
value: 8
time_criticality: 3
risk_reduction: 2
epic: E-2
milestone: m-1
vision: G-1
depends_on: [S-3, S-4]
labels: [export]
assignee: ann
persona: product owner
created: 2024-05-01
split_from: S-7
---
# Export

As a product owner, I want to export the backlog as CSV,
so that I can share it with finance.

## Acceptance Criteria

- [ ] Given a backlog, when I export, then every story is a row
- [x] The file opens in a spreadsheet
`;

describe('parseStory', () => {
  it('normalises every field', () => {
    const s = parseStory('backlog/s-12.md', STORY);
    assert.equal(s.id, 'S-12');
    assert.equal(s.title, 'Export the backlog as CSV');
    assert.deepEqual(s.titleRange, { start: { line: 2, character: 7 }, end: { line: 2, character: 32 } });
    assert.equal(s.type, 'story');
    assert.equal(s.status, 'ready');
    assert.equal(s.rank, 'a0V');
    assert.equal(s.priority, 'should');
    assert.equal(s.estimate, 5);
    assert.equal(s.value, 8);
    assert.equal(s.timeCriticality, 3);
    assert.equal(s.riskReduction, 2);
    assert.equal(s.epic, 'E-2');
    assert.equal(s.milestone, 'm-1');
    assert.deepEqual(s.vision, ['G-1']);
    assert.deepEqual(s.dependsOn, ['S-3', 'S-4']);
    assert.deepEqual(s.labels, ['export']);
    assert.deepEqual(s.assignee, ['ann']);
    assert.equal(s.persona, 'product owner');
    assert.equal(s.created, '2024-05-01');
    assert.equal(s.splitFrom, 'S-7');
    assert.equal(s.bodyStartLine, 21);
    assert.equal(s.userStory!.text, 'As a product owner, I want to export the backlog as CSV, so that I can share it with finance.');
    assert.deepEqual(s.userStory!.range, { start: { line: 23, character: 0 }, end: { line: 24, character: 36 } });
    assert.equal(s.acceptanceCriteria!.items.length, 2);
    assert.deepEqual(s.problems, []);
    assert.ok(isStoryFile(s));
  });

  it('maps Backlog.md fields', () => {
    const s = parseStory(
      'backlog/tasks/back-1.md',
      "---\nid: BACK-1\ntitle: T\nstatus: To Do\nassignee: ['@a', '@b']\ndependencies: [BACK-2]\nparent_task_id: BACK-0\nordinal: 1500\ncreated_date: '2025-08-03'\nupdated_date: '2026-07-16 21:49'\n---\n",
    );
    assert.deepEqual(s.assignee, ['@a', '@b']);
    assert.deepEqual(s.dependsOn, ['BACK-2']);
    assert.equal(s.epic, 'BACK-0');
    assert.equal(s.ordinal, 1500);
    assert.equal(s.created, '2025-08-03');
    assert.equal(s.updated, '2026-07-16 21:49');
    assert.equal(parseStory('p.md', '---\nid: A\nparent: E-1\n---\n').epic, 'E-1');
  });

  it('takes the title from the first # heading, then from the file name', () => {
    const h = parseStory('backlog/x.md', '---\nid: S-1\n---\n\n## Not this\n# The title #\n');
    assert.equal(h.title, 'The title');
    assert.deepEqual(h.titleRange, { start: { line: 5, character: 0 }, end: { line: 5, character: 13 } });
    const f = parseStory('backlog/s-77 - my story.md', '---\nid: S-1\n---\nno heading\n');
    assert.equal(f.title, 's-77 - my story');
    assert.deepEqual(f.titleRange.start, { line: 0, character: 0 });
  });

  it('normalises wrongly shaped values without reporting them', () => {
    const s = parseStory(
      's.md',
      '---\nid: S-1\ntitle: [a, list]\nstatus: {x: 1}\nestimate: lots\nlabels: {a: 1}\nvision: [G-1, {x: 1}, 3]\nrank: 5\nordinal: first\n---\n',
    );
    assert.equal(s.title, 's');
    assert.equal(s.status, undefined);
    assert.equal(s.estimate, undefined);
    assert.deepEqual(s.labels, []);
    assert.deepEqual(s.vision, ['G-1', '3']);
    assert.equal(s.rank, undefined);
    assert.equal(s.ordinal, undefined);
    assert.deepEqual(s.problems, []);
    assert.deepEqual(s.frontMatter!.data.title, ['a', 'list']);
  });

  it('keeps a story with broken YAML, with its id and title', () => {
    const s = parseStory('s.md', '---\nid: S-5\ntitle: "Broken: yes"\nassignee: @me\n---\n## Acceptance Criteria\n- [ ] one\n');
    assert.ok(isStoryFile(s));
    assert.equal(s.id, 'S-5');
    assert.equal(s.title, 'Broken: yes');
    assert.deepEqual(s.assignee, ['@me']);
    assert.equal(s.problems.length, 1);
    assert.deepEqual(s.problems[0].range.start, { line: 3, character: 10 });
    assert.equal(s.acceptanceCriteria!.items.length, 1);
  });

  it('is not a story without front matter, or without id and title', () => {
    assert.equal(isStoryFile(parseStory('README.md', '# Readme\n\nSome notes.\n')), false);
    assert.equal(isStoryFile(parseStory('n.md', '---\nlayout: page\n---\n')), false);
    assert.equal(isStoryFile(parseStory('n.md', '---\ntitle: Only a title\n---\n')), true);
    assert.equal(isStoryFile(parseStory('n.md', '---js\n{}\n---\n')), true);
  });

  it('handles an empty file', () => {
    const s = parseStory('backlog/empty.md', '');
    assert.equal(s.title, 'empty');
    assert.equal(s.lineCount, 1);
    assert.equal(s.frontMatter, undefined);
    assert.equal(isStoryFile(s), false);
  });

  it('ignores binary junk with a .md name', () => {
    const junk = 'PK\u0003\u0004\u0000\u0000\ufffd\ufffd# Acceptance Criteria\n- [ ] x\n' + '\ufffd'.repeat(200);
    const s = parseStory('backlog/zip.md', junk);
    assert.equal(isStoryFile(s), false);
    assert.equal(s.acceptanceCriteria, undefined);
    assert.deepEqual(s.problems, []);
  });

  it('reads a BOM and CRLF story', () => {
    const text = '\uFEFF---\r\nid: S-1\r\ntitle: T\r\n---\r\n## Acceptance Criteria\r\n- [x] done\r\n';
    const s = parseStory('s.md', text);
    assert.equal(s.id, 'S-1');
    assert.deepEqual(s.acceptanceCriteria!.items.map((i) => [i.text, i.checked, i.range.end.character]), [['done', true, 10]]);
  });

  it('parses a 5 MB story in well under a second', () => {
    const chunk = 'Some paragraph text about the feature, long enough to be realistic.\n\n- a list item\n- [ ] a task\n\n```\n# code\n```\n\n';
    let body = '';
    while (body.length < 5_000_000) body += chunk;
    const text = `---\nid: S-BIG\ntitle: Big\n---\n# Big\n\n## Acceptance Criteria\n\n- [ ] first\n\n## Notes\n\n${body}`;
    const t0 = Date.now();
    const s = parseStory('big.md', text);
    const ms = Date.now() - t0;
    // Why 3 s and not 1 s: tests share a loaded 2-core CI box; idle, this takes ~250 ms (see the parse report).
    assert.ok(ms < 3000, `took ${ms} ms`);
    assert.equal(s.acceptanceCriteria!.items.length, 1);
  });

  it('survives a 5 MB body that the scanner cannot read with certainty', () => {
    const text = '---\nid: S-Q\n---\n' + '> quoted line\n'.repeat(400_000);
    const t0 = Date.now();
    const s = parseStory('q.md', text);
    assert.ok(Date.now() - t0 < 3000);
    assert.equal(s.id, 'S-Q');
  });
});

describe('parseVision', () => {
  it('reads goals with ranges and the statement', () => {
    const v = parseVision(
      'backlog/vision.md',
      '---\ngoals:\n  - id: G-1\n    title: Faster grooming\n    metric: median groom time < 10 min\n  - id: G-2\n    title: Trust\n  - title: no id\n---\n# Vision\n\nTeams plan in their repo.\n',
    );
    assert.deepEqual(
      v.goals.map((g) => [g.id, g.title, g.metric, g.range.start.line]),
      [
        ['G-1', 'Faster grooming', 'median groom time < 10 min', 2],
        ['G-2', 'Trust', undefined, 5],
      ],
    );
    assert.equal(v.statement, '# Vision\n\nTeams plan in their repo.');
    assert.deepEqual(v.problems, []);
  });

  it('reports broken YAML in the vision', () => {
    const v = parseVision('backlog/vision.md', '---\ngoals: [\n---\n');
    assert.equal(v.problems[0].code, 'front-matter-syntax');
    assert.deepEqual(v.goals, []);
  });
});

describe('parseMilestone', () => {
  it('reads id, title, dates, status and description', () => {
    const m = parseMilestone('backlog/milestones/m-1.md', '---\nid: m-1\ntitle: Beta\nstart: 2024-05-01\ndue: 2024-06-30\nstatus: active\n---\nFirst public beta.\n');
    assert.deepEqual(
      { id: m.id, title: m.title, start: m.start, due: m.due, status: m.status, description: m.description },
      { id: 'm-1', title: 'Beta', start: '2024-05-01', due: '2024-06-30', status: 'active', description: 'First public beta.' },
    );
  });

  it('falls back to the file name for the id', () => {
    const m = parseMilestone('backlog/milestones/m-2 - launch.md', '# Launch\n\nGo live.\n');
    assert.equal(m.id, 'm-2 - launch');
    assert.equal(m.title, 'Launch');
  });
});
