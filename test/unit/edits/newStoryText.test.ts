import * as assert from 'node:assert/strict';
import { newStory, newStoryText, nextId } from '../../../src/core/edits/newStoryText';
import { LineIndex } from '../../../src/core/model/lineIndex';
import { parseStory } from '../../../src/core/parse/parseStory';

describe('newStoryText', () => {
  it('writes front matter, a user story placeholder and an AC section', () => {
    const text = newStoryText({ id: 'S-13', title: 'Export: CSV', type: 'story', rank: 'a0', epic: 'E-1', milestone: 'M-1', vision: ['G-1', 'G-2'], splitFrom: 'S-3', status: 'draft' });
    assert.equal(
      text,
      '---\nid: S-13\ntitle: "Export: CSV"\ntype: story\nstatus: draft\nrank: a0\nepic: E-1\nmilestone: M-1\nvision: [G-1, G-2]\nsplit_from: S-3\n---\n\nAs a <persona>, I want <capability>, so that <benefit>.\n\n## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n',
    );
    const s = parseStory('backlog/s-13.md', text);
    assert.equal(s.id, 'S-13');
    assert.equal(s.title, 'Export: CSV');
    assert.deepEqual(s.vision, ['G-1', 'G-2']);
    assert.equal(s.splitFrom, 'S-3');
    assert.equal(s.acceptanceCriteria?.items.length, 1);
    assert.ok(s.userStory);
    assert.deepEqual(s.problems, []);
  });
  it('uses the given criteria and line ending, and points at the title', () => {
    const r = newStory({ id: 'S-2', title: 'Split part', type: 'story', criteria: ['a', 'b'], eol: '\r\n' });
    assert.ok(!/[^\r]\n/.test(r.text));
    const s = parseStory('x.md', r.text);
    assert.deepEqual(s.acceptanceCriteria?.items.map((i) => i.text), ['a', 'b']);
    const lines = new LineIndex(r.text);
    assert.equal(r.text.slice(lines.offsetAt(r.titleRange.start), lines.offsetAt(r.titleRange.end)), 'Split part');
  });
  it('writes an epic and a milestone', () => {
    assert.equal(parseStory('e.md', newStoryText({ id: 'E-2', title: 'Sharing', type: 'epic' })).type, 'epic');
    const m = newStoryText({ id: 'M-4', title: 'Beta', type: 'milestone' });
    assert.equal(m, '---\nid: M-4\ntitle: Beta\n---\n\nWhat this milestone delivers, and how we will know it is done.\n');
  });
});

describe('nextId', () => {
  it('is the highest number seen plus one', () => {
    assert.equal(nextId(['S-1', 'S-12', 's-3', 'E-40', 'S-13-k3f2'], 'S-'), 'S-14');
    assert.equal(nextId([], 'S-'), 'S-1');
    assert.equal(nextId(['task-7', 'task-7.1', 'task-10'], 'task-'), 'task-11');
  });
  it('adds a short base36 suffix with a random source', () => {
    const seq = [0.5, 0.1, 0.99, 0];
    let i = 0;
    const random = (): number => seq[i++ % seq.length];
    assert.equal(nextId(['S-1', 'S-2-iiii'], 'S-', { random }), 'S-3-i3z0');
    assert.match(nextId(['S-1'], 'S-', { random: Math.random }), /^S-2-[0-9a-z]{4}$/);
  });
});
