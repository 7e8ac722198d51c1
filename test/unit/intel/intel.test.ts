import * as assert from 'node:assert/strict';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { completionsAt } from '../../../src/core/intel/completionsAt';
import { hoverAt } from '../../../src/core/intel/hoverAt';
import { definitionAt, documentLinks } from '../../../src/core/intel/definitionAt';
import { referencesOf } from '../../../src/core/intel/referencesOf';
import { codeLensFor } from '../../../src/core/intel/codeLensFor';

const VISION = ['---', 'goals:', '  - id: G1', '    title: Teams plan from one trusted backlog', '  - id: G2', '    title: Nobody waits for a tracker to load', '---', '', '# Vision', ''].join('\n');
const MILESTONE = ['---', 'id: M1', 'title: First public beta', 'due: 2026-03-27', '---', ''].join('\n');
const EPIC = ['---', 'id: E-1', 'title: Backlog import', 'type: epic', 'status: ready', 'rank: a0', 'estimate: 8', 'vision: G1', '---', '', 'As a lead, I want imports, so that planning is quick.', '', '## Acceptance Criteria', '', '- [x] Given a CSV, when I import it, then rows become stories', ''].join('\n');
const S1 = [
  '---',
  'id: S-1',
  'title: Import stories from a CSV file',
  'status: ready',
  'rank: a1',
  'estimate: 4',
  'value: 5',
  'time_criticality: 3',
  'risk_reduction: 2',
  'epic: E-1',
  'milestone: M1',
  'depends_on: [S-2]',
  '---',
  '',
  'As a lead, I want to import a CSV, so that I keep my backlog. Needs #S-2 first.',
  '',
  '## Acceptance Criteria',
  '',
  '- [x] Given a CSV, when I import it, then every row becomes a story',
  '- [ ] Given a bad row, when I import, then it is reported',
  '',
].join('\n');
const S2 = ['---', 'id: S-2', 'title: Show the import preview', 'status: draft', 'rank: a2', 'epic: E-1', '---', '', 'See S-1 and E-1.', ''].join('\n');

function fixtureIndex(): BacklogIndex {
  const index = new BacklogIndex(defaultConfig());
  index.upsert('backlog/vision.md', VISION);
  index.upsert('backlog/milestones/m1.md', MILESTONE);
  index.upsert('backlog/stories/e-1.md', EPIC);
  index.upsert('backlog/stories/s-1.md', S1);
  index.upsert('backlog/stories/s-2.md', S2);
  return index;
}

const pos = (text: string, line: number, needle: string, offset = 0) => ({ line, character: text.split('\n')[line].indexOf(needle) + offset });

describe('completionsAt', () => {
  const index = fixtureIndex();
  it('offers the missing field names in key position', () => {
    const text = S2.replace('epic: E-1', 'epic: E-1\nprio');
    const items = completionsAt(index, 'backlog/stories/s-2.md', text, { line: 6, character: 4 });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('priority'));
    assert.ok(!labels.includes('status'), 'status is already present');
    const p = items.find((i) => i.label === 'priority')!;
    assert.equal(p.insertText, 'priority: ');
    assert.deepEqual(p.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 4 } });
    assert.match(p.documentation ?? '', /MoSCoW/);
  });
  it('offers the workflow statuses and priorities in order', () => {
    assert.deepEqual(completionsAt(index, 'backlog/stories/s-2.md', S2, pos(S2, 3, 'draft')).map((i) => i.label), [...defaultConfig().statuses]);
    const t = S2.replace('status: draft', 'priority: ');
    assert.deepEqual(completionsAt(index, 'backlog/stories/s-2.md', t, { line: 3, character: 10 }).map((i) => i.label), [...defaultConfig().priorities]);
  });
  it('offers epics only for epic, goals with titles for vision, milestones for milestone', () => {
    const epics = completionsAt(index, 'backlog/stories/s-2.md', S2, pos(S2, 5, 'E-1'));
    assert.deepEqual(epics.map((i) => [i.label, i.detail]), [['E-1', 'Backlog import']]);
    const t = S2.replace('epic: E-1', 'vision: \nmilestone: ');
    assert.deepEqual(completionsAt(index, 'backlog/stories/s-2.md', t, { line: 5, character: 8 }).map((i) => [i.label, i.detail]), [
      ['G1', 'Teams plan from one trusted backlog'],
      ['G2', 'Nobody waits for a tracker to load'],
    ]);
    assert.deepEqual(completionsAt(index, 'backlog/stories/s-2.md', t, { line: 6, character: 11 }).map((i) => [i.label, i.detail]), [['M1', 'First public beta']]);
  });
  it('offers other stories for depends_on, not itself nor those already listed', () => {
    const t = S1.replace('depends_on: [S-2]', 'depends_on: [S-2, ]');
    const items = completionsAt(index, 'backlog/stories/s-1.md', t, { line: 11, character: 18 });
    assert.deepEqual(items.map((i) => i.label), ['E-1']);
    assert.deepEqual(items[0].range, { start: { line: 11, character: 18 }, end: { line: 11, character: 18 } });
  });
  it('offers nothing in the body', () => {
    assert.deepEqual(completionsAt(index, 'backlog/stories/s-2.md', S2, { line: 8, character: 2 }), []);
  });
});

describe('hoverAt', () => {
  const index = fixtureIndex();
  it('explains a story id in the body: title, status, criteria, rank, WSJF with formula and inputs', () => {
    const h = hoverAt(index, 'backlog/stories/s-2.md', S2, pos(S2, 8, 'S-1', 1))!;
    assert.deepEqual(h.range, { start: { line: 8, character: 4 }, end: { line: 8, character: 7 } });
    assert.match(h.markdown, /\*\*S-1 · Import stories from a CSV file\*\*/);
    assert.match(h.markdown, /status \*\*ready\*\*/);
    assert.match(h.markdown, /Acceptance criteria: 1\/2 done/);
    assert.match(h.markdown, /Rank 2 of 3/);
    assert.match(h.markdown, /WSJF \*\*2\.5\*\*/);
    assert.match(h.markdown, /value 5/);
    assert.match(h.markdown, /estimate 4/);
  });
  it('explains a goal and a milestone in front matter', () => {
    const g = hoverAt(index, 'backlog/stories/e-1.md', EPIC, pos(EPIC, 7, 'G1'))!;
    assert.match(g.markdown, /G1 · Teams plan from one trusted backlog/);
    const m = hoverAt(index, 'backlog/stories/s-1.md', S1, pos(S1, 10, 'M1'))!;
    assert.match(m.markdown, /M1 · First public beta/);
    assert.match(m.markdown, /due 2026-03-27/);
    assert.match(m.markdown, /0\/1 story done/);
  });
  it('gives nothing on words that are not known ids', () => {
    assert.equal(hoverAt(index, 'backlog/stories/s-2.md', S2, pos(S2, 8, 'See')), undefined);
  });
});

describe('definitionAt and documentLinks', () => {
  const index = fixtureIndex();
  it('goes from #S-2 to the story title, from G1 to the vision goal, from M1 to the milestone title', () => {
    const [d] = definitionAt(index, 'backlog/stories/s-1.md', S1, pos(S1, 14, '#S-2', 2));
    assert.equal(d.path, 'backlog/stories/s-2.md');
    assert.equal(d.range.start.line, 2);
    const [g] = definitionAt(index, 'backlog/stories/e-1.md', EPIC, pos(EPIC, 7, 'G1'));
    assert.equal(g.path, 'backlog/vision.md');
    assert.equal(g.range.start.line, 2);
    const [m] = definitionAt(index, 'backlog/stories/s-1.md', S1, pos(S1, 10, 'M1'));
    assert.deepEqual(m, { path: 'backlog/milestones/m1.md', range: { start: { line: 2, character: 7 }, end: { line: 2, character: 24 } } });
  });
  it('links every known id in front matter and body', () => {
    const links = documentLinks(index, 'backlog/stories/s-1.md', S1).map((l) => `${l.range.start.line}:${l.range.start.character}->${l.target.path}`);
    assert.deepEqual(links, ['9:6->backlog/stories/e-1.md', '10:11->backlog/milestones/m1.md', '11:13->backlog/stories/s-2.md', '14:69->backlog/stories/s-2.md']);
  });
});

describe('referencesOf', () => {
  const index = fixtureIndex();
  it('finds every front-matter and body reference to an id', () => {
    const refs = referencesOf(index, 'E-1').map((r) => `${r.path}@${r.range.start.line}:${r.range.start.character}`);
    assert.deepEqual(refs, ['backlog/stories/s-1.md@9:6', 'backlog/stories/s-2.md@5:6', 'backlog/stories/s-2.md@8:12']);
    const withDecl = referencesOf(index, 'S-2', true).map((r) => `${r.path}@${r.range.start.line}`);
    assert.deepEqual(withDecl, ['backlog/stories/s-1.md@11', 'backlog/stories/s-1.md@14', 'backlog/stories/s-2.md@1']);
  });
});

describe('codeLensFor', () => {
  const index = fixtureIndex();
  it('shows rank, WSJF and readiness above the title', () => {
    const lens = codeLensFor(index, index.byId('S-1')[0]);
    assert.equal(lens.range.start.line, 2);
    assert.match(lens.title, /^Rank 2 of 3 · AC 1\/2 · WSJF 2\.5 · /);
  });
  it('says what blocks readiness', () => {
    const lens = codeLensFor(index, index.byId('S-2')[0]);
    assert.match(lens.title, /^Rank 3 of 3 · Not ready: /);
    assert.match(lens.title, /acceptance criteria/);
  });
});

describe('iteration ids (hover, definition, references)', () => {
  const ITERATION = ['---', 'id: I-1', 'title: Sprint 1', 'start: 2026-03-02', 'end: 2026-03-13', 'capacity: 10', 'goal: G1', '---', '', 'Import first.', ''].join('\n');
  const S3 = ['---', 'id: S-3', 'title: Map CSV columns', 'status: ready', 'rank: a3', 'estimate: 3', 'iteration: I-1', '---', '', 'Planned into I-1.', ''].join('\n');
  const index = fixtureIndex();
  index.upsert('backlog/iterations/i-1.md', ITERATION);
  index.upsert('backlog/stories/s-3.md', S3);
  it('explains an iteration in front matter: dates, goal, what is committed against the capacity', () => {
    const h = hoverAt(index, 'backlog/stories/s-3.md', S3, pos(S3, 6, 'I-1'))!;
    assert.match(h.markdown, /I-1 · Sprint 1\*\* \(iteration\)/);
    assert.match(h.markdown, /2026-03-02 → 2026-03-13/);
    assert.match(h.markdown, /Goal: Teams plan from one trusted backlog \\\(G1\\\)/);
    assert.match(h.markdown, /3 of 10 pts committed, 0 done/);
    assert.match(h.markdown, /0\/1 story done/);
  });
  it('goes from iteration: I-1 and from a body mention to the iteration title, and links both', () => {
    const [d] = definitionAt(index, 'backlog/stories/s-3.md', S3, pos(S3, 6, 'I-1'));
    assert.deepEqual(d, { path: 'backlog/iterations/i-1.md', range: { start: { line: 2, character: 7 }, end: { line: 2, character: 15 } } });
    const [b] = definitionAt(index, 'backlog/stories/s-3.md', S3, pos(S3, 9, 'I-1'));
    assert.equal(b.path, 'backlog/iterations/i-1.md');
    const links = documentLinks(index, 'backlog/stories/s-3.md', S3).map((l) => `${l.range.start.line}:${l.range.start.character}->${l.target.path}`);
    assert.deepEqual(links, ['6:11->backlog/iterations/i-1.md', '9:13->backlog/iterations/i-1.md']);
  });
  it('finds the stories naming an iteration, and its own id when asked', () => {
    const refs = referencesOf(index, 'I-1', true).map((r) => `${r.path}@${r.range.start.line}`);
    assert.deepEqual(refs, ['backlog/stories/s-3.md@6', 'backlog/stories/s-3.md@9', 'backlog/iterations/i-1.md@1']);
  });
});
