import * as assert from 'node:assert/strict';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { frontMatterTokens } from '../../../src/core/intel/frontMatterContext';
import type { Issue } from '../../../src/core/model/issue';
import {
  acceptanceCriteriaFix,
  createGoalFix,
  createMilestoneFix,
  fixesFor,
  freshId,
  nearest,
  nearestValueFix,
  quoteValueFix,
  rankGoals,
  removeReferenceFix,
  visionLinkFixes,
  type IntelFix,
} from '../../../src/core/intel/fixesFor';

const VISION = ['---', 'goals:', '  - id: G1', '    title: Teams plan from one trusted backlog', '  - id: G2', '    title: Nobody waits for a slow tracker to load', '---', '', '# Vision', ''].join('\n');
const S1 = ['---', 'id: S-1', 'title: Load the tracker board fast', 'status: draft', '---', '', 'As a lead, I want a fast board, so that nobody waits.', ''].join('\n');
const S2 = ['---', 'id: S-12', 'title: Other', 'depends_on: [S-1, S-404]', 'milestone: M9', '---', ''].join('\n');

function index(): BacklogIndex {
  const i = new BacklogIndex(defaultConfig());
  i.upsert('backlog/vision.md', VISION);
  i.upsert('backlog/stories/s-1.md', S1);
  i.upsert('backlog/stories/s-12.md', S2);
  return i;
}

/** Applies a fix's edits of one file to its text. */
function applied(fix: IntelFix, path: string, text: string): string {
  const fe = fix.edits.find((e) => e.path === path);
  assert.ok(fe, `fix touches ${path}`);
  return applyEdits(fe.create ? '' : text, fe.edits);
}

describe('intel fixes (text -> text)', () => {
  it('appends an acceptance criteria section and selects the Given placeholder', () => {
    const i = index();
    const f = acceptanceCriteriaFix('backlog/stories/s-1.md', S1, i.byId('S-1')[0]);
    const out = applied(f, 'backlog/stories/s-1.md', S1);
    assert.equal(out, S1 + '\n## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n');
    assert.deepEqual(f.selection, { path: 'backlog/stories/s-1.md', range: { start: { line: 10, character: 6 }, end: { line: 10, character: 52 } } });
    assert.equal(f.isPreferred, true);
  });

  it('keeps CRLF when adding the section to a file without a final newline', () => {
    const text = '---\r\nid: S-1\r\n---\r\nBody';
    const i = new BacklogIndex(defaultConfig());
    i.upsert('backlog/stories/s.md', text);
    assert.equal(applied(acceptanceCriteriaFix('s.md', text, i.story('backlog/stories/s.md')!), 's.md', text), '---\r\nid: S-1\r\n---\r\nBody\r\n\r\n## Acceptance Criteria\r\n\r\n- [ ] Given <context>, when <action>, then <outcome>\r\n');
  });

  it('quotes a value that YAML cannot read (assignee: @someone)', () => {
    const text = '---\nid: S-1\nassignee: @someone\n---\n';
    const f = quoteValueFix('s.md', text, 2)!;
    assert.equal(applied(f, 's.md', text), '---\nid: S-1\nassignee: "@someone"\n---\n');
    assert.equal(quoteValueFix('s.md', text, 1), undefined);
  });

  it('finds the nearest valid status', () => {
    assert.deepEqual(nearest('in progress', ['draft', 'ready', 'in-progress', 'done']), { value: 'in-progress', distance: 0 });
    const text = '---\nid: S-1\nstatus: redy\n---\n';
    const token = frontMatterTokens(text).find((t) => t.key === 'status')!;
    const f = nearestValueFix('s.md', text, token, defaultConfig().statuses)!;
    assert.equal(applied(f, 's.md', text), '---\nid: S-1\nstatus: ready\n---\n');
    assert.equal(f.isPreferred, true);
  });

  it('ranks goals by word overlap with the story, best guess first', () => {
    const i = index();
    assert.deepEqual(rankGoals(i, i.byId('S-1')[0], i.vision()!.goals).map((g) => g.id), ['G2', 'G1']);
    const fixes = visionLinkFixes(i, i.byId('S-1')[0], S1);
    assert.deepEqual(fixes.map((f) => f.title), ['Link to vision goal G2: Nobody waits for a slow tracker to load', 'Link to vision goal G1: Teams plan from one trusted backlog']);
    assert.match(applied(fixes[0], 'backlog/stories/s-1.md', S1), /\nvision: G2\n/);
  });

  it('creates a missing goal at the end of the vision goals', () => {
    const i = index();
    const f = createGoalFix(i, 'G3')!;
    assert.equal(
      applied(f, 'backlog/vision.md', VISION),
      VISION.replace('load\n---', 'load\n  - id: G3\n    title: G3\n---'),
    );
  });

  it('creates a missing milestone file in the milestones folder', () => {
    const f = createMilestoneFix(index(), 'M9')!;
    assert.equal(f.edits[0].path, 'backlog/milestones/m9.md');
    assert.equal(f.edits[0].create, true);
    assert.equal(applied(f, 'backlog/milestones/m9.md', ''), '---\nid: M9\ntitle: M9\n---\n');
  });

  it('gives a fresh id after the highest of the same prefix', () => {
    assert.equal(freshId(index(), 'S-1'), 'S-13');
    assert.equal(freshId(index(), 'BACK-7'), 'BACK-1');
  });

  it('removes a dangling list reference', () => {
    const token = frontMatterTokens(S2).find((t) => t.value === 'S-404')!;
    assert.equal(applied(removeReferenceFix('s.md', S2, token), 's.md', S2), S2.replace('[S-1, S-404]', '[S-1]'));
  });
});

describe('fixesFor', () => {
  const issue = (code: Issue['code'], path: string, line: number, start: number, end: number, fixes?: Issue['fixes']): Issue => ({
    code,
    severity: 'error',
    message: code,
    path,
    range: { start: { line, character: start }, end: { line, character: end } },
    fixes,
  });

  it('offers the replacement, creation and removal for an unknown milestone', () => {
    const fixes = fixesFor(index(), issue('unknown-reference', 'backlog/stories/s-12.md', 4, 11, 13));
    assert.deepEqual(fixes.map((f) => f.title), ['Create milestone M9 (backlog/milestones/m9.md)', 'Remove the reference to M9']);
  });

  it("keeps the core's own fix first and drops an identical computed one", () => {
    const text = '---\nid: S-1\nassignee: @someone\n---\n';
    const i = new BacklogIndex(defaultConfig());
    i.upsert('backlog/stories/s-1.md', text);
    const core = { title: 'Quote it (core)', edits: [{ path: 'backlog/stories/s-1.md', edits: [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 18 } }, newText: '"@someone"' }] }], isPreferred: true };
    const fixes = fixesFor(i, issue('front-matter-syntax', 'backlog/stories/s-1.md', 2, 10, 11, [core]));
    assert.deepEqual(fixes.map((f) => f.title), ['Quote it (core)']);
  });
});

describe('fixesFor with the rules of the index', () => {
  it("replaces the core's bare criteria section by the Given/When/Then one that places the cursor", () => {
    const i = index();
    const issue = i.issues('backlog/stories/s-1.md').find((x) => x.code === 'missing-acceptance-criteria');
    assert.ok(issue, 'the rule reports missing criteria');
    const fixes = fixesFor(i, issue);
    const ac = fixes.filter((f) => /acceptance criteria/i.test(f.title));
    assert.equal(ac.length, 1);
    assert.equal(ac[0].isPreferred, true);
    assert.ok(ac[0].selection);
    assert.match(applied(ac[0], 'backlog/stories/s-1.md', S1), /- \[ \] Given <context>, when <action>, then <outcome>\n$/);
  });
});
